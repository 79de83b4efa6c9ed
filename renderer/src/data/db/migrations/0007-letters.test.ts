import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0007 } from './0007-letters';

describe('migration 0007: documents', () => {
  it('adds the table, keeps a version-6 store’s submissions, and finds a debtor’s letters', async () => {
    const old = new KredoDb('migration-0007', MIGRATIONS.filter((migration) => migration.version < 7));
    await old.syncState.put({ key: 'cursor', value: 'abc' });
    old.close();

    const db = new KredoDb('migration-0007', MIGRATIONS.filter((migration) => migration.version <= 7));
    await db.open();
    expect(db.verno).toBe(migration0007.version);
    expect(await db.syncState.get('cursor')).toEqual({ key: 'cursor', value: 'abc' });
    await db.documents.put({ id: 'doc-1', debtorId: 'D1', actionId: 'A1', step: 'reminder-1', language: 'nl', createdAt: '2026-11-24T09:00:00Z', fileName: 'herinnering-100042', pdfBase64: 'JVBERi0=', eml: 'Subject: x\r\n', currency: 'EUR', totalDueMinor: 123_45 });
    expect(await db.documents.where('debtorId').equals('D1').toArray()).toEqual([expect.objectContaining({ id: 'doc-1', fileName: 'herinnering-100042' })]);
    db.close();
  });
});
