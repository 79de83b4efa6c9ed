import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';
import { migration0002 } from './0002-ledger-store';

describe('migration 0002: ledger store', () => {
  it('upgrades a version-1 store: records how many old demo debtors there were, keeps the old table readable', async () => {
    const old = new KredoDb('migration-0002-upgrade', [migration0001]);
    await old.table('debtors').bulkPut([
      { id: 'demo-0001', name: 'Van Dijk Bouw B.V.', country: 'NL', currency: 'EUR', exposureMinor: 1_000, limitMinor: 0 },
      { id: 'demo-0002', name: 'Lindqvist Bygg AB', country: 'SE', currency: 'SEK', exposureMinor: 2_000, limitMinor: 0 },
    ]);
    old.close();

    const db = new KredoDb('migration-0002-upgrade', [migration0001, migration0002]);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.meta.get('legacyDemoRemoved')).toEqual({ key: 'legacyDemoRemoved', value: 2 });
    expect(await db.table('debtors').count()).toBe(2);
    db.close();
  });

  it('creates the chunked tables, and leaves meta empty on a fresh store', async () => {
    const db = new KredoDb('migration-0002-fresh', [migration0001, migration0002]);
    await db.open();
    await db.debtorChunks.put({ chunkId: 0, debtors: [] });
    await db.limitChunks.put({ chunkId: 0, limits: [] });
    expect(await db.debtorChunks.count()).toBe(1);
    const seq = await db.audit.add({ at: '2026-11-24T10:00:00Z', actor: 'user', action: 'test', entityType: 'portfolio', entityId: 'p', details: {} });
    expect(typeof seq).toBe('number');
    expect(await db.meta.get('legacyDemoRemoved')).toBeUndefined();
    db.close();
  });
});
