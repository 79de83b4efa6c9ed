import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../time/iso-date';
import { computeExposure } from '../exposure/exposure';
import type { DebtorSummary } from './debtor-summary';
import { portfolioAfterLimitChanges } from './portfolio-after-limits';
import { summarisePortfolio } from './portfolio-summary';
import { testSummary } from './test-summary';

const context = { asOf: '2026-11-24' as IsoDate, currency: 'EUR', bucketCount: 2 };
const withLimit = (summary: DebtorSummary, limitMinor: number): DebtorSummary => ({
  ...summary,
  ...computeExposure({ openInvoicesMinor: summary.openMinor, creditsMinor: summary.creditsMinor, unappliedCashMinor: summary.unappliedCashMinor, disputedMinor: summary.disputedMinor, limitMinor, insuredPercentageBp: 9000 }),
  limitState: limitMinor > 0 ? 'REDUCED' : 'NONE',
});

describe('the portfolio after some debtors’ limits changed', () => {
  const all = [testSummary({ debtorId: 'd1', open: 500_000, overdue: 100_000, limit: 1_000_000 }), testSummary({ debtorId: 'd2', open: 2_000_000, limit: 3_000_000, disputed: 50_000 }), testSummary({ debtorId: 'd3', country: 'SE', open: 70_000, yearLate: [12, 40_000] })];
  const portfolio = summarisePortfolio(all, context);

  it('comes out as adding every summary up again: limit, insured and uninsured exposure, over-limit amount and count, indemnity', () => {
    const before = [all[0]!, all[1]!];
    const after = [withLimit(all[0]!, 200_000), withLimit(all[1]!, 0)];
    expect(portfolioAfterLimitChanges(portfolio, before, after, context)).toEqual(summarisePortfolio([...after, all[2]!], context));
  });

  it('declines when anything but the limits changed, or the stored portfolio is of another day', () => {
    expect(portfolioAfterLimitChanges(portfolio, [all[0]!], [{ ...withLimit(all[0]!, 200_000), openMinor: 1 }], context)).toBeUndefined();
    expect(portfolioAfterLimitChanges(portfolio, [all[0]!], [all[1]!], context)).toBeUndefined();
    expect(portfolioAfterLimitChanges({ ...portfolio, asOf: '2026-11-23' as IsoDate }, [all[0]!], [withLimit(all[0]!, 1)], context)).toBeUndefined();
  });
});
