import type { ExchangeRateTable } from '../../money/exchange-rates';
import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';
import type { CurrencyAgeing } from '../dashboard/portfolio-as-of';
import type { DebtorSummary } from './debtor-summary';

/** The ageing per invoice currency as the ageing report prints it: converted buckets, or the open total of a currency without a rate. */
export interface CurrencyAgeingRow {
  readonly currency: CurrencyCode;
  /** Converted to the policy currency; undefined when there is no rate for the date. */
  readonly bucketsMinor: readonly number[] | undefined;
  /** What is open in the currency itself, unconverted (read for currencies without a rate). */
  readonly nativeOpenMinor: number;
}

interface Sums {
  readonly converted: number[] | undefined;
  nativeOpenMinor: number;
  /** Whether some bucket of the currency's native sums is not 0 (portfolioAsOf lists only those currencies). */
  hasOpen: boolean;
}

const total = (values: readonly number[]) => values.reduce((sum, amount) => sum + amount, 0);

/**
 * Adds up the portfolio's open invoices per invoice currency, per ageing bucket, converted debtor by debtor
 * as portfolioAsOf does it (and so as the debtor summaries are), from two sources: debtor summaries and
 * portfolioAsOf's own rows for the chunks whose summaries cannot tell (see `currencyOfSummary`). The PDF
 * ageing report read every ledger for these rows, 60 MB of columns at tier L, while for a debtor who owes
 * in one currency its summary's buckets are exactly that currency's converted buckets (issue 14).
 */
export class CurrencyAgeingSums {
  private readonly sums = new Map<CurrencyCode, Sums>();

  constructor(
    private readonly options: { readonly asOf: IsoDate; readonly currency: CurrencyCode; readonly rates: ExchangeRateTable; readonly bucketCount: number },
  ) {}

  private entry(code: CurrencyCode): Sums {
    let sums = this.sums.get(code);
    if (!sums) {
      const { asOf, currency, rates, bucketCount } = this.options;
      sums = { converted: rates.conversion(code, currency, asOf) ? new Array<number>(bucketCount).fill(0) : undefined, nativeOpenMinor: 0, hasOpen: false };
      this.sums.set(code, sums);
    }
    return sums;
  }

  /** A debtor whose summary says it owes in `code` alone (currencyOfSummary). */
  addSummary(summary: DebtorSummary, code: CurrencyCode): void {
    const sums = this.entry(code);
    sums.hasOpen = true;
    sums.nativeOpenMinor += summary.openByCurrency[code] ?? 0;
    if (sums.converted) for (let bucket = 0; bucket < sums.converted.length; bucket += 1) sums.converted[bucket] = sums.converted[bucket]! + (summary.bucketsMinor[bucket] ?? 0);
  }

  /** portfolioAsOf's rows of the chunks read from their ledgers. */
  addRows(rows: readonly CurrencyAgeing[]): void {
    for (const row of rows) {
      const sums = this.entry(row.currency);
      sums.hasOpen ||= row.nativeBucketsMinor.some((amount) => amount !== 0);
      sums.nativeOpenMinor += total(row.nativeBucketsMinor);
      if (sums.converted && row.bucketsMinor) for (let bucket = 0; bucket < sums.converted.length; bucket += 1) sums.converted[bucket] = sums.converted[bucket]! + (row.bucketsMinor[bucket] ?? 0);
    }
  }

  /** As portfolioAsOf orders them: largest converted total first, currencies without a rate last, then by code. */
  rows(): CurrencyAgeingRow[] {
    return [...this.sums]
      .filter(([, sums]) => sums.hasOpen)
      .map(([currency, sums]) => ({ currency, bucketsMinor: sums.converted, nativeOpenMinor: sums.nativeOpenMinor }))
      .sort((a, b) => (b.bucketsMinor ? total(b.bucketsMinor) : -1) - (a.bucketsMinor ? total(a.bucketsMinor) : -1) || a.currency.localeCompare(b.currency));
  }
}

/**
 * The one currency a debtor's open invoices are in, read from its summary; null when it owes nothing; undefined
 * when the summary cannot tell exactly, and the debtor's chunk must be aged from its ledger: open in more than
 * one currency, or a bucket below zero (invoices' open amounts are never negative — an import makes a negative
 * amount a credit note, and an allocation never settles more than is open —, so a summary with one is read
 * from the ledger rather than trusted).
 */
export function currencyOfSummary(summary: DebtorSummary): CurrencyCode | null | undefined {
  let code: CurrencyCode | null = null;
  for (const currency in summary.openByCurrency) {
    if (code !== null) return undefined;
    code = currency;
  }
  for (const currency in summary.unconverted) {
    const figures = summary.unconverted[currency]!;
    if (figures.bucketsMinor.some((amount) => amount < 0)) return undefined;
    if (figures.bucketsMinor.some((amount) => amount !== 0) && currency !== code) return undefined;
  }
  if (summary.bucketsMinor.some((amount) => amount < 0)) return undefined;
  // Converted buckets with no currency owed, or none with one: a sum of zero made of parts that are not.
  const hasBuckets = summary.bucketsMinor.some((amount) => amount !== 0);
  if (code === null) return hasBuckets ? undefined : null;
  return code;
}
