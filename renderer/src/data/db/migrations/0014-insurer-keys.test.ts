import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DATA_TIERS, DEMO_SEED } from '../../../../../shared/generator/data-tiers';
import { generateChunk, generatePolicy } from '../../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../../shared/generator/plan-portfolio';
import { insurerCoverSchema, type InsurerCover } from '../../../../../shared/sync/insurer-cover';
import { toIsoDate } from '../../../../../shared/time/iso-date';
import { chunksNaming } from '../../sync/chunks-naming';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0014 } from './0014-insurer-keys';

const today = toIsoDate('2026-11-24');
const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
const chunk = (chunkId: number) => generateChunk(plan, generatePolicy(today), chunkId);

const cover = (coverId: string, companyId: string, customerReference: string | null = null): InsurerCover =>
  insurerCoverSchema.parse({
    coverId, companyId, customerReference, status: 'APPROVED', requestedAmount: null, decidedAmount: '1000.00', currency: 'EUR', tranches: [], conditions: [], reasons: [],
    pendingChange: null, decidedAt: null, updatedAt: '2026-11-24T09:00:00Z', version: 1,
  });

// The chunks found for the covers: by cover id their limit chunks (no debtor chunk is read whole for them),
// by customer number or buyer id the debtor chunks to match in.
const naming = (db: KredoDb, covers: InsurerCover[]) =>
  db.transaction('rw', db.debtorChunks, db.limitChunks, db.worklistDebtorChunks, async () => {
    const named = await chunksNaming(db, covers);
    return [...new Set([...named.limitChunks, ...named.debtorChunks].map((found) => found.chunkId))].sort((a, b) => a - b);
  });

describe('migration 0014: chunks found by the cover ids, customer numbers and buyer ids they hold', () => {
  it('finds the chunks of a version-13 store, written before the keys, by every key a cover may carry', async () => {
    // Version 13 as an older Kredo wrote it: plain records, no keys.
    const old = new Dexie('migration-0014');
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version < 14)) old.version(migration.version).stores(migration.stores);
    const [first, second] = [chunk(0), chunk(1)];
    const slot = second.debtors.findIndex((debtor) => second.limits.some((limit) => limit.debtorId === debtor.id && limit.source === 'insurer'));
    const merged = { ...second.debtors[slot]!, chunkId: 1, insurerBuyerId: 'KSB-1', aliases: { customerCodes: ['OLD-7'], identifiers: [], partyKeys: [], debtorIds: [], insurerBuyerIds: ['KSB-OLD'], names: [] } };
    const withOldCover = second.limits.map((limit) => (limit.debtorId === merged.id && limit.source === 'insurer' ? { ...limit, otherCovers: [{ ...limit, coverId: 'CV-SUPERSEDED', otherCovers: undefined }] } : limit));
    await old.table('debtorChunks').bulkPut([{ chunkId: 0, debtors: first.debtors.map((debtor) => ({ ...debtor, chunkId: 0 })) }, { chunkId: 1, debtors: second.debtors.map((debtor, index) => (index === slot ? merged : { ...debtor, chunkId: 1 })) }]);
    await old.table('limitChunks').bulkPut([{ chunkId: 0, limits: first.limits }, { chunkId: 1, limits: withOldCover }]);
    old.close();

    const db = new KredoDb('migration-0014', MIGRATIONS.filter((migration) => migration.version <= 14));
    await db.open();
    expect(db.verno).toBe(migration0014.version);
    db.close();
    // Looked up as today's Kredo does, on the store upgraded on from version 14 (the look-up also reads
    // tables of later versions, such as the worklist debtors of 0024).
    const current = new KredoDb('migration-0014');
    await current.open();
    expect(await current.debtorChunks.count()).toBe(2);
    const coverOfFirst = first.limits.find((limit) => limit.coverId)!.coverId!;
    expect(await naming(current, [cover(coverOfFirst, 'KSB-X')])).toEqual([0]);
    expect(await naming(current, [cover('CV-SUPERSEDED', 'KSB-X')])).toEqual([1]);
    expect(await naming(current, [cover('CV-NEW', 'KSB-X', second.debtors[slot + 1]!.customerCode)])).toEqual([1]);
    expect(await naming(current, [cover('CV-NEW', 'KSB-1')])).toEqual([1]);
    expect(await naming(current, [cover('CV-NEW', 'KSB-OLD')])).toEqual([1]);
    expect(await naming(current, [cover('CV-NEW', 'KSB-X', 'OLD-7')])).toEqual([1]);
    expect(await naming(current, [cover('CV-NEW', 'KSB-NOBODY', 'nobody')])).toEqual([]);
    current.close();
  });

  it('keeps the keys of whatever is written next, by any writer: a customer number that goes is no longer found', async () => {
    const db = new KredoDb('migration-0014-writes');
    const [first, second] = [chunk(0), chunk(1)];
    await db.debtorChunks.put({ chunkId: 0, debtors: first.debtors.map((debtor) => ({ ...debtor, chunkId: 0 })) });
    await db.debtorChunks.put({ chunkId: 1, debtors: second.debtors.map((debtor) => ({ ...debtor, chunkId: 1 })) });
    const code = first.debtors[3]!.customerCode;
    expect(await naming(db, [cover('CV-NEW', 'KSB-X', code)])).toEqual([0]);
    // A spread of the stored record with other debtors (as a merge writes it) carries no stale keys.
    const stored = (await db.debtorChunks.get(0))!;
    await db.debtorChunks.put({ ...stored, debtors: stored.debtors.filter((debtor) => debtor.customerCode !== code) });
    expect(await naming(db, [cover('CV-NEW', 'KSB-X', code)])).toEqual([]);
    db.close();
  });
});
