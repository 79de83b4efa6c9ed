import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0019 } from './0019-letter-texts';

describe('migration 0019: the controller’s letter texts', () => {
  it('adds the table, finds the versions of a language and step, and keeps an older store’s letters', async () => {
    const old = new KredoDb('migration-0019', MIGRATIONS.filter((migration) => migration.version < 19));
    await old.documents.put({ id: 'A1:letter', debtorId: 'D1', actionId: 'A1', step: 'reminder-1', language: 'nl', createdAt: '2026-12-01T09:00:00Z', fileName: 'A1', pdfBase64: 'JVBERi0=', currency: 'EUR', totalDueMinor: 64_000 });
    old.close();

    const db = new KredoDb('migration-0019', MIGRATIONS.filter((migration) => migration.version <= 19));
    await db.open();
    expect(db.verno).toBe(migration0019.version);
    expect(await db.documents.get('A1:letter')).toMatchObject({ totalDueMinor: 64_000 });
    await db.letterTexts.bulkPut([
      { id: 'nl:reminder-1:1', key: 'nl:reminder-1', language: 'nl', step: 'reminder-1', version: 1, texts: { opening: 'Eerste' }, savedAt: '2026-12-07T09:00:00Z' },
      { id: 'nl:reminder-1:2', key: 'nl:reminder-1', language: 'nl', step: 'reminder-1', version: 2, texts: {}, savedAt: '2026-12-07T10:00:00Z' },
      { id: 'sv:reminder-1:1', key: 'sv:reminder-1', language: 'sv', step: 'reminder-1', version: 1, texts: { opening: 'Första' }, savedAt: '2026-12-07T09:00:00Z' },
    ]);
    expect((await db.letterTexts.where('key').equals('nl:reminder-1').toArray()).map((row) => row.version)).toEqual([1, 2]);
    db.close();
  });

  it('adds a table only, so a backup from before it still restores', () => {
    expect(migration0019.upgrade).toBeUndefined();
    expect(canRestoreSchema(16)).toBe(true);
  });
});
