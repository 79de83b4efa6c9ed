import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import { dayTotalReaches, paymentsReceived } from './payments-received';
import { withPayment } from './test-dunning';

const a = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
const b = testItem('d1', 'F-2', { invoiceDate: '2026-03-09', dueDate: '2026-04-08', amountMinor: 60_000 });
const credit = testItem('d1', 'C-1', { invoiceDate: '2026-03-20', dueDate: '2026-03-20', amountMinor: -10_000 });
const scope = (itemIds: string[]) => ({ itemIds, currency: 'EUR', from: toIsoDate('2026-04-10'), through: toIsoDate('2026-04-30') });

describe('payments received towards a promise or plan', () => {
  it('counts what was allocated to the invoices concerned, dated by when the money arrived, plus unallocated money', () => {
    let ledger = testLedger('d1', [a, b, credit]);
    ledger = withPayment(ledger, { id: 'p-early', date: '2026-04-09', amountMinor: 5_000, allocations: [{ itemId: a.id, amountMinor: 5_000 }] });
    ledger = withPayment(ledger, { id: 'p1', date: '2026-04-15', amountMinor: 40_000, allocations: [{ itemId: a.id, amountMinor: 30_000 }, { itemId: b.id, amountMinor: 10_000 }] });
    ledger = withPayment(ledger, { id: 'p2', date: '2026-04-20', amountMinor: 7_000 });
    ledger = { ...ledger, allocations: [...ledger.allocations, { itemId: a.id, source: { kind: 'credit-note', itemId: credit.id }, amountMinor: 10_000, date: toIsoDate('2026-04-16') }] };

    // For F-1 alone: 300.00 of p1 (not the 100.00 for F-2, nor the credit note, nor p-early before the window) and p2's unallocated 70.00.
    expect(paymentsReceived(ledger, scope([a.id]))).toEqual([
      { date: '2026-04-15', amountMinor: 30_000 },
      { date: '2026-04-20', amountMinor: 7_000 },
    ]);
    // For the account as a whole: all of p1 and p2.
    const all = paymentsReceived(ledger, scope([]));
    expect(all.reduce((sum, payment) => sum + payment.amountMinor, 0)).toBe(47_000);
    expect(dayTotalReaches(all, 40_001)).toBe('2026-04-20');
    expect(dayTotalReaches(all, 47_001)).toBeUndefined();
  });

  it('ignores money in another currency', () => {
    const ledger = withPayment(testLedger('d1', [a]), { id: 'p1', date: '2026-04-15', amountMinor: 90_000, currency: 'SEK' });
    expect(paymentsReceived(ledger, scope([a.id]))).toEqual([]);
  });
});
