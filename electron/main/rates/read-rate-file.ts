import type { ExchangeRate, RateSource } from '../../../shared/money/exchange-rates';
import { isCurrencyCode } from '../../../shared/money/money';
import type { IsoDate } from '../../../shared/time/iso-date';
import { parseBoeCsv } from './boe-csv';
import { parseEcbCsv } from './ecb-csv';
import { parseEcbXml } from './ecb-xml';
import { rateKey, type ParsedRates, type RateFileFormat } from './parsed-rates';
import { RateFileError } from './rate-file-error';
import { isZip, MAX_RATES_UNPACKED_BYTES, unzipRatesFile } from './rates-zip';
import { parseRiksbankJson } from './riksbank-json';

/** Currencies a cross rate goes through (shared/money/exchange-rates.ts): kept even when no invoice is in them. */
const PIVOTS = new Set(['EUR', 'GBP', 'SEK', 'USD']);

export interface RateFileReading {
  readonly format: RateFileFormat;
  readonly source: RateSource;
  /** The rates Kredo keeps, oldest first, each with its source. */
  readonly rates: (ExchangeRate & { readonly source: RateSource })[];
  /** Currencies in the file that no invoice is in (or that Kredo does not know, such as the ECB's retired ones). */
  readonly skippedCurrencies: string[];
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
}

/** Which reader a file is for, from its first characters (and for the Riksbank's bare JSON, its name). */
function sniff(text: string, file: string): ParsedRates {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return parseEcbXml(text, file);
  if (start.startsWith('[') || start.startsWith('{')) return parseRiksbankJson(text, file);
  const firstCell = start.split(/[,\r\n]/, 1)[0]!.replace(/"/g, '').trim();
  if (firstCell === 'DATE') return parseBoeCsv(text, file);
  if (firstCell.toLowerCase() === 'date') return parseEcbCsv(text, file);
  throw new RateFileError('notRates', { file });
}

/**
 * Reads a central bank's rates file (ECB XML, CSV or the ECB's zip; the Riksbank's SWEA JSON; the Bank of
 * England's CSV) and keeps the rates of the currencies Kredo needs (`currencies`: those of the invoices and
 * the policy; all when undefined). The whole file is refused, naming the reason, when a date lies after
 * `today`, a rate is not a positive decimal, or the file gives two rates for one currency on one day.
 */
export function readRateFile(data: Uint8Array, file: string, options: { readonly today: IsoDate; readonly currencies?: readonly string[] }): RateFileReading {
  if (data.byteLength > MAX_RATES_UNPACKED_BYTES) throw new RateFileError('tooLarge', { file, limitMb: MAX_RATES_UNPACKED_BYTES / 1_048_576 });
  const inner = isZip(data) ? unzipRatesFile(data, file) : { name: file, bytes: data };
  const text = new TextDecoder('utf-8').decode(inner.bytes);
  const parsed = sniff(text, inner.name === file ? file : `${file} › ${inner.name}`);

  const wanted = options.currencies && new Set(options.currencies);
  const keep = (rate: ExchangeRate) => {
    if (!wanted) return true;
    const near = (code: string) => wanted.has(code) || PIVOTS.has(code);
    return near(rate.base) && near(rate.quote) && (wanted.has(rate.base) || wanted.has(rate.quote));
  };
  const seen = new Map<string, string>();
  const skipped = new Set<string>();
  const rates: (ExchangeRate & { readonly source: RateSource })[] = [];
  for (const rate of parsed.rates) {
    if (rate.date > options.today) throw new RateFileError('futureDate', { file, date: rate.date });
    const earlier = seen.get(rateKey(rate));
    if (earlier !== undefined && earlier !== rate.rate) throw new RateFileError('contradiction', { file, date: rate.date, currency: rate.base === 'EUR' || rate.base === 'GBP' ? rate.quote : rate.base });
    if (earlier !== undefined) continue;
    seen.set(rateKey(rate), rate.rate);
    const known = isCurrencyCode(rate.base) && isCurrencyCode(rate.quote);
    if (known && keep(rate)) rates.push({ ...rate, source: parsed.source });
    else skipped.add(rate.base === parsed.rates[0]!.base ? rate.quote : rate.base);
  }
  if (rates.length === 0) throw new RateFileError('noNeededRates', { file, currencies: [...(wanted ?? [])].sort().join(', ') });
  rates.sort((a, b) => a.date.localeCompare(b.date) || a.base.localeCompare(b.base) || a.quote.localeCompare(b.quote));
  return { format: parsed.format, source: parsed.source, rates, skippedCurrencies: [...skipped].sort(), firstDate: rates[0]!.date, lastDate: rates.at(-1)!.date };
}
