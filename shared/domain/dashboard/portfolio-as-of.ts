import type { ExchangeRateTable } from '../../money/exchange-rates';
import type { CurrencyCode } from '../../money/money';
import { toDayNumber, type IsoDate } from '../../time/iso-date';
import { agePortfolio } from '../ageing/age-portfolio';
import { ageingBuckets, type AgeingConfig } from '../ageing/ageing-config';
import type { AgeingTable } from '../ageing/ageing-table';
import { standardDso } from '../kpi/collection-kpis';
import type { LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { KPI_WINDOW_DAYS } from '../summaries/debtor-summary';

/** Open invoices in one invoice currency, per ageing bucket. */
export interface CurrencyAgeing {
  readonly currency: CurrencyCode;
  /** In the invoice currency itself, unconverted. */
  readonly nativeBucketsMinor: readonly number[];
  /** Converted to the policy currency; undefined when there is no rate for the date. */
  readonly bucketsMinor: readonly number[] | undefined;
}

/** Open invoices of one country's debtors per ageing bucket, in the policy currency. */
export interface CountryAgeing {
  readonly country: string;
  readonly bucketsMinor: readonly number[];
}

/** The whole portfolio's receivables as they stood on one date, in the policy currency. */
export interface PortfolioAsOf {
  readonly asOf: IsoDate;
  readonly currency: CurrencyCode;
  readonly bucketsMinor: readonly number[];
  /** Largest open total first. */
  readonly byCountry: readonly CountryAgeing[];
  /** Largest converted total first; currencies without a rate last. */
  readonly byCurrency: readonly CurrencyAgeing[];
  /** Open invoices less unused credit notes and unapplied cash, as DSO counts them. */
  readonly receivablesMinor: number;
  /** Net sales (invoices less credit notes) in the DSO window up to the date. */
  readonly sales90Minor: number;
  readonly dso: number | undefined;
  /** Currencies left out of the converted figures for lack of a rate on the date. */
  readonly unconvertedCurrencies: readonly string[];
}

export interface AsOfOptions {
  readonly asOf: IsoDate;
  readonly config: AgeingConfig;
  readonly rates: ExchangeRateTable;
  /** The policy currency everything is converted to. */
  readonly currency: CurrencyCode;
}

function addInto(target: number[], values: readonly number[]): void {
  values.forEach((value, index) => {
    target[index] = target[index]! + value;
  });
}

/** Net sales per debtor group and table currency, invoiced in the DSO window (asOf − 90, asOf]. */
function salesInWindow(chunk: LedgerChunkNumbers, asOfDay: number, groupOfSlot: readonly number[], table: AgeingTable): Float64Array {
  const width = table.currencies.length;
  const sales = new Float64Array(table.groupCount * width);
  const currencyOf = chunk.currencies.map((code) => table.currencies.indexOf(code));
  for (let row = 0; row < chunk.itemDebtor.length; row += 1) {
    const day = chunk.itemInvoiceDay[row]!;
    if (day <= asOfDay - KPI_WINDOW_DAYS || day > asOfDay) continue;
    const cell = groupOfSlot[chunk.itemDebtor[row]!]! * width + currencyOf[chunk.itemCurrency[row]!]!;
    sales[cell] = sales[cell]! + chunk.itemAmount[row]!;
  }
  return sales;
}

/**
 * Ages the portfolio as it stood on `asOf` (agePortfolio over every chunk) and converts it to the policy
 * currency at that date's rates. Conversion is debtor by debtor and currency by currency, exactly as the
 * stored debtor summaries do it (summariseChunk), so for the summaries' date the buckets, the country
 * rows and DSO equal the portfolio summary to the cent; and the currency rows add up to the portfolio.
 */
export function portfolioAsOf(chunks: Iterable<LedgerChunkNumbers>, options: AsOfOptions): PortfolioAsOf {
  const { asOf, config, rates, currency } = options;
  const asOfDay = toDayNumber(asOf);
  const bucketCount = ageingBuckets(config).length;
  const zeros = () => new Array<number>(bucketCount).fill(0);
  const buckets = zeros();
  const countries = new Map<string, number[]>();
  const currencies = new Map<CurrencyCode, { native: number[]; converted: number[] | undefined }>();
  const unconverted = new Set<string>();
  let receivables = 0;
  let sales90 = 0;

  const convert = (amountMinor: number, from: CurrencyCode): number => {
    if (amountMinor === 0) return 0;
    if (!rates.has(from, currency, asOf)) {
      unconverted.add(from);
      return 0;
    }
    return rates.convert({ amountMinor, currency: from }, currency, asOf).amountMinor;
  };

  for (const chunk of chunks) {
    // One chunk at a time, grouped by debtor: the debtor is the unit the summaries convert.
    const { table, groups } = agePortfolio([chunk], { asOf, config, grouping: 'debtor' });
    const groupIndex = new Map(groups.map((debtorId, index) => [debtorId, index]));
    const groupOfSlot = chunk.debtorIds.map((debtorId) => groupIndex.get(debtorId)!);
    const countryOfGroup = groups.map((debtorId) => chunk.debtorCountries[chunk.debtorIds.indexOf(debtorId)]!);
    const sales = salesInWindow(chunk, asOfDay, groupOfSlot, table);

    groups.forEach((_debtorId, group) => {
      table.currencies.forEach((code, currencyIndex) => {
        const native = table.buckets(group, code);
        const hasOpen = native.some((amount) => amount !== 0);
        const entry = currencies.get(code) ?? { native: zeros(), converted: rates.has(code, currency, asOf) ? zeros() : undefined };
        currencies.set(code, entry);
        if (hasOpen) {
          addInto(entry.native, native);
          if (entry.converted) {
            const converted = rates.convertParts(native, code, currency, asOf);
            addInto(entry.converted, converted);
            addInto(buckets, converted);
            const country = countryOfGroup[group]!;
            addInto(countries.get(country) ?? countries.set(country, zeros()).get(country)!, converted);
            receivables += converted.reduce((sum, amount) => sum + amount, 0);
          } else {
            unconverted.add(code);
          }
        }
        receivables += convert(table.extra(group, code, 'credits'), code) - convert(table.extra(group, code, 'unappliedCash'), code);
        sales90 += convert(sales[group * table.currencies.length + currencyIndex]!, code);
      });
    });
  }

  const total = (values: readonly number[]) => values.reduce((sum, amount) => sum + amount, 0);
  return {
    asOf,
    currency,
    bucketsMinor: buckets,
    byCountry: [...countries]
      .map(([country, bucketsMinor]) => ({ country, bucketsMinor }))
      .sort((a, b) => total(b.bucketsMinor) - total(a.bucketsMinor) || a.country.localeCompare(b.country)),
    byCurrency: [...currencies]
      .filter(([, entry]) => entry.native.some((amount) => amount !== 0))
      .map(([code, entry]) => ({ currency: code, nativeBucketsMinor: entry.native, bucketsMinor: entry.converted }))
      .sort((a, b) => (b.bucketsMinor ? total(b.bucketsMinor) : -1) - (a.bucketsMinor ? total(a.bucketsMinor) : -1) || a.currency.localeCompare(b.currency)),
    receivablesMinor: receivables,
    sales90Minor: sales90,
    dso: standardDso(receivables, sales90, KPI_WINDOW_DAYS),
    unconvertedCurrencies: [...unconverted].sort(),
  };
}
