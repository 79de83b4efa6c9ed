import { isoDateToUtcMs, type IsoDate } from '../time/iso-date';
import { divideRounded } from './basis-points';
import { minorUnitDigits, type CurrencyCode, type Money } from './money';

/**
 * A dated exchange rate: on `date`, 1 unit of `base` costs `rate` units of `quote` (the ECB's convention:
 * 1 EUR = 11.2345 SEK). The rate is a decimal string, kept exact; conversion uses integer arithmetic.
 */
export interface ExchangeRate {
  readonly date: IsoDate;
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly rate: string;
}

interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

function parseRate(rate: string): Rational {
  const match = DECIMAL.exec(rate);
  if (!match || /^0*(\.0*)?$/.test(rate)) throw new RangeError(`Not a positive decimal exchange rate: ${rate}`);
  const fraction = match[2] ?? '';
  return { numerator: BigInt(`${match[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

export class MissingExchangeRateError extends Error {
  constructor(
    readonly from: CurrencyCode,
    readonly to: CurrencyCode,
    readonly date: IsoDate,
  ) {
    super(`No exchange rate from ${from} to ${to} on or before ${date}`);
    this.name = 'MissingExchangeRateError';
  }
}

/**
 * The rates Kredo converts with. For a date, the latest rate published on or before it applies (rates are
 * not published on weekends and holidays). A pair can be given either way round; the inverse is exact.
 */
export class ExchangeRateTable {
  private readonly byPair = new Map<string, { day: number; rate: Rational }[]>();

  constructor(rates: readonly ExchangeRate[]) {
    for (const entry of rates) {
      const rate = parseRate(entry.rate);
      const day = isoDateToUtcMs(entry.date);
      this.add(entry.base, entry.quote, day, rate);
      this.add(entry.quote, entry.base, day, { numerator: rate.denominator, denominator: rate.numerator });
    }
    for (const list of this.byPair.values()) list.sort((a, b) => a.day - b.day);
  }

  private add(from: CurrencyCode, to: CurrencyCode, day: number, rate: Rational): void {
    const key = `${from}>${to}`;
    const list = this.byPair.get(key) ?? [];
    list.push({ day, rate });
    this.byPair.set(key, list);
  }

  /** Whether `convert` can turn `from` into `to` on `date`. */
  has(from: CurrencyCode, to: CurrencyCode, date: IsoDate): boolean {
    return from === to || this.find(from, to, date) !== undefined;
  }

  private find(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Rational | undefined {
    const list = this.byPair.get(`${from}>${to}`);
    if (!list) return undefined;
    const day = isoDateToUtcMs(date);
    let found: Rational | undefined;
    for (const entry of list) {
      if (entry.day > day) break;
      found = entry.rate;
    }
    return found;
  }

  /**
   * Converts an amount at the rate in force on `date`, rounding half away from zero to the target
   * currency's minor unit (also across currencies with different minor units, such as JPY).
   */
  convert(amount: Money, to: CurrencyCode, date: IsoDate): Money {
    if (amount.currency === to) return amount;
    const rate = this.find(amount.currency, to, date);
    if (!rate) throw new MissingExchangeRateError(amount.currency, to, date);
    const shift = minorUnitDigits(to) - minorUnitDigits(amount.currency);
    const numerator = BigInt(amount.amountMinor) * rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
    const denominator = rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
    return { amountMinor: divideRounded(numerator, denominator), currency: to };
  }
}
