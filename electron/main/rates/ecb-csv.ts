import Papa from 'papaparse';
import type { ExchangeRate } from '../../../shared/money/exchange-rates';
import type { ParsedRates } from './parsed-rates';
import { RateFileError } from './rate-file-error';
import { CURRENCY_LIKE, checkedDate, checkedEnglishDate, checkedRate } from './rate-text';

/** Cells the ECB leaves without a rate: a currency not yet (or no longer) quoted on that day. */
const NO_RATE = new Set(['', 'N/A', '-']);

/**
 * The ECB's reference rates as CSV: the history `eurofxref-hist.csv` (in `eurofxref-hist.zip`), headed
 * `Date,USD,JPY,…,ZAR,` with one line per day, newest first, ISO dates and `N/A` where a currency had no
 * rate; and the day's `eurofxref.csv` (in `eurofxref.zip`), headed `Date, USD, JPY, …` with the date
 * written out ("24 November 2026"). Every line ends in a comma, so the last column is empty.
 */
export function parseEcbCsv(text: string, file: string): ParsedRates {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const header = (data[0] ?? []).map((cell) => cell.trim());
  if (header[0]?.toLowerCase() !== 'date') throw new RateFileError('notRates', { file });
  const columns = header.slice(1);
  if (columns.some((name) => name !== '' && !CURRENCY_LIKE.test(name)) || columns.every((name) => name === '')) throw new RateFileError('notRates', { file });
  const rates: ExchangeRate[] = [];
  for (const row of data.slice(1)) {
    const dateText = (row[0] ?? '').trim();
    const date = /^\d{4}-/.test(dateText) ? checkedDate(dateText, file) : checkedEnglishDate(dateText, file);
    columns.forEach((currency, index) => {
      const cell = (row[index + 1] ?? '').trim();
      if (currency === '' || NO_RATE.has(cell)) return;
      rates.push({ date, base: 'EUR', quote: currency, rate: checkedRate(cell, { file, date, currency }), source: 'ecb' });
    });
  }
  if (rates.length === 0) throw new RateFileError('noRates', { file });
  return { format: 'ecb-csv', source: 'ecb', rates };
}
