import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canRestoreSchema } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0021 } from './0021-open-invoices';

describe('migration 0021: each ledger chunk’s open invoices beside it', () => {
  it('adds the table empty and keeps the ledger of an older store, whose chunks get their open invoices when next written', async () => {
    const numbers = { chunkId: 0, debtorIds: ['D1'], debtorCountries: ['NL'], currencies: ['EUR'], itemDebtor: Int32Array.of(0), itemInvoiceDay: Int32Array.of(20_000), itemDueDay: Int32Array.of(20_030), itemAmount: Float64Array.of(12_100), itemVat: Float64Array.of(2_100), itemOpen: Float64Array.of(12_100), itemCurrency: Uint8Array.of(0), itemFlags: Uint8Array.of(0), itemDisputeDay: Int32Array.of(0), paymentDebtor: new Int32Array(0), paymentDay: new Int32Array(0), paymentAmount: new Float64Array(0), paymentUnapplied: new Float64Array(0), paymentCurrency: new Uint8Array(0), allocationItem: new Int32Array(0), allocationSource: new Int32Array(0), allocationAmount: new Float64Array(0), allocationDay: new Int32Array(0) };
    const texts = { chunkId: 0, itemNumbers: ['F-1'], itemReferences: [''], itemDisputeReasons: [''], paymentIds: [], paymentReferences: [], paymentRemittances: [], paymentCounterpartyNames: [], paymentCounterpartyIbans: [] };
    const old = new KredoDb('migration-0021', MIGRATIONS.filter((migration) => migration.version < 21));
    await old.transaction('rw', [old.ledgerNumbers, old.ledgerTexts], () => Promise.all([old.ledgerNumbers.put(numbers), old.ledgerTexts.put(texts)]));
    old.close();

    const db = new KredoDb('migration-0021', MIGRATIONS.filter((migration) => migration.version <= 21));
    await db.open();
    expect(db.verno).toBe(migration0021.version);
    expect(await db.ledgerNumbers.get(0)).toMatchObject({ debtorIds: ['D1'] });
    expect(await db.openInvoiceChunks.count()).toBe(0);
    await db.transaction('rw', [db.ledgerNumbers, db.ledgerTexts], () => Promise.all([db.ledgerNumbers.put(numbers), db.ledgerTexts.put(texts)]));
    expect(await db.openInvoiceChunks.get(0)).toMatchObject({ debtorIds: ['D1'], text: 'F-1' });
    db.close();
  });

  it('adds a table only, so a backup from before it still restores', () => {
    expect(migration0021.upgrade).toBeUndefined();
    expect(canRestoreSchema(19)).toBe(true);
  });
});
