import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toIsoDate } from '../../time/iso-date';
import { applyCreditNote, receivePayment } from './allocate';
import { ChunkBookings } from './chunk-bookings';
import { decodeLedgerChunk, encodeLedgerChunk, type EncodedLedgerChunk } from './ledger-chunk';
import { ledgerOverlayOf, MAX_DELTAS, withNumbersOverlay, withTextsOverlay } from './ledger-overlay';
import { DISPUTE_REASONS, itemId, type DebtorLedger, type LedgerItem, type LedgerPayment } from './ledger-types';
import { openInvoicesOf } from './open-invoices';
import { withOpenInvoicesOverlay } from './open-invoices-overlay';
import { testItem, testLedger } from './test-ledger';

const BASE = toIsoDate('2026-01-01');
const CURRENCIES = ['EUR', 'SEK', 'GBP'] as const;

type Payment = Omit<LedgerPayment, 'unappliedMinor'>;
interface Booking {
  readonly slot: number;
  readonly payment: Payment;
  readonly targetItemIds: readonly string[];
}

const payment = (debtorId: string, id: string, amountMinor: number, currency: string, day: number): Payment => ({
  id, debtorId, date: addDays(BASE, day), currency, amountMinor, reference: `REF ${id}`, remittance: `paying ${id}`, counterpartyName: 'Bakker B.V.', counterpartyIban: 'NL91ABNA0417164300',
});

/** What the bank import did before: every ledger decoded, each payment booked with receivePayment, the chunk encoded again. */
function bookDecoded(chunk: EncodedLedgerChunk, bookings: readonly Booking[]): EncodedLedgerChunk | string {
  const ledgers = decodeLedgerChunk(chunk);
  try {
    for (const { slot, payment: incoming, targetItemIds } of bookings) ledgers[slot] = receivePayment(ledgers[slot]!, incoming, { targetItemIds });
  } catch (error) {
    return String(error);
  }
  return encodeLedgerChunk(chunk.numbers.chunkId, ledgers, chunk.numbers.debtorCountries);
}

function bookOnColumns(chunk: EncodedLedgerChunk, bookings: readonly Booking[]): EncodedLedgerChunk | string {
  const columns = new ChunkBookings(chunk);
  try {
    for (const { slot, payment: incoming, targetItemIds } of bookings) columns.book(slot, incoming, targetItemIds);
  } catch (error) {
    return String(error);
  }
  return columns.result();
}

const itemArbitrary = fc.record({
  number: fc.constantFrom('1', '2', '10', '2026-0009', '2026-0010', 'A7', 'a7', 'INV 3'),
  isCreditNote: fc.boolean(),
  currency: fc.constantFrom(...CURRENCIES),
  invoiceDay: fc.integer({ min: 0, max: 60 }),
  terms: fc.constantFrom(0, 14, 30),
  amountMinor: fc.integer({ min: 1, max: 50_000 }),
  paidShare: fc.constantFrom(0, 0, 0.5, 1),
  dispute: fc.option(fc.constantFrom(...DISPUTE_REASONS)),
});

/** A chunk of a few debtors with invoices, credit notes, disputes and earlier payments and credits already set against them. */
const chunkArbitrary = fc
  .record({
    debtors: fc.array(
      fc.record({
        items: fc.array(itemArbitrary, { maxLength: 7 }),
        earlier: fc.array(fc.record({ amountMinor: fc.integer({ min: 1, max: 60_000 }), currency: fc.constantFrom(...CURRENCIES), day: fc.integer({ min: 0, max: 90 }), named: fc.nat(), useCredit: fc.boolean() }), { maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    uniqueNumbers: fc.boolean(),
  })
  .map(({ debtors, uniqueNumbers }) => {
    const ledgers = debtors.map(({ items, earlier }, slot): DebtorLedger => {
      const debtorId = `D${slot}`;
      const kept = uniqueNumbers ? items.filter((item, index) => items.findIndex((other) => other.number === item.number) === index) : items;
      let ledger = testLedger(
        debtorId,
        kept.map((item): LedgerItem => {
          const amountMinor = item.isCreditNote ? -item.amountMinor : item.amountMinor;
          const made = testItem(debtorId, item.number, {
            invoiceDate: addDays(BASE, item.invoiceDay),
            dueDate: addDays(BASE, item.invoiceDay + item.terms),
            amountMinor,
            openMinor: Math.round(amountMinor * (1 - item.paidShare)),
            currency: item.currency,
            ...(item.dispute && !item.isCreditNote && { dispute: { reason: item.dispute, since: addDays(BASE, item.invoiceDay + 40) } }),
          });
          return { ...made, paymentReference: `RF${slot}${item.number}` };
        }),
      );
      earlier.forEach((entry, index) => {
        try {
          const creditNote = ledger.items.find((item) => item.kind === 'credit-note' && item.openMinor < 0);
          if (entry.useCredit && creditNote) ledger = applyCreditNote(ledger, creditNote.id, addDays(BASE, entry.day));
          else ledger = receivePayment(ledger, payment(debtorId, `E${slot}-${index}`, entry.amountMinor, entry.currency, entry.day), { targetItemIds: entry.named % 3 === 0 && ledger.items.length > 0 ? [ledger.items[entry.named % ledger.items.length]!.id] : [] });
        } catch {
          // Not every generated history can be booked (a credit note in a currency nothing is owed in); it is left out.
        }
      });
      return ledger;
    });
    return encodeLedgerChunk(7, ledgers, ledgers.map((_ledger, slot) => ['NL', 'SE', 'GB', 'DE'][slot]!));
  });

const bookingsArbitrary = (chunk: EncodedLedgerChunk) =>
  fc.array(
    fc.record({
      slot: fc.integer({ min: 0, max: chunk.numbers.debtorIds.length - 1 }),
      id: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'E0-0'),
      amountMinor: fc.oneof(fc.integer({ min: 1, max: 80_000 }), fc.constantFrom(0, -5, 0.5)),
      currency: fc.constantFrom(...CURRENCIES, 'USD'),
      day: fc.integer({ min: 0, max: 120 }),
      named: fc.array(fc.oneof(fc.constantFrom(...chunk.texts.itemNumbers, 'missing'), fc.constant('other debtor')), { maxLength: 3 }),
    }),
    { maxLength: 8 },
  ).map((bookings) =>
    bookings.map(({ slot, id, amountMinor, currency, day, named }): Booking => {
      const debtorId = chunk.numbers.debtorIds[slot]!;
      return { slot, payment: payment(debtorId, id, amountMinor, currency, day), targetItemIds: named.map((number) => (number === 'other debtor' ? itemId('D0', '1') : itemId(debtorId, number))) };
    }),
  );

describe('ChunkBookings', () => {
  it('books payments on the columns exactly as decoding, receivePayment and encoding again do (or refuses them alike)', () => {
    fc.assert(
      fc.property(chunkArbitrary.chain((chunk) => fc.tuple(fc.constant(chunk), bookingsArbitrary(chunk))), ([chunk, bookings]) => {
        expect(bookOnColumns(chunk, bookings)).toEqual(bookDecoded(chunk, bookings));
      }),
      { numRuns: 600 },
    );
  });

  it('changes only the overlay columns, so the overlay folded over the chunk as stored reads as the booked chunk — over an earlier overlay too', () => {
    let overlaid = 0;
    const folded = (stored: EncodedLedgerChunk, overlay: NonNullable<ReturnType<typeof ledgerOverlayOf>>): EncodedLedgerChunk => ({ numbers: withNumbersOverlay(stored.numbers, overlay.numbers), texts: withTextsOverlay(stored.texts, overlay.texts) });
    fc.assert(
      fc.property(chunkArbitrary.chain((chunk) => fc.tuple(fc.constant(chunk), bookingsArbitrary(chunk), bookingsArbitrary(chunk))), ([stored, first, second]) => {
        const booked = bookOnColumns(stored, first);
        if (typeof booked === 'string') return;
        const overlay = ledgerOverlayOf(stored, booked);
        // Booked the decoded way (an invoice number twice on a ledger), every column is new: the chunk is written whole.
        if (!overlay) return;
        overlaid += 1;
        const read = folded(stored, overlay);
        expect(read).toEqual(booked);
        expect(read).toEqual(bookDecoded(stored, first));
        // The open invoices kept as the chunk was stored, the overlay folded in, are the booked chunk's (migration 0029).
        expect(withOpenInvoicesOverlay(openInvoicesOf(stored), overlay.numbers)).toEqual(openInvoicesOf(booked));
        // Only what was booked is kept: the new payments' texts, not the chunk's earlier ones.
        expect(overlay.texts.deltas[0]!.paymentIds).toHaveLength(booked.texts.paymentIds.length - stored.texts.paymentIds.length);
        expect(overlay.numbers.deltas[0]!.allocationAt).toHaveLength(booked.numbers.allocationItem.length - stored.numbers.allocationItem.length);
        // A second statement books on the chunk as read; its delta follows the first, over the same stored chunk.
        const again = bookOnColumns(read, second.map((booking) => ({ ...booking, payment: { ...booking.payment, id: `2-${booking.payment.id}` } })));
        if (typeof again === 'string') return;
        const next = ledgerOverlayOf(read, again, overlay);
        if (next) {
          expect(next.numbers.deltas).toHaveLength(2);
          expect(folded(stored, next)).toEqual(again);
          // Folded into the open invoices as stored, or into some already holding the first delta: the same.
          expect(withOpenInvoicesOverlay(openInvoicesOf(stored), next.numbers)).toEqual(openInvoicesOf(again));
          expect(withOpenInvoicesOverlay(openInvoicesOf(read), next.numbers)).toEqual(openInvoicesOf(again));
          expect(folded(stored, next)).toEqual(bookDecoded(read, second.map((booking) => ({ ...booking, payment: { ...booking.payment, id: `2-${booking.payment.id}` } }))));
        }
      }),
      { numRuns: 400 },
    );
    expect(overlaid).toBeGreaterThan(40);
  });

  it('has no overlay for a chunk whose item columns changed', () => {
    const chunk = encodeLedgerChunk(1, [testLedger('A', [testItem('A', '1', { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountMinor: 10_000 })])], ['NL']);
    const reEncoded = encodeLedgerChunk(1, decodeLedgerChunk(chunk), ['NL']);
    expect(ledgerOverlayOf(chunk, reEncoded)).toBeUndefined();
    const settled = { ...chunk, numbers: { ...chunk.numbers, itemOpen: Float64Array.of(0) } };
    const overlay = ledgerOverlayOf(chunk, settled)!;
    expect(overlay.numbers.deltas[0]).toMatchObject({ openRows: Int32Array.of(0), openValues: Float64Array.of(0), paymentAt: Int32Array.of() });
    expect(withNumbersOverlay(chunk.numbers, overlay.numbers)).toEqual(settled.numbers);
  });

  it('writes the chunk whole over an overlay of 0025’s first form, or once it keeps as many bookings as it may', () => {
    const chunk = encodeLedgerChunk(1, [testLedger('A', [testItem('A', '1', { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountMinor: 10_000 })])], ['NL']);
    const settled = { ...chunk, numbers: { ...chunk.numbers, itemOpen: Float64Array.of(0) } };
    const firstForm = { numbers: { ...settled.numbers }, texts: { ...settled.texts } };
    expect(ledgerOverlayOf(chunk, settled, firstForm)).toBeUndefined();
    // The first form still folds as it always did.
    expect(withNumbersOverlay(chunk.numbers, firstForm.numbers)).toEqual(settled.numbers);
    let overlay = ledgerOverlayOf(chunk, settled)!;
    for (let count = 1; count < MAX_DELTAS; count += 1) overlay = ledgerOverlayOf(chunk, settled, overlay)!;
    expect(overlay.numbers.deltas).toHaveLength(MAX_DELTAS);
    expect(ledgerOverlayOf(chunk, settled, overlay)).toBeUndefined();
  });

  it('settles the oldest undisputed invoices of the paying debtor only, leaving the chunk it was given as it was', () => {
    const chunk = encodeLedgerChunk(
      1,
      [
        testLedger('A', [testItem('A', '1', { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountMinor: 10_000 })]),
        testLedger('B', [
          testItem('B', '7', { invoiceDate: '2026-02-01', dueDate: '2026-03-01', amountMinor: 30_000 }),
          testItem('B', '5', { invoiceDate: '2026-01-01', dueDate: '2026-02-01', amountMinor: 20_000, dispute: { reason: 'quality', since: toIsoDate('2026-02-10') } }),
          testItem('B', '6', { invoiceDate: '2026-01-05', dueDate: '2026-02-05', amountMinor: 5_000 }),
        ]),
      ],
      ['NL', 'NL'],
    );
    const before = structuredClone(chunk);
    const columns = new ChunkBookings(chunk);
    columns.book(1, payment('B', 'P1', 12_000, 'EUR', 40), []);
    const booked = columns.result();
    // B's 6 (due 5 Feb) first, then 7; its disputed 5 is skipped and A is another debtor.
    expect([...booked.numbers.itemOpen]).toEqual([10_000, 23_000, 20_000, 0]);
    expect([...booked.numbers.paymentUnapplied]).toEqual([0]);
    expect(booked.texts.paymentIds).toEqual(['P1']);
    expect(chunk).toEqual(before);
  });
});
