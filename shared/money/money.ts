/**
 * Money is an integer number of minor units (cents, öre, pence) with its ISO 4217 currency. Amounts are
 * never held as floating-point euros: 0.1 + 0.2 is not 0.3, and a credit controller reconciles to the cent.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** An ISO 4217 alphabetic code such as `EUR`, `SEK` or `GBP`. */
export type CurrencyCode = string;

const CURRENCY_CODE = /^[A-Z]{3}$/;
let knownCurrencies: ReadonlySet<string> | undefined;

/**
 * Whether a code is a currency the runtime knows (its ISO 4217 list, `Intl.supportedValuesOf`).
 * `Intl.NumberFormat` alone would accept any three capital letters, such as "XYZ".
 */
export function isCurrencyCode(value: unknown): value is CurrencyCode {
  if (typeof value !== 'string' || !CURRENCY_CODE.test(value)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(value);
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money needs a whole number of minor units, got ${amountMinor}`);
  }
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code: ${currency}`);
  return { amountMinor, currency };
}

const digitsCache = new Map<CurrencyCode, number>();

/** The number of minor-unit digits of a currency (2 for EUR, SEK, GBP; 0 for JPY; 3 for KWD). */
export function minorUnitDigits(currency: CurrencyCode): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * The exact decimal text of an amount, for example 123456 EUR minor units → "1234.56". Built from the
 * integer's digits, so no floating-point rounding can creep in; `Intl.NumberFormat` formats such strings
 * exactly (ECMA-402, Intl.NumberFormat v3).
 */
export function toDecimalString(amount: Money): `${number}` {
  const digits = minorUnitDigits(amount.currency);
  const sign = amount.amountMinor < 0 ? '-' : '';
  const units = String(Math.abs(amount.amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}` as `${number}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` as `${number}`;
}
