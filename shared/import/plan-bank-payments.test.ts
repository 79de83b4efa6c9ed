import { describe, expect, it } from 'vitest';
import { testItem, testLedger } from '../domain/ledger/test-ledger';
import { toIsoDate } from '../time/iso-date';
import { bankLineId } from './bank-line-id';
import type { BankTransaction } from './bank-transaction';
import { PaymentMatcher } from './payment-matcher';
import { bookPayment, decidePayments } from './plan-bank-payments';

const ledger = testLedger('D1', [
  testItem('D1', '2026-0101', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 123_456 }),
  testItem('D1', '2026-0117', { invoiceDate: '2026-10-31', dueDate: '2026-11-30', amountMinor: 85_000 }),
]);
const matcher = new PaymentMatcher(
  ledger.items.map((item) => ({ itemId: item.id, debtorId: 'D1', number: item.number, paymentReference: '', openMinor: item.openMinor, currency: 'EUR', dueDate: item.dueDate })),
  [{ debtorId: 'D1', name: 'Bakker Bouw B.V.', ibans: [] }],
);

function line(id: string, amountMinor: number, fields: Partial<BankTransaction> = {}): BankTransaction {
  return {
    id, position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-20'), valueDate: toIsoDate('2026-11-20'), amountMinor, currency: 'EUR',
    direction: 'credit', isReversal: false, counterpartyName: 'Bakker Bouw BV', counterpartyIban: 'NL02RABO0123456789', structuredReference: '', remittance: '', endToEndId: '', bankReference: '', ...fields,
  };
}

describe('decidePayments', () => {
  it('books matched lines, leaves the rest for review and skips duplicates and money going out', () => {
    const decisions = decidePayments(
      [line('P1', 123_456, { remittance: 'factuur 2026-0101' }), line('P2', 5_000, { counterpartyName: 'Unknown GmbH' }), line('P3', 100), line('P1', 123_456), line('P4', 999, { direction: 'debit' }), line('P5', 50, { isReversal: true })],
      matcher,
      new Set(['P3']),
    );
    expect(decisions.map((decision) => decision.kind)).toEqual(['book', 'review', 'duplicate', 'duplicate', 'notReceipt', 'notReceipt']);
  });
});

describe('decidePayments, payments made twice', () => {
  it('books the second of two equal payments on a day when only one of them was imported before, whichever it was', () => {
    // Same account, day, amount and remittance, no end-to-end id: two payments that only the file's order tells apart.
    const twin = (legacy: string) => line(bankLineId(legacy, { accounts: ['NL91ABNA0417164300'], bookingDate: '2026-11-20', valueDate: '2026-11-20', direction: 'credit', amountMinor: 5_000, currency: 'EUR', endToEndId: '', references: [], remittance: 'Factuur 2026-0200', fallback: legacy }), 5_000);
    const [first, second] = [twin('BT-1'), twin('BT-2')];
    expect(decidePayments([first, second], matcher, new Set([second.id])).map((decision) => decision.kind)).toEqual(['book', 'duplicate']);
    expect(decidePayments([first, second], matcher, new Set([first.id])).map((decision) => decision.kind)).toEqual(['duplicate', 'book']);
  });
});

describe('bookPayment', () => {
  it('pays the named invoices, partly when short', () => {
    const booked = bookPayment(ledger, line('P1', 100_000), ['D1|2026-0101']);
    expect(booked.items.map((item) => item.openMinor)).toEqual([23_456, 85_000]);
    expect(booked.payments[0]).toMatchObject({ id: 'P1', unappliedMinor: 0, counterpartyIban: 'NL02RABO0123456789' });
  });

  it('pays several invoices with one payment, keeping an overpayment unapplied', () => {
    const booked = bookPayment(ledger, line('P1', 210_000), ['D1|2026-0101', 'D1|2026-0117']);
    expect(booked.items.map((item) => item.openMinor)).toEqual([0, 0]);
    expect(booked.payments[0]?.unappliedMinor).toBe(1_544);
  });

  it('pays the invoice it names even when an older one is open, and leaves what is over unapplied', () => {
    const booked = bookPayment(ledger, line('P1', 100_000), ['D1|2026-0117']);
    expect(booked.items.map((item) => item.openMinor)).toEqual([123_456, 0]);
    expect(booked.payments[0]?.unappliedMinor).toBe(15_000);
  });

  it('pays the oldest invoices first when it names none', () => {
    const booked = bookPayment(ledger, line('P1', 150_000), []);
    expect(booked.items.map((item) => item.openMinor)).toEqual([0, 58_456]);
  });
});
