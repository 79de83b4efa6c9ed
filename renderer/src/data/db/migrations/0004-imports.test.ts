import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';
import { migration0002 } from './0002-ledger-store';
import { migration0003 } from './0003-drop-legacy-debtors';
import { migration0004 } from './0004-imports';

describe('migration 0004: import history and payments to review', () => {
  it('adds the two tables and keeps what a version-3 store held', async () => {
    const old = new KredoDb('migration-0004', [migration0001, migration0002, migration0003]);
    await old.meta.put({ key: 'portfolioSource', value: 'demo' });
    old.close();

    const db = new KredoDb('migration-0004', [migration0001, migration0002, migration0003, migration0004]);
    await db.open();
    expect(db.verno).toBe(migration0004.version);
    expect(await db.meta.get('portfolioSource')).toEqual({ key: 'portfolioSource', value: 'demo' });
    await db.imports.put({ id: 'i1', fileName: 'open-items.csv', fileHash: 'ab12', kind: 'open-items', at: '2026-11-24T09:00:00Z', report: {} });
    expect(await db.imports.where('fileHash').equals('ab12').count()).toBe(1);
    expect(await db.paymentsToReview.count()).toBe(0);
    db.close();
  });
});
