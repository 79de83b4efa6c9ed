import { addDays, fromDayNumber, startOfMonth, toDayNumber, type IsoDate } from '../../time/iso-date';
import type { LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { KPI_WINDOW_DAYS } from '../summaries/debtor-summary';
import { portfolioAsOf, type AsOfOptions, type PortfolioAsOf } from './portfolio-as-of';

/** The number of month-ends the trend looks back. */
export const TREND_MONTHS = 12;

/** One point of the trend: the portfolio's ageing as it stood on a month-end (or today). */
export interface TrendPoint {
  readonly asOf: IsoDate;
  readonly bucketsMinor: readonly number[];
  /**
   * Standard DSO on the date; undefined when the ledgers do not reach back over the whole DSO window
   * before it (the sales would be incomplete) or there were no sales.
   */
  readonly dso: number | undefined;
  readonly unconvertedCurrencies: readonly string[];
}

export interface AgeingTrend {
  /** Oldest first; only dates on or after the first invoice in the ledgers. */
  readonly points: readonly TrendPoint[];
  /** The full picture for today, the trend's last point. */
  readonly today: PortfolioAsOf;
  /** The first invoice date in the ledgers, where the history the trend is built from begins. */
  readonly historyStart: IsoDate | undefined;
}

/** The last `months` month-ends before `today`, oldest first, then today itself. */
export function trendDates(today: IsoDate, months = TREND_MONTHS): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let back = months - 1; back >= 0; back -= 1) dates.push(addDays(startOfMonth(today, -back), -1));
  dates.push(today);
  return dates;
}

/** The earliest invoice or credit-note date in the ledgers, as a day number; undefined without items. */
export function firstInvoiceDay(chunks: readonly LedgerChunkNumbers[]): number | undefined {
  let first: number | undefined;
  for (const chunk of chunks) {
    for (const day of chunk.itemInvoiceDay) if (first === undefined || day < first) first = day;
  }
  return first;
}

/**
 * The as-of ageing of the whole portfolio on each of the last twelve month-ends and today, each converted
 * at the rates of its own date. Open amounts on a past date are reconstructed from the dated allocations
 * (open-as-of.ts), so a month-end's figures are what the ledger said on that day. Dates before the
 * ledgers' first invoice are left out rather than shown as an empty portfolio.
 */
export function ageingTrend(
  chunks: readonly LedgerChunkNumbers[],
  options: Omit<AsOfOptions, 'asOf'> & { readonly today: IsoDate; readonly months?: number; readonly onProgress?: (done: number, total: number) => void },
): AgeingTrend {
  const first = firstInvoiceDay(chunks);
  const dates = trendDates(options.today, options.months).filter((date) => date === options.today || (first !== undefined && toDayNumber(date) >= first));
  const points: TrendPoint[] = [];
  let today: PortfolioAsOf | undefined;
  dates.forEach((asOf, index) => {
    const result = portfolioAsOf(chunks, { asOf, config: options.config, rates: options.rates, currency: options.currency });
    // DSO divides by the sales of the 90 days before the date: honest only where the ledgers hold all of them.
    const windowCovered = first !== undefined && first <= toDayNumber(asOf) - KPI_WINDOW_DAYS;
    points.push({ asOf, bucketsMinor: result.bucketsMinor, dso: windowCovered ? result.dso : undefined, unconvertedCurrencies: result.unconvertedCurrencies });
    if (asOf === options.today) today = result;
    options.onProgress?.(index + 1, dates.length);
  });
  return { points, today: today!, historyStart: first === undefined ? undefined : fromDayNumber(first) };
}
