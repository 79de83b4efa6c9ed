import type { IsoDate } from '../../time/iso-date';
import { computeExposure } from '../exposure/exposure';
import type { DebtorSummary } from './debtor-summary';

export interface TestSummaryValues {
  readonly debtorId?: string;
  readonly country?: string;
  readonly open?: number;
  readonly overdue?: number;
  readonly maxDaysOverdue?: number;
  readonly limit?: number;
  readonly disputed?: number;
  /** [average days late, amount paid] */
  readonly yearLate?: [number, number];
  readonly recentLate?: [number, number];
}

/** A debtor summary for tests, as of 2026-11-24 in EUR, from the few figures a test cares about. */
export function testSummary(values: TestSummaryValues): DebtorSummary {
  const open = values.open ?? 0;
  const exposure = computeExposure({ openInvoicesMinor: open, creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: values.disputed ?? 0, limitMinor: values.limit ?? 0, insuredPercentageBp: 9000 });
  const late = (pair: [number, number] | undefined) => ({ weightedDaysMinor: pair ? pair[0] * pair[1] : 0, amountMinor: pair ? pair[1] : 0 });
  return {
    ...exposure, debtorId: values.debtorId ?? 'd1', country: values.country ?? 'NL', asOf: '2026-11-24' as IsoDate, currency: 'EUR', openMinor: open, overdueMinor: values.overdue ?? 0,
    bucketsMinor: [open - (values.overdue ?? 0), values.overdue ?? 0], creditsMinor: 0, unappliedCashMinor: 0, disputedMinor: values.disputed ?? 0,
    limitSource: values.limit ? 'insurer' : 'none', limitState: values.limit ? 'APPROVED' : 'NONE', openItemCount: open > 0 ? 1 : 0, overdueItemCount: values.overdue ? 1 : 0, oldestDueDate: undefined,
    maxDaysOverdue: values.maxDaysOverdue ?? 0, lastPaymentDate: undefined, sales90Minor: 0, receivables90DaysAgoMinor: 0, daysLate: late(values.yearLate),
    daysLateRecent: late(values.recentLate), dso: undefined, bestPossibleDso: undefined, averageDaysDelinquent: undefined, openByCurrency: { EUR: open }, unconvertedCurrencies: [], unconverted: {},
  };
}
