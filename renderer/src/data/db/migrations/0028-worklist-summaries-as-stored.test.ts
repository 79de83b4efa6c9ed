import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { canRestoreSchema, restoreStore } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { worklistSummariesAsRead, worklistSummariesOf } from '../worklist-summaries';
import { MIGRATIONS } from './index';
import { migration0028 } from './0028-worklist-summaries-as-stored';
import { backupOf, demoStoreAt } from './demo-store.test-support';

const today = '2026-11-24' as IsoDate;

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
    const at27 = await demoStoreAt('migration-0028', 27, today);
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
    const at27 = await demoStoreAt('backup-27', 27, today);
    const base = (await at27.summaryChunks.get(0))!.summaries;
    await at27.summaryDeltas.put({ chunkId: 0, summaries: [{ ...base[0]!, overdueMinor: 4_321, openMinor: base[0]!.openMinor + 4_321 }] });
    await at27.worklistSummaryChunks.put(worklistSummariesOf((await at27.summaryChunks.get(0))!)!);
    const backup = await backupOf(at27, today);
    at27.close();
    expect(backup.header.schemaVersion).toBe(27);

    const db = new KredoDb('restored-from-27', MIGRATIONS.filter((migration) => migration.version <= 28));
    await db.open();
    expect(db.verno).toBe(migration0028.version);
    await restoreStore(db, backup, { at: `${today}T11:00:00.000Z`, actor: 'user', action: 'backup.restored', entityType: 'backup', entityId: 'b-27', details: {} });
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
