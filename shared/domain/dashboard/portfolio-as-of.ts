import type { Conversion, ExchangeRateTable } from '../../money/exchange-rates';
import type { CurrencyCode } from '../../money/money';
import { toDayNumber, type IsoDate } from '../../time/iso-date';
import { ageChunk } from '../ageing/age-chunk';
import { openAmountsAsOf } from '../ageing/open-as-of';
import { ScratchArena } from '../ageing/scratch-arena';
import { ageingBuckets, type AgeingConfig } from '../ageing/ageing-config';
import { AgeingTable, EXTRA_COLUMNS } from '../ageing/ageing-table';
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
  for (let index = 0; index < values.length; index += 1) target[index] = target[index]! + values[index]!;
}

/** Net sales per debtor group and table currency, invoiced in the DSO window (asOf − 90, asOf]; `sales` is zeroed. */
function salesInWindow(chunk: LedgerChunkNumbers, asOfDay: number, groupOfSlot: Int32Array, currencyOf: Int32Array, width: number, sales: Float64Array): Float64Array {
  for (let row = 0; row < chunk.itemDebtor.length; row += 1) {
    const day = chunk.itemInvoiceDay[row]!;
    if (day <= asOfDay - KPI_WINDOW_DAYS || day > asOfDay) continue;
    const cell = groupOfSlot[chunk.itemDebtor[row]!]! * width + currencyOf[chunk.itemCurrency[row]!]!;
    sales[cell] = sales[cell]! + chunk.itemAmount[row]!;
  }
  return sales;
}

/** portfolioAsOf's working storage (see ScratchArena). */
const scratch = new ScratchArena();

/**
 * Ages the portfolio as it stood on `asOf` (as agePortfolio does, chunk by chunk) and converts it to the policy
 * currency at that date's rates. Conversion is debtor by debtor and currency by currency, exactly as the
 * stored debtor summaries do it (summariseChunk), so for the summaries' date the buckets, the country
 * rows and DSO equal the portfolio summary to the cent; and the currency rows add up to the portfolio.
 *
 * Per debtor, the figures are read straight from the chunk's ageing table and each currency's rate is
 * looked up once per call: the PDF ageing report runs this over a tier-L portfolio (issue 14, ≤ 2 s),
 * where going through per-currency arrays and rate look-ups per debtor took seconds.
 */
export function portfolioAsOf(chunks: Iterable<LedgerChunkNumbers>, options: AsOfOptions): PortfolioAsOf {
  const { asOf, config, rates, currency } = options;
  const asOfDay = toDayNumber(asOf);
  const bucketCount = ageingBuckets(config).length;
  const width = bucketCount + Object.keys(EXTRA_COLUMNS).length;
  const zeros = () => new Array<number>(bucketCount).fill(0);
  const buckets = zeros();
  const countries = new Map<string, number[]>();
  const currencies = new Map<CurrencyCode, { native: number[]; converted: number[] | undefined }>();
  const unconverted = new Set<string>();
  const conversions = new Map<CurrencyCode, Conversion | undefined>();
  const conversionOf = (code: CurrencyCode) => {
    if (!conversions.has(code)) conversions.set(code, rates.conversion(code, currency, asOf));
    return conversions.get(code);
  };
  let receivables = 0;
  let sales90 = 0;

  const convert = (amountMinor: number, from: CurrencyCode, conversion: Conversion | undefined): number => {
    if (amountMinor === 0) return 0;
    if (!conversion) {
      unconverted.add(from);
      return 0;
    }
    return conversion.amount(amountMinor);
  };

  for (const chunk of chunks) {
    // One chunk at a time, grouped by debtor (as agePortfolio groups them): the debtor is the unit the
    // summaries convert. Currencies in code order, as agePortfolio orders them.
    const groups: string[] = [];
    const groupIndex = new Map<string, number>();
    const tableCodes = [...new Set(chunk.currencies)].sort();
    const slots = chunk.debtorIds.length;
    const items = chunk.itemOpen.length;
    const payments = chunk.paymentUnapplied.length;
    scratch.reset(slots * tableCodes.length * (width + 1) + items + payments, slots + chunk.currencies.length);
    const groupOfSlot = scratch.int32(slots, 0);
    chunk.debtorIds.forEach((debtorId, slot) => {
      let group = groupIndex.get(debtorId);
      if (group === undefined) {
        group = groups.push(debtorId) - 1;
        groupIndex.set(debtorId, group);
      }
      groupOfSlot[slot] = group;
    });
    const tableCurrencyOf = scratch.int32(chunk.currencies.length, 0);
    chunk.currencies.forEach((code, index) => {
      tableCurrencyOf[index] = tableCodes.indexOf(code);
    });
    const table = new AgeingTable(groups.length, tableCodes, bucketCount, scratch.float64(groups.length * tableCodes.length * width));
    const open = openAmountsAsOf(chunk, asOfDay, { itemOpen: scratch.float64(items), paymentUnapplied: scratch.float64(payments) });
    ageChunk(chunk, asOfDay, config, { groupOfSlot, tableCurrencyOf }, table, open);
    const countryOfGroup = groups.map((debtorId) => chunk.debtorCountries[chunk.debtorIds.indexOf(debtorId)]!);
    const sales = salesInWindow(chunk, asOfDay, groupOfSlot, tableCurrencyOf, tableCodes.length, scratch.float64(groups.length * tableCodes.length));
    const codes = table.currencies;
    const tableConversions = codes.map(conversionOf);
    const entries = codes.map((code, currencyIndex) => {
      const entry = currencies.get(code) ?? { native: zeros(), converted: tableConversions[currencyIndex] ? zeros() : undefined };
      currencies.set(code, entry);
      return entry;
    });
    const { cells } = table;

    for (let group = 0; group < groups.length; group += 1) {
      for (let currencyIndex = 0; currencyIndex < codes.length; currencyIndex += 1) {
        const code = codes[currencyIndex]!;
        const conversion = tableConversions[currencyIndex];
        const entry = entries[currencyIndex]!;
        const start = (group * codes.length + currencyIndex) * width;
        let hasOpen = false;
        for (let bucket = 0; bucket < bucketCount; bucket += 1) if (cells[start + bucket] !== 0) hasOpen = true;
        if (hasOpen) {
          const native = new Array<number>(bucketCount);
          for (let bucket = 0; bucket < bucketCount; bucket += 1) native[bucket] = cells[start + bucket]!;
          addInto(entry.native, native);
          if (entry.converted && conversion) {
            const converted = conversion.parts(native);
            addInto(entry.converted, converted);
            addInto(buckets, converted);
            const country = countryOfGroup[group]!;
            addInto(countries.get(country) ?? countries.set(country, zeros()).get(country)!, converted);
            let open = 0;
            for (let bucket = 0; bucket < bucketCount; bucket += 1) open += converted[bucket]!;
            receivables += open;
          } else {
            unconverted.add(code);
          }
        }
        receivables += convert(cells[start + bucketCount + EXTRA_COLUMNS.credits]!, code, conversion) - convert(cells[start + bucketCount + EXTRA_COLUMNS.unappliedCash]!, code, conversion);
        sales90 += convert(sales[group * codes.length + currencyIndex]!, code, conversion);
      }
    }
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
