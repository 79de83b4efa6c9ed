import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { DATA_TIERS, DEMO_SEED } from '../../../../../shared/generator/data-tiers';
import { generateChunk, generateExchangeRates, generatePolicy } from '../../../../../shared/generator/generate-portfolio';
import { planPortfolio } from '../../../../../shared/generator/plan-portfolio';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from '../../backup/backup-format';
import { canRestoreSchema, restoreStore } from '../../backup/restore-store';
import { replacePortfolio } from '../../store/replace-portfolio';
import { KredoDb } from '../kredo-db';
import { TABLE_NAMES } from '../schema';
import { worklistSummariesAsRead, worklistSummariesOf } from '../worklist-summaries';
import { MIGRATIONS } from './index';
import { migration0028 } from './0028-worklist-summaries-as-stored';

const today = '2026-11-24' as IsoDate;

/** A store at version `version` holding the demo portfolio. */
async function demoStoreAt(name: string, version: number): Promise<KredoDb> {
  const db = new KredoDb(name, MIGRATIONS.filter((migration) => migration.version <= version));
  const policy = generatePolicy(today);
  const plan = planPortfolio(DATA_TIERS.S, { seed: DEMO_SEED, today });
  const chunks = Array.from({ length: plan.chunkCount }, (_, chunkId) => generateChunk(plan, policy, chunkId));
  await replacePortfolio(db, { policy, rates: generateExchangeRates(DEMO_SEED, today), chunks, chunkCount: plan.chunkCount, asOf: today, at: `${today}T09:00:00.000Z`, source: 'demo' });
  return db;
}

/** Every record kept, read as the worklist reads it (its chunk's delta folded in), against the one worked out from the chunk as read. */
async function expectRecordsTrue(db: KredoDb): Promise<void> {
  const deltas = new Map((await db.summaryDeltas.toArray()).map((delta) => [delta.chunkId, delta]));
  const records = await db.worklistSummaryChunks.toArray();
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) expect(worklistSummariesAsRead(record, deltas.get(record.chunkId))).toEqual(worklistSummariesOf((await db.summaryChunks.get(record.chunkId))!));
}

describe('migration 0028: each summary chunk’s worklist summaries as the chunk is stored', () => {
  it('deletes the records a version-27 store put a sync delta into, so a later delta (or none) reads true; the others stay', async () => {
    // A version-27 store: the demo portfolio, and chunk 0's delta put into its record (as 0027's middleware did).
    const at27 = await demoStoreAt('migration-0028', 27);
    expect(at27.verno).toBe(27);
    const base = (await at27.summaryChunks.get(0))!.summaries;
    await at27.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[0]!, overdueMinor: 4_321, openMinor: base[0]!.openMinor + 4_321 }] });
    // Version 27's middleware put the delta into the record (today's leaves it as the chunk is stored).
    await at27.worklistSummaryChunks.put(worklistSummariesOf((await at27.summaryChunks.get(0))!)!);
    const others = (await at27.worklistSummaryChunks.toArray()).filter((record) => record.chunkId !== 0);
    at27.close();

    const db = new KredoDb('migration-0028', MIGRATIONS.filter((migration) => migration.version <= 28));
    await db.open();
    expect(db.verno).toBe(migration0028.version);
    expect(await db.worklistSummaryChunks.get(0)).toBeUndefined();
    expect(await db.worklistSummaryChunks.toArray()).toEqual(others);
    // The delta left out of the next one (it now holds another debtor alone): every record kept reads as its chunk.
    await db.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[1]!, overdueMinor: 55, openMinor: base[1]!.openMinor + 55 }] });
    await expectRecordsTrue(db);
    // Written whole again (the daily refresh, say), the chunk has its record once more.
    await db.summaryChunks.put((await db.summaryChunks.get(0))!);
    expect(await db.worklistSummaryChunks.get(0)).toEqual(worklistSummariesOf((await db.summaryChunks.get(0))!));
    db.close();
  });

  it('restores a backup of version 27 whose record holds its chunk’s delta: every record then reads true, with the delta and after a later one', async () => {
    const at27 = await demoStoreAt('backup-27', 27);
    const base = (await at27.summaryChunks.get(0))!.summaries;
    await at27.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[0]!, overdueMinor: 4_321, openMinor: base[0]!.openMinor + 4_321 }] });
    await at27.worklistSummaryChunks.put(worklistSummariesOf((await at27.summaryChunks.get(0))!)!);
    // What a backup of it holds: every table as read (chunks with their deltas folded in, and the deltas too).
    const tables = new Map<string, unknown[]>();
    for (const name of TABLE_NAMES) tables.set(name, await at27.table(name).toArray());
    at27.close();
    const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: 27, createdAt: `${today}T10:00:00.000Z`, reason: 'manual', counts: Object.fromEntries([...tables].map(([name, records]) => [name, records.length])), debtors: 200 };

    const db = new KredoDb('restored-from-27', MIGRATIONS.filter((migration) => migration.version <= 28));
    await db.open();
    expect(db.verno).toBe(migration0028.version);
    await restoreStore(db, { header, tables }, { at: `${today}T11:00:00.000Z`, actor: 'user', action: 'backup.restored', entityType: 'backup', entityId: 'b-27', details: {} });
    expect(await db.summaryDeltas.count()).toBe(1);
    expect((await db.summaryChunks.get(0))!.summaries[0]!.overdueMinor).toBe(4_321);
    await expectRecordsTrue(db);
    await db.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[1]!, overdueMinor: 55, openMinor: base[1]!.openMinor + 55 }] });
    await expectRecordsTrue(db);
    db.close();
  });

  it('only deletes what a restore derives again, so a backup of version 27 or older still restores', () => {
    expect(migration0028.upgradeDerivesOnly).toBe(true);
    expect(Object.keys(migration0028.stores)).toEqual([]);
    expect(canRestoreSchema(27)).toBe(true);
    expect(canRestoreSchema(26)).toBe(true);
    expect(canRestoreSchema(23)).toBe(true);
  });
});
