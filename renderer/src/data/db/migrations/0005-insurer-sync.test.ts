import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newOutboxEntry } from '../../../../../shared/sync/limit-outbox';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';
import { migration0002 } from './0002-ledger-store';
import { migration0003 } from './0003-drop-legacy-debtors';
import { migration0004 } from './0004-imports';
import { migration0005 } from './0005-insurer-sync';

describe('migration 0005: limit-request outbox and sync state', () => {
  it('adds the two tables and keeps what a version-4 store held', async () => {
    const old = new KredoDb('migration-0005', [migration0001, migration0002, migration0003, migration0004]);
    await old.imports.put({ id: 'i1', fileName: 'open-items.csv', fileHash: 'ab12', kind: 'open-items', at: '2026-11-24T09:00:00Z', report: {} });
    old.close();

    const db = new KredoDb('migration-0005', [migration0001, migration0002, migration0003, migration0004, migration0005]);
    await db.open();
    expect(db.verno).toBe(migration0005.version);
    expect(await db.imports.get('i1')).toMatchObject({ fileName: 'open-items.csv' });
    await db.limitOutbox.put(newOutboxEntry({ id: 'k1', debtorId: 'D1', type: 'NEW', amountMinor: 1_000_000, currency: 'EUR', createdAt: '2026-11-24T09:00:00Z' }));
    expect(await db.limitOutbox.where('state').equals('SUBMITTED_LOCAL').count()).toBe(1);
    await db.syncState.put({ key: 'cursor', value: 'abc' });
    expect(await db.syncState.get('cursor')).toEqual({ key: 'cursor', value: 'abc' });
    db.close();
  });
});
