import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import { assessPaymentPlan, validatePaymentPlan, type PaymentPlan } from './payment-plans';
import { withPayment } from './test-dunning';

const a = testItem('d1', 'F-1', { invoiceDate: '2026-03-02', dueDate: '2026-04-01', amountMinor: 100_001 });
const ledger = testLedger('d1', [a]);
// €1,000.01 in three monthly instalments; the odd cent goes in the first.
const plan: PaymentPlan = {
  id: 'plan-1',
  debtorId: 'd1',
  itemIds: [a.id],
  currency: 'EUR',
  totalMinor: 100_001,
  agreedOn: toIsoDate('2026-04-20'),
  instalments: [
    { dueOn: toIsoDate('2026-05-01'), amountMinor: 33_335 },
    { dueOn: toIsoDate('2026-06-01'), amountMinor: 33_333 },
    { dueOn: toIsoDate('2026-07-01'), amountMinor: 33_333 },
  ],
};
const BREAKS_AFTER = 7;

describe('agreeing a payment plan', () => {
  it('accepts instalments adding up exactly to the total', () => {
    expect(validatePaymentPlan(plan)).toEqual({ ok: true, value: plan });
  });

  it('refuses instalments a cent short of the total, saying by how much', () => {
    const result = validatePaymentPlan({ ...plan, instalments: [{ ...plan.instalments[0]!, amountMinor: 33_334 }, ...plan.instalments.slice(1)] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ field: 'instalments', code: 'sumMismatch', params: expect.objectContaining({ sumMinor: 100_000, totalMinor: 100_001 }) })]);
  });

  it('refuses instalments out of date order, before the agreement, or in fractions of a cent', () => {
    const result = validatePaymentPlan({ ...plan, instalments: [plan.instalments[1], plan.instalments[0], { dueOn: '2026-04-01', amountMinor: 33_333.5 }] });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['instalments.2.amountMinor']);
    const dates = validatePaymentPlan({ ...plan, instalments: [plan.instalments[1], plan.instalments[0], { dueOn: '2026-04-01', amountMinor: 33_333 }] });
    expect(dates.ok ? [] : dates.errors.map((error) => [error.field, error.code])).toEqual([
      ['instalments.1.dueOn', 'notAfterPrevious'],
      ['instalments.2.dueOn', 'notAfterPrevious'],
      ['instalments.2.dueOn', 'beforeAgreed'],
    ]);
  });
});

describe('tracking a payment plan against payments', () => {
  it('fills the instalments in order: paid, then late, then open', () => {
    let paid = withPayment(ledger, { id: 'p1', date: '2026-04-30', amountMinor: 33_335, allocations: [{ itemId: a.id, amountMinor: 33_335 }] });
    paid = withPayment(paid, { id: 'p2', date: '2026-06-03', amountMinor: 20_000, allocations: [{ itemId: a.id, amountMinor: 20_000 }] });
    const assessment = assessPaymentPlan(plan, paid, toIsoDate('2026-06-05'), BREAKS_AFTER);
    expect(assessment.instalments.map(({ status, paidMinor, paidOn, daysLate }) => ({ status, paidMinor, paidOn, daysLate }))).toEqual([
      { status: 'paid', paidMinor: 33_335, paidOn: '2026-04-30', daysLate: 0 },
      { status: 'late', paidMinor: 20_000, paidOn: undefined, daysLate: 4 },
      { status: 'open', paidMinor: 0, paidOn: undefined, daysLate: 0 },
    ]);
    expect(assessment).toMatchObject({ status: 'active', paidMinor: 53_335, brokenOn: undefined });
  });

  it('breaks when an instalment is more than 7 days late, and stays broken when the debtor catches up', () => {
    const first = withPayment(ledger, { id: 'p1', date: '2026-05-01', amountMinor: 33_335, allocations: [{ itemId: a.id, amountMinor: 33_335 }] });
    expect(assessPaymentPlan(plan, first, toIsoDate('2026-06-08'), BREAKS_AFTER).status).toBe('active');
    expect(assessPaymentPlan(plan, first, toIsoDate('2026-06-09'), BREAKS_AFTER)).toMatchObject({ status: 'broken', brokenOn: '2026-06-09' });
    const caughtUp = withPayment(first, { id: 'p2', date: '2026-06-15', amountMinor: 66_666, allocations: [{ itemId: a.id, amountMinor: 66_666 }] });
    expect(assessPaymentPlan(plan, caughtUp, toIsoDate('2026-07-01'), BREAKS_AFTER)).toMatchObject({ status: 'broken', brokenOn: '2026-06-09' });
  });

  it('is completed when every instalment is paid in time', () => {
    const all = withPayment(ledger, { id: 'p1', date: '2026-05-01', amountMinor: 100_001, allocations: [{ itemId: a.id, amountMinor: 100_001 }] });
    expect(assessPaymentPlan(plan, all, toIsoDate('2026-05-02'), BREAKS_AFTER).status).toBe('completed');
  });

  it('is ended from the day the controller ends it: no longer running, no longer broken', () => {
    const first = withPayment(ledger, { id: 'p1', date: '2026-05-01', amountMinor: 33_335, allocations: [{ itemId: a.id, amountMinor: 33_335 }] });
    const ended = { ...plan, endedOn: toIsoDate('2026-06-20') };
    expect(assessPaymentPlan(ended, first, toIsoDate('2026-06-19'), BREAKS_AFTER).status).toBe('broken');
    expect(assessPaymentPlan(ended, first, toIsoDate('2026-06-20'), BREAKS_AFTER)).toMatchObject({ status: 'ended', brokenOn: undefined, paidMinor: 33_335 });
    expect(validatePaymentPlan(ended).ok).toBe(true);
  });
});
