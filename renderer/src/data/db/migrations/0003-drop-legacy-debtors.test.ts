import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { TABLE_NAMES } from '../schema';
import { migration0001 } from './0001-demo-debtors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index';

describe('migration 0003: drop the version 1 debtors table', () => {
  it('takes a version-1 store all the way to the latest schema, without the old table', async () => {
    const old = new KredoDb('migration-0003', [migration0001]);
    await old.table('debtors').put({ id: 'demo-0001', name: 'Van Dijk Bouw B.V.', exposureMinor: 1_000 });
    old.close();

    const db = new KredoDb('migration-0003');
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    // Every table of the latest schema, and the version-1 `debtors` table gone.
    expect(db.tables.map((table) => table.name).sort()).toEqual([...TABLE_NAMES].sort());
    expect(db.tables.map((table) => table.name)).not.toContain('debtors');
    expect(await db.meta.get('legacyDemoRemoved')).toEqual({ key: 'legacyDemoRemoved', value: 1 });
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
