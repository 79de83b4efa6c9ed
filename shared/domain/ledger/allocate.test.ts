import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { applyCreditNote, receivePayment } from './allocate';
import type { DebtorLedger } from './ledger-types';
import { testItem, testLedger } from './test-ledger';

// Hand-checked: A €1,000.00 due 1 Oct, B €500.00 due 15 Oct, C €300.00 due 1 Nov.
function ledger(options: { disputeB?: boolean } = {}): DebtorLedger {
  return testLedger('D1', [
    testItem('D1', 'C', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: 30_000 }),
    testItem('D1', 'A', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 100_000 }),
    testItem('D1', 'B', {
      invoiceDate: '2026-09-15',
      dueDate: '2026-10-15',
      amountMinor: 50_000,
      ...(options.disputeB && { dispute: { reason: 'quality', since: toIsoDate('2026-10-20') } }),
    }),
  ]);
}

const open = (result: DebtorLedger) => Object.fromEntries(result.items.map((item) => [item.number, item.openMinor]));
const payment = (amountMinor: number, currency = 'EUR') => ({
  id: 'P1', debtorId: 'D1', date: toIsoDate('2026-11-20'), currency, amountMinor,
  reference: '', remittance: '', counterpartyName: '', counterpartyIban: '',
});

describe('receivePayment', () => {
  it('settles the oldest invoices first and leaves the last one partly open', () => {
    const result = receivePayment(ledger(), payment(120_000));
    expect(open(result)).toEqual({ A: 0, B: 30_000, C: 30_000 });
    expect(result.payments[0]?.unappliedMinor).toBe(0);
    expect(result.allocations.map((allocation) => [allocation.itemId, allocation.amountMinor])).toEqual([
      ['D1|A', 100_000],
      ['D1|B', 20_000],
    ]);
  });

  it('keeps an overpayment as unapplied cash', () => {
    const result = receivePayment(ledger(), payment(200_000));
    expect(open(result)).toEqual({ A: 0, B: 0, C: 0 });
    expect(result.payments[0]?.unappliedMinor).toBe(20_000);
  });

  it('does not settle a disputed invoice with unnamed money', () => {
    expect(open(receivePayment(ledger({ disputeB: true }), payment(120_000)))).toEqual({ A: 0, B: 50_000, C: 10_000 });
  });

  it('settles named invoices, even a disputed one, and leaves the rest for the controller', () => {
    const result = receivePayment(ledger({ disputeB: true }), payment(60_000), { targetItemIds: ['D1|B'] });
    expect(open(result)).toEqual({ A: 100_000, B: 0, C: 30_000 });
    expect(result.payments[0]?.unappliedMinor).toBe(10_000);
  });

  it('never settles an invoice in another currency', () => {
    const result = receivePayment(ledger(), payment(50_000, 'SEK'));
    expect(open(result)).toEqual({ A: 100_000, B: 50_000, C: 30_000 });
    expect(result.payments[0]?.unappliedMinor).toBe(50_000);
  });

  it('refuses to book the same payment twice', () => {
    expect(() => receivePayment(receivePayment(ledger(), payment(100)), payment(100))).toThrow(/already booked/);
  });
});

describe('applyCreditNote', () => {
  it('sets a credit note against the oldest invoice and uses it up', () => {
    const withCredit = { ...ledger(), items: [...ledger().items, testItem('D1', 'CN1', { invoiceDate: '2026-10-10', dueDate: '2026-10-10', amountMinor: -25_000 })] };
    const result = applyCreditNote(withCredit, 'D1|CN1', toIsoDate('2026-10-10'));
    expect(open(result)).toEqual({ A: 75_000, B: 50_000, C: 30_000, CN1: 0 });
    expect(result.allocations).toEqual([{ itemId: 'D1|A', source: { kind: 'credit-note', itemId: 'D1|CN1' }, amountMinor: 25_000, date: '2026-10-10' }]);
  });

  it('keeps credit that finds no open invoice', () => {
    const settled = testLedger('D1', [
      testItem('D1', 'A', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 10_000, openMinor: 0 }),
      testItem('D1', 'CN1', { invoiceDate: '2026-10-10', dueDate: '2026-10-10', amountMinor: -25_000 }),
    ]);
    expect(open(applyCreditNote(settled, 'D1|CN1', toIsoDate('2026-10-10')))).toEqual({ A: 0, CN1: -25_000 });
  });
});
