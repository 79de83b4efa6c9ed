import { describe, expect, it } from 'vitest';
import { generatePolicy } from '../../generator/generate-portfolio';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { computeExposure } from '../exposure/exposure';
import { scoreDebtorRisk } from '../risk/risk-score';
import { testSummary } from '../summaries/test-summary';
import { effectiveLimitOn, limitStateOf, upcomingLimitOn, type CreditLimit } from './credit-limit';
import { limitAlerts } from './limit-alerts';

const d = toIsoDate;
const today = d('2026-12-10');
// The demo policy: discretionary limits up to €25,000.
const policy = generatePolicy('2026-11-24' as IsoDate);
const bound = { discretionaryMaxMinor: policy.discretionaryLimitMax.amountMinor, currency: policy.currency };

const insurer: CreditLimit = {
  debtorId: 'D1', source: 'insurer', coverId: 'C-1', status: 'APPROVED', currency: 'EUR', decidedAmountMinor: 5_000_000,
  tranches: [{ amountMinor: 5_000_000, effectiveFrom: d('2026-01-01'), kind: 'permanent' }], conditions: [], reasons: [], history: [], decidedOn: d('2026-01-01'),
};
const own = (source: 'discretionary' | 'internal', amountMinor: number, from = d('2026-06-01')): CreditLimit => ({
  debtorId: 'D1', source, status: 'APPROVED', currency: 'EUR', decidedAmountMinor: amountMinor, tranches: [{ amountMinor, effectiveFrom: from, kind: 'permanent' }],
  conditions: [], reasons: [], history: [], decidedOn: from,
});

describe('which limit counts for insured exposure', () => {
  it('is the insurer’s limit in force, else the discretionary limit within the policy’s bound; an internal limit never insures', () => {
    expect(effectiveLimitOn([own('discretionary', 2_000_000), insurer, own('internal', 9_000_000)], today, bound)).toEqual({ amountMinor: 5_000_000, source: 'insurer' });
    expect(effectiveLimitOn([own('discretionary', 2_000_000), own('internal', 9_000_000)], today, bound)).toEqual({ amountMinor: 2_000_000, source: 'discretionary' });
    expect(effectiveLimitOn([own('internal', 9_000_000)], today, bound)).toEqual({ amountMinor: 0, source: 'none' });
    // A discretionary limit above a bound the policy lowered since counts only up to the bound.
    expect(effectiveLimitOn([own('discretionary', 3_000_000)], today, bound)).toEqual({ amountMinor: 2_500_000, source: 'discretionary' });
  });

  it('falls back to the discretionary limit while the insurer’s decision has not started, and after a cancellation', () => {
    const fromTomorrow = { ...insurer, tranches: [{ amountMinor: 5_000_000, effectiveFrom: d('2026-12-11'), kind: 'permanent' as const }] };
    expect(effectiveLimitOn([fromTomorrow, own('discretionary', 2_000_000)], today, bound)).toEqual({ amountMinor: 2_000_000, source: 'discretionary' });
    expect(effectiveLimitOn([fromTomorrow, own('discretionary', 2_000_000)], d('2026-12-11'), bound)).toEqual({ amountMinor: 5_000_000, source: 'insurer' });
    expect(effectiveLimitOn([{ ...insurer, status: 'CANCELLED' }, own('discretionary', 2_000_000)], today, bound)).toEqual({ amountMinor: 2_000_000, source: 'discretionary' });
  });

  it('ends a discretionary limit with the insurer’s zero decision, unless it was set after that decision', () => {
    const refused = { ...insurer, status: 'REFUSED' as const, decidedOn: d('2025-09-01') };
    expect(effectiveLimitOn([refused, own('discretionary', 2_000_000, d('2025-08-01'))], today, bound)).toEqual({ amountMinor: 0, source: 'insurer' });
    expect(effectiveLimitOn([refused, own('discretionary', 2_000_000, d('2026-10-01'))], today, bound)).toEqual({ amountMinor: 2_000_000, source: 'discretionary' });
  });
});

describe('a limit decided with a future start date', () => {
  const fromTomorrow: CreditLimit = { ...insurer, tranches: [{ amountMinor: 5_000_000, effectiveFrom: d('2026-12-11'), kind: 'permanent' }] };

  it('is pending until that date, with its date and amount', () => {
    expect(limitStateOf([fromTomorrow], today)).toBe('SCHEDULED');
    expect(upcomingLimitOn([fromTomorrow], today)).toEqual({ amountMinor: 5_000_000, from: '2026-12-11', source: 'insurer' });
    expect(limitStateOf([fromTomorrow], d('2026-12-11'))).toBe('APPROVED');
    expect(upcomingLimitOn([fromTomorrow], d('2026-12-11'))).toBeUndefined();
  });

  it('raises no alert and is not offered for a new request', () => {
    const exposure = computeExposure({ openInvoicesMinor: 4_000_000, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 0, insuredPercentageBp: 9000 });
    const summary = { ...testSummary({ debtorId: 'D1', open: 4_000_000 }), ...exposure, limitSource: 'insurer' as const, limitState: 'SCHEDULED' as const, upcomingLimit: { amountMinor: 5_000_000, from: d('2026-12-11'), source: 'insurer' as const } };
    expect(limitAlerts([summary], policy)).toEqual([]);
  });
});

describe('alerts with own limits', () => {
  it('takes the uninsured alert away once a discretionary limit covers the debtor, to the cent', () => {
    const bare = testSummary({ debtorId: 'D1', open: 1_234_567 });
    expect(limitAlerts([bare], policy).map((alert) => [alert.kind, alert.shortfallMinor])).toEqual([['uninsured', 1_234_567]]);
    const exposure = computeExposure({ openInvoicesMinor: 1_234_567, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 1_200_000, insuredPercentageBp: 9000 });
    const covered = { ...bare, ...exposure, limitSource: 'discretionary' as const, limitState: 'DISCRETIONARY' as const };
    // €12,345.67 against an own €12,000: €345.67 over the limit, no longer uninsured.
    expect(limitAlerts([covered], policy).map((alert) => [alert.kind, alert.shortfallMinor, alert.limitMinor])).toEqual([['overLimit', 34_567, 1_200_000]]);
  });

  it('counts the internal limit for over-limit: the company carries what it decided to carry, and no more', () => {
    // Insured €10,000, internal €30,000: €25,000.01 owed is within the company's limit, €30,000.01 is over it by a cent.
    const within = computeExposure({ openInvoicesMinor: 2_500_001, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 1_000_000, internalLimitMinor: 3_000_000, insuredPercentageBp: 9000 });
    expect(within).toMatchObject({ limitMinor: 1_000_000, internalLimitMinor: 3_000_000, insuredExposureMinor: 1_000_000, uninsuredMinor: 1_500_001, overLimitMinor: 0, availableMinor: 499_999 });
    const over = computeExposure({ openInvoicesMinor: 3_000_001, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 1_000_000, internalLimitMinor: 3_000_000, insuredPercentageBp: 9000 });
    expect(over).toMatchObject({ overLimitMinor: 1, insuredExposureMinor: 1_000_000, indemnityMinor: 900_000 });
    const summary = (figures: typeof within) => ({ ...testSummary({ debtorId: 'D1', open: figures.exposureMinor }), ...figures, limitSource: 'insurer' as const, limitState: 'APPROVED' as const });
    expect(limitAlerts([summary(within)], policy)).toEqual([]);
    expect(limitAlerts([summary(over)], policy).map((alert) => [alert.kind, alert.shortfallMinor, alert.limitMinor])).toEqual([['overLimit', 1, 3_000_000]]);
    // Only an internal limit, no insurance: within it nothing to alert, the exposure stays uninsured in the figures.
    const internalOnly = computeExposure({ openInvoicesMinor: 2_000_000, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 0, internalLimitMinor: 3_000_000, insuredPercentageBp: 9000 });
    expect(internalOnly).toMatchObject({ uninsuredMinor: 2_000_000, overLimitMinor: 0 });
    expect(limitAlerts([{ ...summary(internalOnly), limitSource: 'none', limitState: 'NONE' }], policy)).toEqual([]);
  });

  it('scores utilisation against the internal limit where the company set one', () => {
    const figures = computeExposure({ openInvoicesMinor: 2_000_000, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: 0, limitMinor: 0, internalLimitMinor: 4_000_000, insuredPercentageBp: 9000 });
    const risk = scoreDebtorRisk({ ...testSummary({ debtorId: 'D1', open: 2_000_000 }), ...figures }, undefined);
    // Half of the internal limit used: no points (exposure without any limit would score the full 15).
    expect(risk.factors.find((factor) => factor.id === 'utilisation')?.points).toBe(0);
  });
});
