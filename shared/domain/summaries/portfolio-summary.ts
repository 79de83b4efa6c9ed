import type { IsoDate } from '../../time/iso-date';
import { workingLimit } from '../exposure/exposure';
import { averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, standardDso, weightedDaysLate, type CeiFigure } from '../kpi/collection-kpis';
import { KPI_WINDOW_DAYS, SUMMARY_VERSION, type DebtorSummary } from './debtor-summary';
import { addUnconverted, type UnconvertedByCurrency } from './unconverted';

export interface SegmentTotals {
  readonly key: string;
  readonly debtorCount: number;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly exposureMinor: number;
  readonly bucketsMinor: readonly number[];
  /** What this segment owes in currencies without a rate, unconverted (left out of the figures above). */
  readonly unconverted: UnconvertedByCurrency;
}

/** The whole portfolio in the policy currency: what the portfolio screen and the dashboards open with. */
export interface PortfolioSummary {
  /** The formulas' version (SUMMARY_VERSION) the summaries were computed with. */
  readonly summaryVersion: number;
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly debtorCount: number;
  readonly debtorsWithOpenItems: number;
  readonly openItemCount: number;
  readonly overdueItemCount: number;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly bucketsMinor: readonly number[];
  readonly creditsMinor: number;
  readonly unappliedCashMinor: number;
  readonly disputedMinor: number;
  readonly exposureMinor: number;
  readonly limitMinor: number;
  readonly insuredExposureMinor: number;
  readonly uninsuredMinor: number;
  readonly overLimitMinor: number;
  readonly overLimitCount: number;
  readonly indemnityMinor: number;
  readonly sales90Minor: number;
  readonly dso: number | undefined;
  readonly bestPossibleDso: number | undefined;
  readonly averageDaysDelinquent: number | undefined;
  /** Collection effectiveness over the last 90 days, in percent, or why the period gives none. */
  readonly cei: CeiFigure;
  readonly weightedDaysLate: number | undefined;
  readonly byCountry: readonly SegmentTotals[];
  /** Open invoices per currency, unconverted. */
  readonly openByCurrency: Readonly<Record<string, number>>;
  /**
   * Currencies left out of the converted figures above for lack of a rate, sorted: a report showing
   * only the converted total must say these are missing from it (an import of SEK and EUR items once
   * showed the EUR total alone).
   */
  readonly unconvertedCurrencies: readonly string[];
  /** Those currencies' open, overdue and exposure totals in their own currency, with how many debtors owe them. */
  readonly unconverted: UnconvertedByCurrency;
}

function addInto(target: number[], values: readonly number[]): void {
  for (let index = 0; index < values.length; index += 1) target[index] = (target[index] ?? 0) + values[index]!;
}

/**
 * Adds debtor summaries up into the portfolio figures; KPIs are recomputed from the summed parts, never
 * averaged (an average of DSOs is not the portfolio's DSO).
 */
export function summarisePortfolio(
  summaries: Iterable<DebtorSummary>,
  context: { readonly asOf: IsoDate; readonly currency: string; readonly bucketCount: number },
): PortfolioSummary {
  const buckets = new Array<number>(context.bucketCount).fill(0);
  const countries = new Map<string, { debtorCount: number; openMinor: number; overdueMinor: number; exposureMinor: number; bucketsMinor: number[]; unconverted: Parameters<typeof addUnconverted>[0] }>();
  const unconvertedTotals: Parameters<typeof addUnconverted>[0] = {};
  const openByCurrency: Record<string, number> = {};
  const unconverted = new Set<string>();
  const totals = {
    debtorCount: 0, debtorsWithOpenItems: 0, openItemCount: 0, overdueItemCount: 0, openMinor: 0, overdueMinor: 0, creditsMinor: 0,
    unappliedCashMinor: 0, disputedMinor: 0, exposureMinor: 0, limitMinor: 0, insuredExposureMinor: 0, uninsuredMinor: 0,
    overLimitMinor: 0, overLimitCount: 0, indemnityMinor: 0, sales90Minor: 0, receivablesBefore: 0, lateWeighted: 0, latePaid: 0,
  };
  for (const summary of summaries) {
    totals.debtorCount += 1;
    if (summary.openItemCount > 0) totals.debtorsWithOpenItems += 1;
    totals.openItemCount += summary.openItemCount;
    totals.overdueItemCount += summary.overdueItemCount;
    totals.openMinor += summary.openMinor;
    totals.overdueMinor += summary.overdueMinor;
    totals.creditsMinor += summary.creditsMinor;
    totals.unappliedCashMinor += summary.unappliedCashMinor;
    totals.disputedMinor += summary.disputedMinor;
    totals.exposureMinor += summary.exposureMinor;
    totals.limitMinor += summary.limitMinor;
    totals.insuredExposureMinor += summary.insuredExposureMinor;
    totals.uninsuredMinor += summary.uninsuredMinor;
    totals.overLimitMinor += summary.overLimitMinor;
    // Over a limit the company set, insured or internal (workingLimit); exposure with no limit at all is uninsured, not over.
    if (summary.overLimitMinor > 0 && workingLimit(summary) > 0) totals.overLimitCount += 1;
    totals.indemnityMinor += summary.indemnityMinor;
    totals.sales90Minor += summary.sales90Minor;
    totals.receivablesBefore += summary.receivables90DaysAgoMinor;
    totals.lateWeighted += summary.daysLate.weightedDaysMinor;
    totals.latePaid += summary.daysLate.amountMinor;
    addInto(buckets, summary.bucketsMinor);
    // for…in over the summary's own plain object (it has no inherited keys): Object.entries allocated an
    // array per debtor, 20,000 per refresh (issue 14).
    for (const currency in summary.openByCurrency) openByCurrency[currency] = (openByCurrency[currency] ?? 0) + summary.openByCurrency[currency]!;
    // Summaries stored before SUMMARY_VERSION 5 lack the list; they are recomputed on first use.
    for (const currency of summary.unconvertedCurrencies ?? []) unconverted.add(currency);

    const country = summary.country;
    // Summaries stored before SUMMARY_VERSION 6 lack the figures; they are recomputed on first use.
    addUnconverted(unconvertedTotals, summary.unconverted);
    const segment = countries.get(country) ?? { debtorCount: 0, openMinor: 0, overdueMinor: 0, exposureMinor: 0, bucketsMinor: new Array<number>(context.bucketCount).fill(0), unconverted: {} };
    addUnconverted(segment.unconverted, summary.unconverted);
    segment.debtorCount += 1;
    segment.openMinor += summary.openMinor;
    segment.overdueMinor += summary.overdueMinor;
    segment.exposureMinor += summary.exposureMinor;
    addInto(segment.bucketsMinor, summary.bucketsMinor);
    countries.set(country, segment);
  }

  const receivables = totals.openMinor + totals.creditsMinor - totals.unappliedCashMinor;
  const notDue = buckets[0] ?? 0;
  const dso = standardDso(receivables, totals.sales90Minor, KPI_WINDOW_DAYS);
  const bestPossible = bestPossibleDso(notDue, totals.sales90Minor, KPI_WINDOW_DAYS);
  return {
    summaryVersion: SUMMARY_VERSION,
    asOf: context.asOf,
    currency: context.currency,
    debtorCount: totals.debtorCount,
    debtorsWithOpenItems: totals.debtorsWithOpenItems,
    openItemCount: totals.openItemCount,
    overdueItemCount: totals.overdueItemCount,
    openMinor: totals.openMinor,
    overdueMinor: totals.overdueMinor,
    bucketsMinor: buckets,
    creditsMinor: totals.creditsMinor,
    unappliedCashMinor: totals.unappliedCashMinor,
    disputedMinor: totals.disputedMinor,
    exposureMinor: totals.exposureMinor,
    limitMinor: totals.limitMinor,
    insuredExposureMinor: totals.insuredExposureMinor,
    uninsuredMinor: totals.uninsuredMinor,
    overLimitMinor: totals.overLimitMinor,
    overLimitCount: totals.overLimitCount,
    indemnityMinor: totals.indemnityMinor,
    sales90Minor: totals.sales90Minor,
    dso,
    bestPossibleDso: bestPossible,
    averageDaysDelinquent: averageDaysDelinquent(dso, bestPossible),
    cei: collectionEffectivenessIndex({
      beginningReceivablesMinor: totals.receivablesBefore,
      creditSalesMinor: totals.sales90Minor,
      endingTotalReceivablesMinor: receivables,
      endingCurrentReceivablesMinor: notDue,
    }),
    weightedDaysLate: weightedDaysLate({ weightedDaysMinor: totals.lateWeighted, amountMinor: totals.latePaid }),
    byCountry: [...countries].map(([key, segment]) => ({ key, ...segment })).sort((a, b) => b.exposureMinor - a.exposureMinor),
    openByCurrency,
    unconvertedCurrencies: [...unconverted].sort(),
    unconverted: unconvertedTotals,
  };
}
