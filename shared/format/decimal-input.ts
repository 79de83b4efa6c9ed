import { minorUnitDigits, toDecimalString, type CurrencyCode } from '../money/money';

/**
 * Numbers typed by a controller into a form, in their own language's conventions: "10.000,50" in Dutch,
 * "10 000,50" in Swedish, "10,000.50" in English. Read exactly into whole minor units or basis points
 * (digits are moved, never multiplied as floats).
 */
export type DecimalSeparator = ',' | '.';

const separators = new Map<string, DecimalSeparator>();

/** The decimal separator of a locale, from Intl: ',' for nl-NL and sv-SE, '.' for en-GB. */
export function decimalSeparatorOf(locale: string): DecimalSeparator {
  let separator = separators.get(locale);
  if (!separator) {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((entry) => entry.type === 'decimal');
    separator = part?.value === ',' ? ',' : '.';
    separators.set(locale, separator);
  }
  return separator;
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a non-negative decimal as an integer scaled by 10^fractionDigits, or undefined when the text is
 * not a number. The locale's decimal separator is the decimal; the other of "," and "." may group
 * thousands ("10.000" in Dutch); when it cannot be grouping ("12.5" in Dutch) it is taken as the decimal
 * the user meant. Spaces group thousands in any language. More decimals than allowed are refused unless
 * they are zeros.
 */
export function parseDecimalInput(text: string, decimalSeparator: DecimalSeparator, fractionDigits: number): number | undefined {
  const compact = text.replace(SPACES, '');
  if (compact === '') return undefined;
  const grouping = decimalSeparator === ',' ? '.' : ',';
  const groupedInteger = new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`);
  let [integer = '', fraction = '', ...rest] = compact.split(decimalSeparator);
  if (rest.length > 0) return undefined;
  if (!compact.includes(decimalSeparator) && integer.includes(grouping) && !groupedInteger.test(integer)) {
    // Not thousands grouping, so the other separator was meant as the decimal: "12.5" typed in Dutch.
    [integer = '', fraction = '', ...rest] = compact.split(grouping);
    if (rest.length > 0) return undefined;
  } else if (groupedInteger.test(integer)) {
    integer = integer.split(grouping).join('');
  }
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || integer + fraction === '') return undefined;
  if (fraction.length > fractionDigits) {
    if (/[^0]/.test(fraction.slice(fractionDigits))) return undefined;
    fraction = fraction.slice(0, fractionDigits);
  }
  const scaled = Number(`${integer}${fraction.padEnd(fractionDigits, '0')}`);
  return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/** An amount typed in `locale` as whole minor units of `currency` ("1.234,56" in nl → 123456 for EUR). */
export function parseAmountInput(text: string, locale: string, currency: CurrencyCode): number | undefined {
  return parseDecimalInput(text, decimalSeparatorOf(locale), minorUnitDigits(currency));
}

/** A percentage typed in `locale`, with or without "%", as basis points ("5,5" → 550). */
export function parsePercentInput(text: string, locale: string): number | undefined {
  return parseDecimalInput(text.replace(/%\s*$/, ''), decimalSeparatorOf(locale), 2);
}

/** An amount written for an input field: the locale's digits and separators, without currency symbol. */
export function formatAmountInput(amountMinor: number, currency: CurrencyCode, locale: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(toDecimalString({ amountMinor, currency }));
}

/** Basis points written as a percentage for an input field: 500 → "5", 550 → "5,5" (nl). */
export function formatPercentInput(basisPoints: number, locale: string): string {
  const sign = basisPoints < 0 ? '-' : '';
  const digits = String(Math.abs(basisPoints)).padStart(3, '0');
  const exact = `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}` as `${number}`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(exact);
}
