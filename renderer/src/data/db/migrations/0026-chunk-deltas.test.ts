import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0026 } from './0026-chunk-deltas';

const limit = { debtorId: 'D1', source: 'insurer', coverId: 'CV-1', status: 'APPROVED', currency: 'EUR', decidedAmountMinor: 500, tranches: [], conditions: [], reasons: [], history: [] } as const;

describe('migration 0026: the limits and summaries a sync changed, beside their chunks', () => {
  it('adds both tables empty and keeps an older store’s chunks as they were, read as before', async () => {
    const old = new KredoDb('migration-0026', MIGRATIONS.filter((migration) => migration.version < 26));
    await old.limitChunks.put({ chunkId: 0, limits: [limit] });
    old.close();

    const db = new KredoDb('migration-0026', MIGRATIONS.filter((migration) => migration.version <= 26));
    await db.open();
    expect(db.verno).toBe(migration0026.version);
    expect(await db.limitDeltas.count()).toBe(0);
    expect(await db.summaryDeltas.count()).toBe(0);
    expect((await db.limitChunks.get(0))?.limits).toEqual([limit]);
    await db.limitDeltas.put({ chunkId: 0, limits: [{ ...limit, decidedAmountMinor: 100 }] });
    expect((await db.limitChunks.get(0))?.limits.map((one) => one.decidedAmountMinor)).toEqual([100]);
    db.close();
  });

  it('adds tables only, so a backup from before it still restores', () => {
    expect(migration0026.upgrade).toBeUndefined();
    expect(canRestoreSchema(23)).toBe(true);
  });
});
