import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0023 } from './0023-sync-history';

describe('migration 0023: the insurer sync’s history', () => {
  it('adds the tables, numbers runs in order and keeps an older store’s sync state', async () => {
    const old = new KredoDb('migration-0023', MIGRATIONS.filter((migration) => migration.version < 23));
    await old.syncState.put({ key: 'lastSyncAt', value: '2026-12-01T09:00:00Z' });
    old.close();

    const db = new KredoDb('migration-0023', MIGRATIONS.filter((migration) => migration.version <= 23));
    await db.open();
    expect(db.verno).toBe(migration0023.version);
    expect(await db.syncState.get('lastSyncAt')).toMatchObject({ value: '2026-12-01T09:00:00Z' });
    const counts = { sent: 0, refused: 0, waiting: 0, changed: 0, unreadable: 0, changesKept: 0 };
    const first = await db.syncRuns.add({ startedAt: '2026-12-07T09:00:00Z', finishedAt: '2026-12-07T09:00:01Z', kind: 'full', result: 'ok', ...counts });
    const second = await db.syncRuns.add({ startedAt: '2026-12-07T09:00:00Z', finishedAt: '2026-12-07T09:00:01Z', kind: 'incremental', result: 'ok', ...counts });
    expect(second).toBeGreaterThan(first);
    expect((await db.syncRuns.orderBy(':id').reverse().toArray()).map((run) => run.kind)).toEqual(['incremental', 'full']);
    db.close();
  });

  it('adds tables only, so a backup from before it still restores', () => {
    expect(migration0023.upgrade).toBeUndefined();
    expect(canRestoreSchema(22)).toBe(true);
  });
});
