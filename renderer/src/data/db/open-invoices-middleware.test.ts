import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openInvoicesOf } from '../../../../shared/domain/ledger/open-invoices';
import type { IsoDate } from '../../../../shared/time/iso-date';
import { openDemoStore } from '../../../../tests/integration/demo-store';
import type { KredoDb } from './kredo-db';

const today = '2026-11-24' as IsoDate;

/** What each chunk's open invoices must be: derived from its ledger as it stands. */
async function expectedOpenInvoices(db: KredoDb) {
  const [numbers, texts] = await Promise.all([db.ledgerNumbers.toArray(), db.ledgerTexts.toArray()]);
  return numbers.map((chunk, index) => openInvoicesOf({ numbers: chunk, texts: texts[index]! }));
}

describe('each ledger chunk’s open invoices, kept beside it by the store', () => {
  it('are written with every chunk of a new portfolio, and again when a chunk is written whole', async () => {
    const db = await openDemoStore('open-invoices-1', today);
    const kept = await db.openInvoiceChunks.toArray();
    expect(kept.length).toBeGreaterThan(1);
    expect(kept).toEqual(await expectedOpenInvoices(db));

    // An invoice of chunk 0 paid: its numbers and texts written in one transaction, as an import does.
    const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(0), db.ledgerTexts.get(0)]);
    const row = numbers!.itemOpen.findIndex((open) => open > 0);
    const itemOpen = Float64Array.from(numbers!.itemOpen);
    itemOpen[row] = 0;
    await db.transaction('rw', [db.ledgerNumbers, db.ledgerTexts], async () => {
      await Promise.all([db.ledgerNumbers.put({ ...numbers!, itemOpen }), db.ledgerTexts.put(texts!)]);
    });
    const paid = (await db.openInvoiceChunks.get(0))!;
    expect(paid.open.length).toBe(kept[0]!.open.length - 1);
    expect(await db.openInvoiceChunks.toArray()).toEqual(await expectedOpenInvoices(db));
    db.close();
  });

  it('are dropped, never left stale, when only half a chunk is written or the chunk is deleted, and cleared with the ledger', async () => {
    const db = await openDemoStore('open-invoices-2', today);
    const numbers = (await db.ledgerNumbers.get(1))!;
    await db.ledgerNumbers.put({ ...numbers, itemOpen: new Float64Array(numbers.itemOpen.length) });
    expect(await db.openInvoiceChunks.get(1)).toBeUndefined();
    expect(await db.openInvoiceChunks.get(0)).toBeDefined();

    await db.ledgerTexts.delete(0);
    expect(await db.openInvoiceChunks.get(0)).toBeUndefined();

    await db.transaction('rw', [db.ledgerNumbers, db.ledgerTexts], async () => {
      await db.ledgerNumbers.clear();
      await db.ledgerTexts.clear();
    });
    expect(await db.openInvoiceChunks.count()).toBe(0);
    db.close();
  });
});
