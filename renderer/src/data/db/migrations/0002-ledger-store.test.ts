import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { migration0001 } from './0001-demo-debtors';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './index';

describe('migration 0002: ledger store', () => {
  it('upgrades a version-1 store: removes the old demo rows and records it', async () => {
    const old = new KredoDb('migration-0002-upgrade', [migration0001]);
    await old.table('debtors').bulkPut([
      { id: 'demo-0001', name: 'Van Dijk Bouw B.V.', country: 'NL', currency: 'EUR', exposureMinor: 1_000, limitMinor: 0 },
      { id: 'demo-0002', name: 'Lindqvist Bygg AB', country: 'SE', currency: 'SEK', exposureMinor: 2_000, limitMinor: 0 },
    ]);
    old.close();

    const db = new KredoDb('migration-0002-upgrade');
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.debtors.count()).toBe(0);
    expect(await db.meta.get('legacyDemoRemoved')).toEqual({ key: 'legacyDemoRemoved', value: 2 });
    db.close();
  });

  it('creates the new tables with their indexes, including unique customer codes', async () => {
    const db = new KredoDb('migration-0002-fresh');
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      ['audit', 'debtors', 'dunningActions', 'exchangeRates', 'ledgerNumbers', 'ledgerTexts', 'limits', 'meta', 'policies', 'portfolio', 'summaryChunks'],
    );
    const debtor = { id: 'D1', customerCode: '100001', chunkId: 0 } as never;
    await db.debtors.put(debtor);
    await expect(db.debtors.put({ id: 'D2', customerCode: '100001', chunkId: 0 } as never)).rejects.toThrow(/ConstraintError|unique/i);
    expect(await db.debtors.where('chunkId').equals(0).count()).toBe(1);
    const seq = await db.audit.add({ at: '2026-11-24T10:00:00Z', actor: 'user', action: 'test', entityType: 'portfolio', entityId: 'p', details: {} });
    expect(typeof seq).toBe('number');
    expect(await db.meta.get('legacyDemoRemoved')).toBeUndefined();
    db.close();
  });
});

describe('the migration list', () => {
  it('has strictly increasing versions, the latest last', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });
});
