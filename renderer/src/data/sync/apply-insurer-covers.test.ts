import 'fake-indexeddb/auto';
import type { DBCore, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ageingBuckets, DEFAULT_AGEING } from '../../../../shared/domain/ageing/ageing-config';
import { summarisePortfolio } from '../../../../shared/domain/summaries/portfolio-summary';
import { DATA_TIERS, DEMO_SEED } from '../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../shared/generator/plan-portfolio';
import { insurerCoverSchema } from '../../../../shared/sync/insurer-cover';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { replacePortfolio } from '../store/replace-portfolio';
import { applyInsurerCovers } from './apply-insurer-covers';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
let db: KredoDb;
afterEach(() => db?.close());

/** The chunks each table handed out records of (by their chunkId), as the store is read. */
function recordReads(store: KredoDb): Map<string, Set<number>> {
  const reads = new Map<string, Set<number>>();
  const note = (table: string, records: readonly unknown[]) => {
    for (const record of records) if (record && typeof record === 'object' && 'chunkId' in record) (reads.get(table) ?? reads.set(table, new Set()).get(table)!).add(record.chunkId as number);
  };
  store.use({
    stack: 'dbcore',
    name: 'recordReads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          get: (request) => table.get(request).then((value: unknown) => (note(name, [value]), value)),
          getMany: (request) => table.getMany(request).then((values) => (note(name, values), values)),
          query: (request) => table.query(request).then((answer) => (request.values && note(name, answer.result), answer)),
        };
      },
    }),
  });
  return reads;
}

async function demoStore(name: string, configure: (store: KredoDb) => void = () => undefined): Promise<KredoDb> {
  db = new KredoDb(name);
  configure(db);
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at, source: 'demo' });
  return db;
}

const cover = (fields: { coverId: string; companyId?: string; customerReference?: string; amount: string; status?: string; version: number }) =>
  insurerCoverSchema.parse({
    coverId: fields.coverId, companyId: fields.companyId ?? 'C-1', customerReference: fields.customerReference ?? null, status: fields.status ?? 'APPROVED', requestedAmount: null,
    decidedAmount: fields.amount, currency: 'EUR', tranches: [{ amount: fields.amount, effectiveFrom: '2026-11-01', expiresAt: null, kind: 'permanent' }], conditions: [], reasons: [],
    pendingChange: null, decidedAt: '2026-11-24T09:00:00Z', updatedAt: '2026-11-24T09:00:00Z', version: fields.version,
  });

describe('applying the insurer’s covers to the store', () => {
  it('changes the limit, its debtor’s exposure figures and the portfolio at once, with an audit entry; a replay changes nothing', async () => {
    const store = await demoStore('apply-covers-1');
    const limits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
    const target = limits.find((limit) => limit.source === 'insurer' && limit.status === 'APPROVED' && limit.decidedAmountMinor > 1_000_000)!;
    const before = (await store.portfolio.get('current'))!;
    const summaryBefore = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === target.debtorId)!;

    const result = await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '1000.00', status: 'REDUCED', version: 1 })], { today, at });
    expect(result.changed).toEqual([target.debtorId]);
    expect(result.changes).toEqual([expect.objectContaining({ debtorId: target.debtorId, status: 'REDUCED', amountMinor: 100_000, previousStatus: 'APPROVED', previousAmountMinor: target.decidedAmountMinor })]);
    const stored = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits).find((limit) => limit.coverId === target.coverId)!;
    expect(stored).toMatchObject({ status: 'REDUCED', decidedAmountMinor: 100_000, insurerVersion: 1 });
    expect(stored.history.at(-1)).toMatchObject({ status: 'REDUCED', amountMinor: 100_000 });
    const summaryAfter = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((summary) => summary.debtorId === target.debtorId)!;
    expect(summaryAfter.limitMinor).toBe(100_000);
    expect(summaryAfter.limitState).toBe('REDUCED');
    expect((await store.portfolio.get('current'))!.limitMinor).toBe(before.limitMinor - summaryBefore.limitMinor + 100_000);
    expect(await store.audit.where('[entityType+entityId]').equals(['limit', target.debtorId]).count()).toBe(1);
    // The Limits screen's list of insurer changes is part of the same write: a crash after it cannot lose it.
    expect((await store.syncState.get('recentChanges'))?.value).toEqual(result.changes);

    expect(await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '1000.00', status: 'REDUCED', version: 1 })], { today, at })).toEqual({ changed: [], changes: [], unmatched: [] });
    // A newer version with the same decision (an insurer-side edit Kredo does not show) is stored without a notification.
    expect((await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '1000.00', status: 'REDUCED', version: 2 })], { today, at })).changes).toEqual([]);
    expect((await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits).find((limit) => limit.coverId === target.coverId)!.insurerVersion).toBe(2);
    expect(await store.audit.where('[entityType+entityId]').equals(['limit', target.debtorId]).count()).toBe(1);
  });

  it('gives a debtor without insurer cover its new cover by customer number, and leaves unknown buyers out', async () => {
    const store = await demoStore('apply-covers-2');
    const limits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
    const debtors = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
    const uncovered = debtors.find((debtor) => !limits.some((limit) => limit.debtorId === debtor.id && limit.source === 'insurer'))!;
    const result = await applyInsurerCovers(store, [cover({ coverId: 'CV-NEW', customerReference: uncovered.customerCode, amount: '25000.00', version: 1 }), cover({ coverId: 'CV-STRANGER', customerReference: 'nobody', amount: '5000.00', version: 1 })], { today, at });
    expect(result).toMatchObject({ changed: [uncovered.id], unmatched: ['CV-STRANGER'] });
    expect(result.changes).toEqual([expect.objectContaining({ debtorId: uncovered.id, debtorName: uncovered.name, status: 'APPROVED', amountMinor: 2_500_000 })]);
    expect(result.changes[0]).not.toHaveProperty('previousStatus');
    const summary = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((candidate) => candidate.debtorId === uncovered.id)!;
    expect(summary).toMatchObject({ limitMinor: 2_500_000, limitSource: 'insurer', limitState: 'APPROVED' });
  });

  it('follows a cover re-issued under a new cover id with a lower version: its limit, exposure figures and notification, whichever of the old cover’s cancellation and the new cover comes first', async () => {
    for (const [run, order] of [[3, 'cancellation first'], [4, 'new cover first']] as const) {
      const store = await demoStore(`apply-covers-${run}`);
      const limits = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits);
      const debtors = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors);
      const target = limits.find((limit) => limit.source === 'insurer' && limit.status === 'APPROVED' && !limit.pendingChange && limit.tranches.length === 1)!;
      const debtor = debtors.find((candidate) => candidate.id === target.debtorId)!;
      // Kredo holds the old cover at version 3 (a full resync, say).
      await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '30000.00', version: 3 })], { today, at });
      const cancelled = cover({ coverId: target.coverId!, amount: '0.00', status: 'CANCELLED', version: 4 });
      const reissued = { ...cover({ coverId: `${target.coverId!}-R2`, customerReference: debtor.customerCode, amount: '45000.00', version: 1 }), decidedAt: '2026-11-24T09:30:00Z' };
      const result = await applyInsurerCovers(store, order === 'cancellation first' ? [cancelled, reissued] : [reissued, cancelled], { today, at });

      const stored = (await store.limitChunks.toArray()).flatMap((chunk) => chunk.limits).filter((limit) => limit.debtorId === target.debtorId && limit.source === 'insurer');
      expect(stored, order).toHaveLength(1);
      expect(stored[0], order).toMatchObject({ coverId: `${target.coverId!}-R2`, status: 'APPROVED', decidedAmountMinor: 4_500_000, insurerVersion: 1 });
      expect(stored[0]!.otherCovers, order).toEqual([expect.objectContaining({ coverId: target.coverId, status: 'CANCELLED', insurerVersion: 4 })]);
      const summary = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries).find((candidate) => candidate.debtorId === target.debtorId)!;
      expect(summary, order).toMatchObject({ limitMinor: 4_500_000, limitSource: 'insurer', limitState: 'APPROVED' });
      expect(result.changes.at(-1), order).toMatchObject({ debtorId: target.debtorId, status: 'APPROVED', amountMinor: 4_500_000 });
      // A late replay of the old cover's cancellation changes nothing.
      expect(await applyInsurerCovers(store, [cancelled], { today, at }), order).toEqual({ changed: [], changes: [], unmatched: [] });
      store.close();
    }
  });

  it('reads and writes only the chunk the cover lands in, no ledger and no debtor whole (the name from its worklist debtors), and moves the portfolio’s limit figures as adding every summary up would', async () => {
    let reads = new Map<string, Set<number>>();
    const store = await demoStore('apply-covers-5', (fresh) => {
      reads = recordReads(fresh);
    });
    const limits = (await store.limitChunks.get(1))!.limits;
    const target = limits.find((limit) => limit.source === 'insurer' && limit.status === 'APPROVED' && limit.decidedAmountMinor > 1_000_000)!;
    reads.clear();

    const result = await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '1000.00', status: 'REDUCED', version: 1 })], { today, at });
    expect(result.changed).toEqual([target.debtorId]);
    // Chunk 0 holds the other 100 debtors: nothing of it is read; a limit changes no ledger figure, so no ledger is read.
    for (const table of ['worklistDebtorChunks', 'limitChunks', 'summaryChunks']) expect([...(reads.get(table) ?? [])], table).toEqual([1]);
    expect(reads.get('ledgerNumbers')).toBeUndefined();
    // A cover known by its id needs no debtor matched by reference: the change list's name is the worklist's (issue 14).
    expect(reads.get('debtorChunks')).toBeUndefined();
    const debtor = (await store.debtorChunks.get(1))!.debtors.find((candidate) => candidate.id === target.debtorId)!;
    expect(result.changes[0]!.debtorName).toBe(debtor.name);

    const summaries = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    const policy = (await store.policies.toArray())[0]!;
    const { id: _id, ...portfolio } = (await store.portfolio.get('current'))!;
    expect(portfolio).toEqual(summarisePortfolio(summaries, { asOf: today, currency: policy.currency, bucketCount: ageingBuckets(DEFAULT_AGEING).length }));
  });

  it('summarises a chunk whose summaries are of an earlier day whole again, and adds the portfolio up again', async () => {
    const store = await demoStore('apply-covers-6');
    const stored = (await store.summaryChunks.get(1))!;
    await store.summaryChunks.put({ ...stored, asOf: '2026-11-23', summaries: stored.summaries.map((summary) => ({ ...summary, asOf: toIsoDate('2026-11-23'), openMinor: summary.openMinor + 1 })) });
    const target = (await store.limitChunks.get(1))!.limits.find((limit) => limit.source === 'insurer' && limit.status === 'APPROVED' && limit.decidedAmountMinor > 1_000_000)!;
    await applyInsurerCovers(store, [cover({ coverId: target.coverId!, amount: '1000.00', status: 'REDUCED', version: 1 })], { today, at });

    const fresh = (await store.summaryChunks.get(1))!;
    expect(fresh.asOf).toBe(today);
    expect(fresh.summaries.map((summary) => summary.openMinor)).toEqual(stored.summaries.map((summary) => summary.openMinor));
    const summaries = (await store.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
    const policy = (await store.policies.toArray())[0]!;
    const { id: _id, ...portfolio } = (await store.portfolio.get('current'))!;
    expect(portfolio).toEqual(summarisePortfolio(summaries, { asOf: today, currency: policy.currency, bucketCount: ageingBuckets(DEFAULT_AGEING).length }));
  });
});
