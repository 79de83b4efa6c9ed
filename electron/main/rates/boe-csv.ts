import Papa from 'papaparse';
import type { ExchangeRate } from '../../../shared/money/exchange-rates';
import type { ParsedRates } from './parsed-rates';
import { RateFileError } from './rate-file-error';
import { checkedEnglishDate, checkedRate } from './rate-text';

/**
 * The Bank of England's daily spot series "X into sterling": units of the currency per £1 (XUDLERS is
 * about 1.15 euros to the pound). Codes as in the Bank's Statistical Interactive Database.
 */
export const BOE_SERIES: Readonly<Record<string, string>> = {
  XUDLERS: 'EUR', XUDLUSS: 'USD', XUDLSKS: 'SEK', XUDLNKS: 'NOK', XUDLDKS: 'DKK', XUDLSFS: 'CHF', XUDLJYS: 'JPY',
  XUDLCDS: 'CAD', XUDLADS: 'AUD', XUDLNDS: 'NZD', XUDLHDS: 'HKD', XUDLSGS: 'SGD', XUDLZRS: 'ZAR', XUDLBK25: 'CZK',
  XUDLBK33: 'HUF', XUDLBK47: 'PLN', XUDLBK89: 'CNY',
};

/** Cells the Bank leaves empty or marks `..` when a series has no value that day. */
const NO_VALUE = new Set(['', '..', 'n/a']);

/**
 * A CSV downloaded from the Bank of England's database with series codes as headings (CSVF=TN or CN):
 * `DATE,XUDLERS,XUDLUSS` then one line per day, "24 Nov 2026,1.1406,1.3112". Oldest first.
 */
export function parseBoeCsv(text: string, file: string): ParsedRates {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const header = (data[0] ?? []).map((cell) => cell.trim().toUpperCase());
  if (header[0] !== 'DATE' || header.length < 2) throw new RateFileError('notRates', { file });
  const columns = header.slice(1).map((code) => {
    const currency = BOE_SERIES[code];
    if (!currency) throw new RateFileError('boeSeriesUnsupported', { file, series: code.slice(0, 20) });
    return currency;
  });
  const rates: ExchangeRate[] = [];
  for (const row of data.slice(1)) {
    const date = checkedEnglishDate(row[0] ?? '', file);
    columns.forEach((currency, index) => {
      const cell = (row[index + 1] ?? '').trim();
      if (NO_VALUE.has(cell.toLowerCase())) return;
      rates.push({ date, base: 'GBP', quote: currency, rate: checkedRate(cell, { file, date, currency }), source: 'boe' });
    });
  }
  if (rates.length === 0) throw new RateFileError('noRates', { file });
  return { format: 'boe-csv', source: 'boe', rates };
}
