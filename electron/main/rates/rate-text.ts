import { isIsoDate, type IsoDate } from '../../../shared/time/iso-date';
import { RateFileError } from './rate-file-error';

/** A rate as the central banks print it: digits, at most one decimal point, nothing else ("11.2345"). */
const PLAIN_DECIMAL = /^\d{1,9}(?:\.\d{1,12})?$/;

/**
 * Checks a rate's text and returns it unchanged, so it stays exact (never through a float). Zero,
 * negative, exponent or grouped numbers are refused with the file, the date and the value.
 */
export function checkedRate(text: string, where: { readonly file: string; readonly date: string; readonly currency: string }): string {
  const value = text.trim();
  if (!PLAIN_DECIMAL.test(value) || /^0*(?:\.0*)?$/.test(value)) throw new RateFileError('badRate', { ...where, value: value.slice(0, 40) });
  return value;
}

export function checkedDate(text: string, file: string): IsoDate {
  const value = text.trim();
  if (!isIsoDate(value)) throw new RateFileError('badDate', { file, value: value.slice(0, 40) });
  return value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date written as the Bank of England's database and the ECB's daily CSV write it: "02 Jan 2026",
 * "2 January 2026" (English month names, in full or cut to three letters).
 */
export function checkedEnglishDate(text: string, file: string): IsoDate {
  const match = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) : -1;
  const iso = match && month >= 0 ? `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : '';
  if (!isIsoDate(iso)) throw new RateFileError('badDate', { file, value: text.trim().slice(0, 40) });
  return iso;
}

/** Three capital letters, as ISO 4217 codes are written; whether Kredo knows the currency is asked later. */
export const CURRENCY_LIKE = /^[A-Z]{3}$/;
