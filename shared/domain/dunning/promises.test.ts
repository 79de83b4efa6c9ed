import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import { addBankingDays, assessPromise, validatePromise, type PromiseToPay } from './promises';
import { withPayment } from './test-dunning';

const a = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_000 });
const b = testItem('d1', 'F-2', { invoiceDate: '2026-03-09', dueDate: '2026-04-08', amountMinor: 60_000 });
const ledger = testLedger('d1', [a, b]);
// On a call on 14 April the customer promised €1,600.00 for both invoices by Friday 24 April.
const promise: PromiseToPay = { id: 'ptp-1', debtorId: 'd1', itemIds: [a.id, b.id], amountMinor: 160_000, currency: 'EUR', promisedOn: toIsoDate('2026-04-14'), dueOn: toIsoDate('2026-04-24') };
const GRACE = 2;

describe('a promise to pay', () => {
  it('is open until its day plus two banking days\' grace has passed: a Friday promise until Tuesday', () => {
    expect(assessPromise(promise, ledger, toIsoDate('2026-04-28'), GRACE)).toMatchObject({ status: 'open', paidMinor: 0, shortfallMinor: 160_000 });
    expect(assessPromise(promise, ledger, toIsoDate('2026-04-29'), GRACE)).toMatchObject({ status: 'broken', settledOn: '2026-04-29' });
  });

  it('is kept when the payments reach the amount, even arriving on Monday after a Friday promise', () => {
    const paid = withPayment(ledger, { id: 'p1', date: '2026-04-27', amountMinor: 160_000, allocations: [{ itemId: a.id, amountMinor: 100_000 }, { itemId: b.id, amountMinor: 60_000 }] });
    expect(assessPromise(promise, paid, toIsoDate('2026-05-10'), GRACE)).toMatchObject({ status: 'kept', paidMinor: 160_000, shortfallMinor: 0, settledOn: '2026-04-27' });
  });

  it('is kept in instalments too: €1,000 on Wednesday and €600 on Friday', () => {
    let paid = withPayment(ledger, { id: 'p1', date: '2026-04-22', amountMinor: 100_000, allocations: [{ itemId: a.id, amountMinor: 100_000 }] });
    paid = withPayment(paid, { id: 'p2', date: '2026-04-24', amountMinor: 60_000, allocations: [{ itemId: b.id, amountMinor: 60_000 }] });
    expect(assessPromise(promise, paid, toIsoDate('2026-04-24'), GRACE)).toMatchObject({ status: 'kept', settledOn: '2026-04-24' });
  });

  it('is broken when the money fell short by the last day, with the shortfall; money arriving later does not mend it', () => {
    let short = withPayment(ledger, { id: 'p1', date: '2026-04-24', amountMinor: 100_000, allocations: [{ itemId: a.id, amountMinor: 100_000 }] });
    expect(assessPromise(promise, short, toIsoDate('2026-04-29'), GRACE)).toMatchObject({ status: 'broken', paidMinor: 100_000, shortfallMinor: 60_000, settledOn: '2026-04-29' });
    short = withPayment(short, { id: 'p2', date: '2026-05-04', amountMinor: 60_000, allocations: [{ itemId: b.id, amountMinor: 60_000 }] });
    expect(assessPromise(promise, short, toIsoDate('2026-05-04'), GRACE).status).toBe('broken');
  });

  it('for the account as a whole counts unallocated money the debtor sent', () => {
    const account: PromiseToPay = { ...promise, itemIds: [], amountMinor: 50_000 };
    const paid = withPayment(ledger, { id: 'p1', date: '2026-04-20', amountMinor: 50_000 });
    expect(assessPromise(account, paid, toIsoDate('2026-04-20'), GRACE).status).toBe('kept');
  });

  it('cannot fall due before it was made, nor be for nothing', () => {
    const result = validatePromise({ ...promise, dueOn: '2026-04-13', amountMinor: 0 });
    expect(result.ok ? [] : result.errors.map((error) => [error.field, error.code])).toEqual([
      ['amountMinor', 'too_small'],
      ['dueOn', 'dueBeforePromised'],
    ]);
    expect(validatePromise(promise)).toEqual({ ok: true, value: promise });
  });
});

describe('banking days', () => {
  it('skip the weekend', () => {
    expect(addBankingDays(toIsoDate('2026-04-24'), 2)).toBe('2026-04-28');
    expect(addBankingDays(toIsoDate('2026-04-22'), 2)).toBe('2026-04-24');
    expect(addBankingDays(toIsoDate('2026-04-25'), 1)).toBe('2026-04-27');
    expect(addBankingDays(toIsoDate('2026-04-25'), 0)).toBe('2026-04-25');
  });
});
