import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0020 } from './0020-turnover-declarations';

describe('migration 0020: turnover declarations', () => {
  it('adds the table, finds the versions of a period, and keeps an older store’s letter texts', async () => {
    const old = new KredoDb('migration-0020', MIGRATIONS.filter((migration) => migration.version < 20));
    await old.letterTexts.put({ id: 'nl:reminder-1:1', key: 'nl:reminder-1', language: 'nl', step: 'reminder-1', version: 1, texts: { opening: 'Eerste' }, savedAt: '2026-12-01T09:00:00Z' });
    old.close();

    const db = new KredoDb('migration-0020', MIGRATIONS.filter((migration) => migration.version <= 20));
    await db.open();
    expect(db.verno).toBe(migration0020.version);
    expect(await db.letterTexts.get('nl:reminder-1:1')).toMatchObject({ texts: { opening: 'Eerste' } });
    const record = (period: string, version: number) => ({ id: `P1:${period}:v${version}`, policyId: 'P1', period, version, idempotencyKey: `turnover:P1:${period}:v${version}`, state: 'sent' as const, currency: 'EUR', lines: [], totalMinor: 0, preparedAt: '2026-12-02T09:00:00Z' });
    await db.turnoverDeclarations.bulkPut([record('2026-11', 1), record('2026-11', 2), record('2026-10', 1)]);
    expect((await db.turnoverDeclarations.where('period').equals('2026-11').toArray()).map((row) => row.version)).toEqual([1, 2]);
    db.close();
  });

  it('adds a table only, so a backup from before it still restores', () => {
    expect(migration0020.upgrade).toBeUndefined();
    expect(canRestoreSchema(19)).toBe(true);
  });
});
