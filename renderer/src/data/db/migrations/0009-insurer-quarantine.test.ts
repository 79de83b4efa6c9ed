import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0009 } from './0009-insurer-quarantine';

describe('migration 0009: the insurer quarantine', () => {
  it('adds the table and keeps a version-8 store’s promises and sync state', async () => {
    const old = new KredoDb('migration-0009', MIGRATIONS.filter((migration) => migration.version < 9));
    await old.promises.put({ id: 'p1', debtorId: 'D1', itemIds: [], amountMinor: 500_000, currency: 'EUR', promisedOn: '2026-11-24' as IsoDate, dueOn: '2026-11-27' as IsoDate });
    await old.syncState.put({ key: 'cursor', value: 'c-1' });
    old.close();

    const db = new KredoDb('migration-0009', MIGRATIONS.filter((migration) => migration.version <= 9));
    await db.open();
    expect(db.verno).toBe(migration0009.version);
    expect(await db.promises.get('p1')).toMatchObject({ debtorId: 'D1' });
    expect(await db.syncState.get('cursor')).toEqual({ key: 'cursor', value: 'c-1' });
    await db.insurerQuarantine.put({ id: 'cover:CV-1', source: 'feed', kind: 'cover', coverId: 'CV-1', problems: [{ field: 'decidedAmount', issue: 'malformed' }], excerpt: '{}', firstSeenAt: '2026-11-24T09:00:00Z', lastSeenAt: '2026-11-24T09:00:00Z' });
    expect(await db.insurerQuarantine.get('cover:CV-1')).toMatchObject({ coverId: 'CV-1', source: 'feed' });
    db.close();
  });
});
