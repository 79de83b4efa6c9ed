import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChunkBookings } from '../../../../../shared/domain/ledger/chunk-bookings';
import { ledgerOverlayOf } from '../../../../../shared/domain/ledger/ledger-overlay';
import { openInvoicesOf, type OpenInvoiceChunk } from '../../../../../shared/domain/ledger/open-invoices';
import type { IsoDate } from '../../../../../shared/time/iso-date';
import { canRestoreSchema, restoreStore } from '../../backup/restore-store';
import { KredoDb } from '../kredo-db';
import { MIGRATIONS } from './index';
import { migration0029 } from './0029-open-invoice-rows';
import { backupOf, demoStoreAt } from './demo-store.test-support';

const today = '2026-11-24' as IsoDate;

/** Books a payment of `amountMinor` for the debtor owing the chunk's first open invoice, in its currency, and keeps it as the chunk's overlay, as a bank import does. */
async function bookOn(db: KredoDb, chunkId: number, id: string, amountMinor: number): Promise<void> {
  const chunk = { numbers: (await db.ledgerNumbers.get(chunkId))!, texts: (await db.ledgerTexts.get(chunkId))! };
  const { numbers } = chunk;
  const row = numbers.itemOpen.findIndex((open, at) => open > 0 && numbers.itemFlags[at] === 0);
  const slot = numbers.itemDebtor[row]!;
  const bookings = new ChunkBookings(chunk);
  bookings.book(slot, { id, debtorId: numbers.debtorIds[slot]!, date: today, currency: numbers.currencies[numbers.itemCurrency[row]!]!, amountMinor, reference: '', remittance: '', counterpartyName: 'Bakker B.V.', counterpartyIban: '' }, []);
  const overlay = ledgerOverlayOf(chunk, bookings.result(), { numbers: await db.ledgerNumberOverlays.get(chunkId), texts: await db.ledgerTextOverlays.get(chunkId) })!;
  await db.transaction('rw', [db.ledgerNumberOverlays, db.ledgerTextOverlays], async () => {
    await db.ledgerNumberOverlays.put(overlay.numbers);
    await db.ledgerTextOverlays.put(overlay.texts);
  });
}

/** A version-28 store after a bank import: chunk 0 overlaid, its open invoices written from it as version 28 did (no item rows). */
async function bankImportedAt28(name: string): Promise<KredoDb> {
  const db = await demoStoreAt(name, 28, today);
  expect(db.verno).toBe(28);
  await bookOn(db, 0, 'P-28', 250_000);
  const { itemRow: _rows, ...as28 } = openInvoicesOf({ numbers: (await db.ledgerNumbers.get(0))!, texts: (await db.ledgerTexts.get(0))! });
  await db.openInvoiceChunks.put(as28 as OpenInvoiceChunk);
  return db;
}

/** Every chunk's open invoices as read, against those worked out from its ledger as read (overlay folded in). */
async function expectOpenInvoicesTrue(db: KredoDb): Promise<void> {
  const kept = await db.openInvoiceChunks.toArray();
  expect(kept.length).toBeGreaterThan(1);
  for (const record of kept) {
    expect(record.itemRow).toBeInstanceOf(Int32Array);
    expect(record).toEqual(openInvoicesOf({ numbers: (await db.ledgerNumbers.get(record.chunkId))!, texts: (await db.ledgerTexts.get(record.chunkId))! }));
  }
}

describe('migration 0029: each chunk’s open invoices with their item rows, a bank import’s overlay folded in as read', () => {
  it('works every kept record out again from its chunk as read, and later bookings fold into them without writing them', async () => {
    const at28 = await bankImportedAt28('migration-0029');
    const before = await at28.openInvoiceChunks.get(0);
    expect(before?.itemRow).toBeUndefined();
    // A record left without its chunk's ledger (not whole): it cannot be worked out again.
    await at28.openInvoiceChunks.put({ ...before!, chunkId: 99 });
    at28.close();

    const db = new KredoDb('migration-0029', MIGRATIONS.filter((migration) => migration.version <= 29));
    await db.open();
    expect(db.verno).toBe(migration0029.version);
    expect(await db.openInvoiceChunks.get(99)).toBeUndefined();
    await expectOpenInvoicesTrue(db);
    const open = (await db.openInvoiceChunks.get(0))!;
    expect({ ...open, itemRow: undefined }).toEqual({ ...before, itemRow: undefined });
    // A second booking on the chunk (its first debtor's invoices paid in full) reads true with the record left as it was.
    await bookOn(db, 0, 'P-29', 50_000_000);
    expect((await db.openInvoiceChunks.get(0))!.open.length).toBeLessThan(open.open.length);
    await expectOpenInvoicesTrue(db);
    db.close();
  });

  it('restores a backup of version 28 taken after a bank import: every record then has its item rows and reads true', async () => {
    const at28 = await bankImportedAt28('backup-28');
    const backup = await backupOf(at28, today);
    at28.close();
    expect(backup.header.schemaVersion).toBe(28);

    const db = new KredoDb('restored-from-28', MIGRATIONS.filter((migration) => migration.version <= 29));
    await db.open();
    expect(canRestoreSchema(28)).toBe(true);
    await restoreStore(db, backup, { at: `${today}T11:00:00.000Z`, actor: 'user', action: 'backup.restored', entityType: 'backup', entityId: 'b-28', details: {} });
    await expectOpenInvoicesTrue(db);
    await bookOn(db, 0, 'P-after', 50_000_000);
    await expectOpenInvoicesTrue(db);
    db.close();
  });

  it('only derives what a restore derives again, and changes no table', () => {
    expect(migration0029.upgradeDerivesOnly).toBe(true);
    expect(Object.keys(migration0029.stores)).toEqual([]);
  });
});
