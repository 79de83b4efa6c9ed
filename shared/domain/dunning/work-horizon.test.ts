import { describe, expect, it } from 'vitest';
import { ExchangeRateTable } from '../../money/exchange-rates';
import { addDays, toDayNumber, toIsoDate } from '../../time/iso-date';
import { testItem, testLedger } from '../ledger/test-ledger';
import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from './credit-policy';
import { demoPolicy, testDebtor } from './test-dunning';
import { createWorkHorizon } from './work-horizon';
import { buildWorklist } from './worklist';

const today = toIsoDate('2026-04-10');
const LEAD_DAYS = 7;

/** A friendly pre-due letter 3 days before the due date for key accounts, delayed a week for small customers, and a wide handover margin. */
const earlyPolicy: CreditPolicy = {
  ...DEFAULT_CREDIT_POLICY,
  handoverMarginDays: 60,
  ladders: { ...DEFAULT_CREDIT_POLICY.ladders, 'key-account': { steps: [{ ...DEFAULT_CREDIT_POLICY.ladders['key-account']!.steps[0]!, waitDays: -3 }, ...DEFAULT_CREDIT_POLICY.ladders['key-account']!.steps.slice(1)] } },
  segments: { ...DEFAULT_CREDIT_POLICY.segments, small: { ladder: 'standard', delayDays: 7 } },
};

const entriesFor = (creditPolicy: CreditPolicy, segment: string, invoiceDate: string, dueDate: string) =>
  buildWorklist({
    today,
    creditPolicy,
    insurancePolicy: demoPolicy,
    leadDays: LEAD_DAYS,
    rates: new ExchangeRateTable([]),
    debtors: [{ debtor: testDebtor('d', { segment }), ledger: testLedger('d', [testItem('d', 'I-1', { invoiceDate, dueDate, amountMinor: 10_000 })]), riskScore: 0, actions: [], promises: [], paymentPlans: [] }],
  }).entries;

describe('the work horizon', () => {
  it.each([
    ['the default policy', DEFAULT_CREDIT_POLICY],
    ['a policy with a pre-due letter, a delayed segment and a wide handover margin', earlyPolicy],
  ])('never leaves out an invoice that has work today, under %s', (_name, creditPolicy) => {
    const couldHaveWork = createWorkHorizon(creditPolicy, demoPolicy, toDayNumber(today), LEAD_DAYS);
    let leftOut = 0;
    // Invoices due from 400 days ago to 60 days ahead, on terms of 0 to 240 days.
    for (let dueIn = -400; dueIn <= 60; dueIn += 1) {
      for (const terms of [0, 30, 120, 240]) {
        const dueDate = addDays(today, dueIn);
        const invoiceDate = addDays(dueDate, -terms);
        for (const segment of ['standard', 'key-account', 'small']) {
          if (couldHaveWork(toDayNumber(invoiceDate), toDayNumber(dueDate))) continue;
          leftOut += 1;
          expect(entriesFor(creditPolicy, segment, invoiceDate, dueDate), `${segment} invoice of ${invoiceDate} due ${dueDate}`).toEqual([]);
        }
      }
    }
    // Invoices not yet due are left out: the horizon does save work.
    expect(leftOut).toBeGreaterThan(100);
  });

  it('keeps an invoice whose claim must be filed soon, even before it is due', () => {
    const couldHaveWork = createWorkHorizon(DEFAULT_CREDIT_POLICY, { ...demoPolicy, claimFilingDays: 30 }, toDayNumber(today), LEAD_DAYS);
    expect(couldHaveWork(toDayNumber(toIsoDate('2026-03-15')), toDayNumber(toIsoDate('2026-05-15')))).toBe(true);
    expect(couldHaveWork(toDayNumber(toIsoDate('2026-04-01')), toDayNumber(toIsoDate('2026-05-15')))).toBe(false);
  });
});
