import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeLedgerChunk, type EncodedLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { ledgerOverlayOf } from '../../../../shared/domain/ledger/ledger-overlay';
import { testItem, testLedger } from '../../../../shared/domain/ledger/test-ledger';
import { KredoDb } from './kredo-db';

let db: KredoDb;
afterEach(() => db?.close());

const chunk = (chunkId: number, openMinor: number): EncodedLedgerChunk =>
  encodeLedgerChunk(chunkId, [testLedger(`D${chunkId}`, [{ ...testItem(`D${chunkId}`, `F-${chunkId}`, { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 10_000 }), openMinor }])], ['NL']);

/** Chunk 0 booked down to 4,000 open with a payment, kept as its overlay; chunk 1 as written. */
async function store(name: string): Promise<{ booked: EncodedLedgerChunk }> {
  db = new KredoDb(name);
  const stored = [chunk(0, 10_000), chunk(1, 10_000)];
  await db.transaction('rw', [db.ledgerNumbers, db.ledgerTexts], async () => {
    await db.ledgerNumbers.bulkPut(stored.map((one) => one.numbers));
    await db.ledgerTexts.bulkPut(stored.map((one) => one.texts));
  });
  const before = stored[0]!;
  const booked: EncodedLedgerChunk = {
    numbers: { ...before.numbers, itemOpen: Float64Array.of(4_000), paymentDebtor: Int32Array.of(0), paymentDay: Int32Array.of(20_400), paymentAmount: Float64Array.of(6_000), paymentUnapplied: Float64Array.of(0), paymentCurrency: Uint8Array.of(0), allocationItem: Int32Array.of(0), allocationSource: Int32Array.of(0), allocationAmount: Float64Array.of(6_000), allocationDay: Int32Array.of(20_400) },
    texts: { ...before.texts, paymentIds: ['P1'], paymentReferences: [''], paymentRemittances: ['F-0'], paymentCounterpartyNames: ['Bakker'], paymentCounterpartyIbans: [''] },
  };
  const overlay = ledgerOverlayOf(before, booked)!;
  await db.transaction('rw', [db.ledgerNumberOverlays, db.ledgerTextOverlays], async () => {
    await db.ledgerNumberOverlays.put(overlay.numbers);
    await db.ledgerTextOverlays.put(overlay.texts);
  });
  return { booked };
}

const openOf = (numbers: { itemOpen: Float64Array } | undefined) => (numbers ? [...numbers.itemOpen] : undefined);

describe('ledger overlays folded into every read of ledgerNumbers and ledgerTexts (migration 0025)', () => {
  it('shows a chunk with its overlay whichever way it is read: get, bulkGet, toArray, each, inside a transaction or not', async () => {
    const { booked } = await store('overlay-reads');
    expect(await db.ledgerNumbers.get(0)).toEqual(booked.numbers);
    expect(await db.ledgerTexts.get(0)).toEqual(booked.texts);
    expect((await db.ledgerNumbers.bulkGet([1, 0, 7])).map(openOf)).toEqual([[10_000], [4_000], undefined]);
    expect((await db.ledgerTexts.toArray()).map((texts) => texts.paymentIds)).toEqual([['P1'], []]);
    const each: number[][] = [];
    await db.ledgerNumbers.each((numbers) => void each.push(openOf(numbers)!));
    expect(each).toEqual([[4_000], [10_000]]);
    const inTransaction = await db.transaction('r', db.ledgerNumbers, () => db.ledgerNumbers.get(0));
    expect(openOf(inTransaction)).toEqual([4_000]);
  });

  it('keeps a read-write transaction open across reads awaited through async helpers (a chunk read, then written)', async () => {
    await store('overlay-zone');
    const read = async (chunkId: number) => {
      const [numbers, texts] = await Promise.all([db.ledgerNumbers.get(chunkId), db.ledgerTexts.get(chunkId)]);
      return { numbers: numbers!, texts: texts! };
    };
    await db.transaction('rw', [db.ledgerNumbers, db.ledgerTexts, db.audit], async () => {
      const { numbers, texts } = await read(0);
      await Promise.all([db.ledgerNumbers.put(numbers), db.ledgerTexts.put(texts)]);
      await db.audit.add({ at: '2026-11-24T09:00:00Z', actor: 'user', action: 'test', entityType: 'debtor', entityId: 'D0', details: {} });
    });
    expect(openOf(await db.ledgerNumbers.get(0))).toEqual([4_000]);
  });

  it('drops a half’s overlay when that half is written whole, deleted or cleared, in the same transaction', async () => {
    await store('overlay-writes');
    // Written whole from what was read: the overlay is in it and no longer kept apart.
    await db.transaction('rw', db.ledgerNumbers, async () => db.ledgerNumbers.put((await db.ledgerNumbers.get(0))!));
    expect(await db.ledgerNumberOverlays.count()).toBe(0);
    expect(await db.ledgerTextOverlays.count()).toBe(1);
    expect(openOf(await db.ledgerNumbers.get(0))).toEqual([4_000]);
    // Texts replaced by an import: the overlay must not come back over the new texts.
    await db.ledgerTexts.put(chunk(0, 10_000).texts);
    expect(await db.ledgerTextOverlays.count()).toBe(0);
    expect((await db.ledgerTexts.get(0))?.paymentIds).toEqual([]);

    await db.ledgerNumberOverlays.put({ ...(await db.ledgerNumbers.get(1))!, itemOpen: Float64Array.of(1) });
    await db.ledgerNumbers.delete(1);
    expect(await db.ledgerNumberOverlays.count()).toBe(0);
    await db.ledgerTextOverlays.put({ ...(await db.ledgerTexts.get(1))!, paymentIds: [] });
    await db.ledgerTexts.clear();
    expect(await db.ledgerTextOverlays.count()).toBe(0);
  });

  it('rolls an overlay back with its transaction when the transaction fails', async () => {
    await store('overlay-abort');
    await expect(
      db.transaction('rw', [db.ledgerNumbers, db.ledgerNumberOverlays], async () => {
        await db.ledgerNumberOverlays.put({ ...(await db.ledgerNumbers.get(1))!, itemOpen: Float64Array.of(1) });
        expect(openOf(await db.ledgerNumbers.get(1))).toEqual([1]);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(openOf(await db.ledgerNumbers.get(1))).toEqual([10_000]);
  });
});
