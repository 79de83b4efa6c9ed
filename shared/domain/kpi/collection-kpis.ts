/**
 * Collection KPIs (law-and-formats.md §C.2–C.3, Credit Research Foundation definitions). Inputs are whole
 * minor units in one currency; the results are ratios of amounts (days or percentages), where a float is
 * the right type. Each returns undefined when the formula has no meaning (no sales in the period).
 */

/** Standard DSO: receivables / credit sales in the period × days in the period. */
export function standardDso(receivablesMinor: number, creditSalesMinor: number, periodDays: number): number | undefined {
  return creditSalesMinor > 0 ? (receivablesMinor / creditSalesMinor) * periodDays : undefined;
}

export interface MonthSales {
  readonly salesMinor: number;
  readonly days: number;
}

/**
 * Countback DSO: walk back month by month from the newest, taking each month's sales out of the
 * receivables and counting its days, until what is left is smaller than a month's sales; that month counts
 * pro rata. When the months run out first, the result is the days counted (a lower bound).
 */
export function countbackDso(receivablesMinor: number, monthsNewestFirst: readonly MonthSales[]): number | undefined {
  if (monthsNewestFirst.length === 0) return undefined;
  let left = receivablesMinor;
  let days = 0;
  for (const month of monthsNewestFirst) {
    if (left <= 0) break;
    if (month.salesMinor > 0 && left < month.salesMinor) return days + (left / month.salesMinor) * month.days;
    left -= month.salesMinor;
    days += month.days;
  }
  return days;
}

/** Best possible DSO: what DSO would be if every customer paid on time (current, not-yet-due receivables). */
export function bestPossibleDso(currentReceivablesMinor: number, creditSalesMinor: number, periodDays: number): number | undefined {
  return standardDso(currentReceivablesMinor, creditSalesMinor, periodDays);
}

/** Average days delinquent: the days DSO loses to late payment. */
export function averageDaysDelinquent(dso: number | undefined, bestPossible: number | undefined): number | undefined {
  return dso === undefined || bestPossible === undefined ? undefined : dso - bestPossible;
}

export interface CeiInputs {
  readonly beginningReceivablesMinor: number;
  readonly creditSalesMinor: number;
  /** N, the number of months the sales cover. */
  readonly months: number;
  readonly endingTotalReceivablesMinor: number;
  /** Not yet due at the end of the period (the same basis as ageing). */
  readonly endingCurrentReceivablesMinor: number;
}

/** Collection effectiveness index, in percent: how much of what could be collected was collected. */
export function collectionEffectivenessIndex(inputs: CeiInputs): number | undefined {
  const available = inputs.beginningReceivablesMinor + inputs.creditSalesMinor / inputs.months;
  const collectable = available - inputs.endingCurrentReceivablesMinor;
  if (collectable <= 0) return undefined;
  return ((available - inputs.endingTotalReceivablesMinor) / collectable) * 100;
}

/**
 * Amount-weighted days late of payments (the per-invoice ADD): Σ(amount × days late) / Σ amount, where
 * paying early counts as 0. Kept as two sums so debtors' figures can be added into a portfolio figure.
 */
export interface DaysLateSums {
  readonly weightedDaysMinor: number;
  readonly amountMinor: number;
}

export function weightedDaysLate(sums: DaysLateSums): number | undefined {
  return sums.amountMinor > 0 ? sums.weightedDaysMinor / sums.amountMinor : undefined;
}
