import type { ExchangeRate } from '../../../shared/money/exchange-rates';
import type { ParsedRates } from './parsed-rates';
import { RateFileError } from './rate-file-error';
import { checkedDate, checkedRate } from './rate-text';

/**
 * The Riksbank's SWEA series Kredo reads: the krona price of one unit of the currency, fixed daily
 * (SEKEURPMI is 1 EUR in SEK). The Riksbank quotes some currencies per 100 units (NOK, DKK, JPY); those
 * series are not taken, so that a factor of 100 can never slip in: their rates come from the ECB instead.
 */
export const RIKSBANK_SERIES: Readonly<Record<string, string>> = { SEKEURPMI: 'EUR', SEKUSDPMI: 'USD', SEKGBPPMI: 'GBP', SEKCHFPMI: 'CHF' };

const SERIES_IN_NAME = /SEK[A-Z]{3}PMI/i;

/**
 * A series as the SWEA API returns it (`/swea/v1/Observations/SEKEURPMI/2026-01-01`): a JSON array of
 * `{ "date": "2026-11-24", "value": 11.0515 }`, or one such object (`/Observations/Latest/SEKEURPMI`).
 * The answer does not name its series, so the file must: save it as `SEKEURPMI.json` (or any name holding
 * the series id). A value arrives as a JSON number; its shortest decimal text is the rate as published,
 * since the Riksbank's four decimals are far within a double's exact range.
 */
export function parseRiksbankJson(text: string, file: string): ParsedRates {
  const series = SERIES_IN_NAME.exec(file)?.[0]?.toUpperCase();
  if (!series) throw new RateFileError('riksbankSeriesUnnamed', { file });
  const currency = RIKSBANK_SERIES[series];
  if (!currency) throw new RateFileError('riksbankSeriesUnsupported', { file, series, supported: Object.keys(RIKSBANK_SERIES).join(', ') });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new RateFileError('notRates', { file });
  }
  const observations = Array.isArray(parsed) ? parsed : [parsed];
  const rates: ExchangeRate[] = observations.map((observation: unknown) => {
    if (!observation || typeof observation !== 'object') throw new RateFileError('notRates', { file });
    const { date, value } = observation as { date?: unknown; value?: unknown };
    if (typeof date !== 'string' || (typeof value !== 'number' && typeof value !== 'string')) throw new RateFileError('notRates', { file });
    const day = checkedDate(date.slice(0, 10), file);
    const rateText = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'NaN') : value;
    return { date: day, base: currency, quote: 'SEK', rate: checkedRate(rateText, { file, date: day, currency }), source: 'riksbank' };
  });
  if (rates.length === 0) throw new RateFileError('noRates', { file });
  return { format: 'riksbank-json', source: 'riksbank', rates };
}
