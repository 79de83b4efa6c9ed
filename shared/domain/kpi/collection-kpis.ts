/**
 * Collection KPIs (law-and-formats.md §C.2–C.3, Credit Research Foundation definitions). Inputs are whole
 * minor units in one currency; the results are ratios of amounts (days or percentages), where a float is
 * the right type. Each returns undefined (CEI: the reason) when the formula has no meaning (no sales in the period).
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
  /** Net receivables at the start of the period (open invoices less open credit notes and unapplied cash). */
  readonly beginningReceivablesMinor: number;
  /** Net credit sales of the whole period (invoices less credit notes dated in it). */
  readonly creditSalesMinor: number;
  /** Net receivables at the end of the period, on the same basis as the beginning. */
  readonly endingTotalReceivablesMinor: number;
  /** Not yet due at the end of the period (the same basis as ageing). */
  readonly endingCurrentReceivablesMinor: number;
}

/** Why a period's figures give no collection effectiveness: said on screen instead of a number. */
export type CeiUnavailable =
  /** No net credit sales in the period. */
  | 'no-sales'
  /** Nothing was collectable: all that was owed in the period is not yet due. */
  | 'nothing-collectable'
  /** The receivables do not follow from the sales (more left open than was owed): data missing from the ledger. */
  | 'inconsistent';

export type CeiFigure = { readonly percent: number } | { readonly unavailable: CeiUnavailable };

/**
 * Collection effectiveness index, in percent: how much of what could be collected was collected
 * (Credit Research Foundation; law-and-formats.md §C.3):
 *
 *   CEI = (beginning receivables + credit sales − ending total receivables)
 *       / (beginning receivables + credit sales − ending current receivables) × 100
 *
 * CRF writes "credit sales / N" for a period of N months, a form meant for one month's figures (N = 1).
 * Over one 90-day period with the receivables taken at its start and end, the whole period's sales are
 * what was added to the receivables: beginning + sales − ending is then what was collected (or credited),
 * and the index lies in 0–100 %. A third of the sales against a growing ledger gave −148 % (issue 17).
 *
 * Ending current receivables are capped at the ending total: unapplied cash and open credit notes that
 * leave less owed than is not yet due mean everything overdue was collected. When the figures cannot give
 * a meaningful index, the reason is returned rather than a clamped number.
 */
export function collectionEffectivenessIndex(inputs: CeiInputs): CeiFigure {
  if (inputs.creditSalesMinor <= 0) return { unavailable: 'no-sales' };
  const owed = inputs.beginningReceivablesMinor + inputs.creditSalesMinor;
  const endingCurrent = Math.min(inputs.endingCurrentReceivablesMinor, inputs.endingTotalReceivablesMinor);
  const collectable = owed - endingCurrent;
  if (collectable <= 0) return { unavailable: 'nothing-collectable' };
  const collected = owed - inputs.endingTotalReceivablesMinor;
  if (collected < 0) return { unavailable: 'inconsistent' };
  return { percent: (collected / collectable) * 100 };
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
