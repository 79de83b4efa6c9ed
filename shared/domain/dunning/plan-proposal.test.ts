import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import { proposePaymentPlan, splitEvenly, validatePlanTerms } from './plan-proposal';
import { validatePaymentPlan } from './payment-plans';
import { mergeRateTables } from '../law/rate-table-merge';
import { BUILT_IN_REFERENCE_RATES } from '../law/reference-rates';

/** The table as it stood with 10.15 % in force from 1 July 2025 on, which these vectors were worked out for. */
const RATES_TO_2026_H1 = BUILT_IN_REFERENCE_RATES.filter((row) => row.validFrom < '2026-07-01');

const invoice = testItem('d1', 'F-1', { invoiceDate: '2025-08-31', dueDate: '2025-09-30', amountMinor: 100_000 });
const paid = testItem('d1', 'F-0', { invoiceDate: '2025-08-01', dueDate: '2025-08-31', amountMinor: 5_000, openMinor: 0 });
const ledger = testLedger('d1', [paid, invoice]);
const base = { ledger, jurisdiction: 'NL' as const, itemIds: [invoice.id, paid.id], agreedOn: toIsoDate('2026-11-24'), firstDueOn: toIsoDate('2026-12-31'), count: 3, everyMonths: 1, interestDuringPlan: false, rates: RATES_TO_2026_H1 };

describe('proposing a payment plan', () => {
  it('splits to the cent, the odd cents in the first instalments', () => {
    expect(splitEvenly(100_000, 3)).toEqual([33_334, 33_333, 33_333]);
    expect(splitEvenly(111_835, 3)).toEqual([37_279, 37_278, 37_278]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });

  it('adds the Dutch statutory interest accrued until the agreement, capitalised yearly, and schedules monthly instalments', () => {
    // BW 6:119a vector (law-and-formats.md): €1,000.00 from 2025-10-01 to 2026-11-24 at 10.15 % = 101.50 + 16.85.
    const proposal = proposePaymentPlan({ ...base, includeInterest: true });
    expect(proposal).toMatchObject({ currency: 'EUR', principalMinor: 100_000, interestMinor: 11_835, interestAvailable: true, totalMinor: 111_835 });
    expect(proposal.instalments).toEqual([
      { dueOn: '2026-12-31', amountMinor: 37_279 },
      { dueOn: '2027-01-31', amountMinor: 37_278 },
      { dueOn: '2027-02-28', amountMinor: 37_278 },
    ]);
    expect(validatePaymentPlan({ id: 'p', debtorId: 'd1', itemIds: [invoice.id], agreedOn: base.agreedOn, ...proposal }).ok).toBe(true);
  });

  it('with interest during the plan, each instalment carries the interest on the principal still unpaid since the one before', () => {
    // 10.15 % a year, actual days / 365, rounded half up: 100,000.00 × 30 d, 666.66 × 31 d, 333.33 × 31 d.
    const proposal = proposePaymentPlan({ ...base, includeInterest: false, interestDuringPlan: true, firstDueOn: toIsoDate('2026-12-24') });
    expect(proposal).toMatchObject({ principalMinor: 100_000, interestMinor: 0, planInterestMinor: 834 + 575 + 287, planRateBp: 1015, totalMinor: 101_696 });
    expect(proposal.instalments).toEqual([
      { dueOn: '2026-12-24', amountMinor: 33_334 + 834 },
      { dueOn: '2027-01-24', amountMinor: 33_333 + 575 },
      { dueOn: '2027-02-24', amountMinor: 33_333 + 287 },
    ]);
  });

  it('uses a rate row the controller added at once: the interest and the instalments change to the cent', () => {
    // €1,000.00 due 2025-12-31, agreed 2026-11-24. Without a row for July 2026: 328 d at 10.15 % = 91.2110 → 91.21.
    const due = testItem('d1', 'F-3', { invoiceDate: '2025-12-01', dueDate: '2025-12-31', amountMinor: 100_000 });
    const terms = { ...base, ledger: testLedger('d1', [due]), itemIds: [due.id], includeInterest: true };
    expect(proposePaymentPlan(terms)).toMatchObject({ interestMinor: 9_121, totalMinor: 109_121 });
    // The controller adds 12.15 % from 1 July 2026: 181 d at 10.15 % = 50.3329 → 50.33, 147 d at 12.15 % = 48.9329 → 48.93.
    const withRow = mergeRateTables([{ id: 'NL_HANDELSRENTE:2026-07-01', kind: 'NL_HANDELSRENTE', validFrom: toIsoDate('2026-07-01'), rateBp: 1215, source: 'dnb.nl', addedAt: '2026-11-24T09:00:00Z' }], RATES_TO_2026_H1);
    const proposal = proposePaymentPlan({ ...terms, rates: withRow, interestDuringPlan: true });
    expect(proposal).toMatchObject({ interestMinor: 5_033 + 4_893, planRateBp: 1215 });
    // Interest during the plan at the new 12.15 %: 1,000.00 × 37 d, 666.66 × 31 d, 333.33 × 28 d.
    expect(proposal.instalments).toEqual([
      { dueOn: '2026-12-31', amountMinor: 33_334 + 3_309 + 1_232 },
      { dueOn: '2027-01-31', amountMinor: 33_333 + 3_309 + 688 },
      { dueOn: '2027-02-28', amountMinor: 33_333 + 3_308 + 311 },
    ]);
  });

  it('leaves interest out when asked, or when the invoices are not in the law’s currency', () => {
    expect(proposePaymentPlan({ ...base, includeInterest: false })).toMatchObject({ interestMinor: 0, totalMinor: 100_000 });
    const sek = testLedger('d1', [testItem('d1', 'F-9', { invoiceDate: '2025-08-31', dueDate: '2025-09-30', amountMinor: 100_000, currency: 'EUR' })]);
    const swedishLaw = proposePaymentPlan({ ...base, ledger: sek, itemIds: [sek.items[0]!.id], jurisdiction: 'SE', includeInterest: true, interestDuringPlan: true, everyMonths: 3, count: 2 });
    expect(swedishLaw).toMatchObject({ interestAvailable: false, interestMinor: 0, planInterestMinor: 0, totalMinor: 100_000 });
    expect(swedishLaw.instalments.map((instalment) => instalment.dueOn)).toEqual(['2026-12-31', '2027-03-31']);
  });

  it('refuses a plan without an open invoice or across currencies', () => {
    expect(() => proposePaymentPlan({ ...base, itemIds: [paid.id], includeInterest: false })).toThrow(RangeError);
    const mixed = testLedger('d1', [invoice, testItem('d1', 'F-2', { invoiceDate: '2025-08-31', dueDate: '2025-09-30', amountMinor: 100, currency: 'SEK' })]);
    expect(() => proposePaymentPlan({ ...base, ledger: mixed, itemIds: mixed.items.map((item) => item.id), includeInterest: false })).toThrow(RangeError);
  });
});

describe('plan terms', () => {
  const terms = { itemIds: ['x'], includeInterest: true, interestDuringPlan: false, firstDueOn: '2026-12-01', count: 6, everyMonths: 1 };
  it('accepts sensible terms and names each wrong field', () => {
    expect(validatePlanTerms(terms, toIsoDate('2026-11-24')).ok).toBe(true);
    const wrong = validatePlanTerms({ ...terms, itemIds: [], count: 61, everyMonths: 0 }, toIsoDate('2026-11-24'));
    expect(wrong.ok ? [] : wrong.errors.map((error) => [error.field, error.code])).toEqual([['itemIds', 'too_small'], ['count', 'too_big'], ['everyMonths', 'too_small']]);
  });
  it('refuses a first instalment before the day of the agreement', () => {
    const early = validatePlanTerms({ ...terms, firstDueOn: '2026-11-23' }, toIsoDate('2026-11-24'));
    expect(early.ok ? [] : early.errors.map((error) => [error.field, error.code])).toEqual([['firstDueOn', 'beforeAgreed']]);
  });
});
