import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import type { StoredDocument } from '../schema';
import { MIGRATIONS } from './index';
import { migration0016 } from './0016-letter-references';

const letter = (id: string, fields: Partial<StoredDocument> = {}): StoredDocument => ({
  id, debtorId: 'D1', actionId: `A-${id}`, step: 'reminder-1', language: 'nl', createdAt: '2026-11-24T09:00:00Z', fileName: id, pdfBase64: 'JVBERi0=', currency: 'EUR', totalDueMinor: 64_000, ...fields,
});

describe('migration 0016: letters by payment reference', () => {
  it('keeps the letters of a store from before it and finds a letter by the reference a payment quotes', async () => {
    const old = new KredoDb('migration-0016', MIGRATIONS.filter((migration) => migration.version < 16));
    await old.documents.bulkPut([letter('before'), letter('with-reference', { paymentReference: '5000056789012345', invoiceNumbers: ['2026-0101'] })]);
    old.close();

    const db = new KredoDb('migration-0016', MIGRATIONS.filter((migration) => migration.version <= 16));
    await db.open();
    expect(db.verno).toBe(migration0016.version);
    await db.documents.put(letter('after', { paymentReference: 'RF18539007547034', invoiceNumbers: ['2026-0102'] }));
    const found = await db.documents.where('paymentReference').anyOf(['5000056789012345', 'RF18539007547034', '1230']).toArray();
    expect(found.map((document) => document.id).sort()).toEqual(['after', 'with-reference']);
    expect(await db.documents.count()).toBe(3);
    db.close();
  });

  it('adds an index only, so a backup from before it still restores', () => {
    expect(migration0016.upgrade).toBeUndefined();
    expect(canRestoreSchema(14)).toBe(true);
  });
});
