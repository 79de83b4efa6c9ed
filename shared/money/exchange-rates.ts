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
    const { numerator, denominator } = this.factor(amount.currency, to, date);
    return { amountMinor: divideRounded(BigInt(amount.amountMinor) * numerator, denominator), currency: to };
  }

  /**
   * Converts the parts of one amount (ageing buckets, say) so that they add up to the converted whole:
   * the whole is converted and rounded once, and the rounding is shared out by largest remainder. A total
   * then stays the same however its parts are split.
   */
  convertParts(amountsMinor: readonly number[], from: CurrencyCode, to: CurrencyCode, date: IsoDate): number[] {
    if (from === to) return [...amountsMinor];
    const { numerator, denominator } = this.factor(from, to, date);
    const scaled = amountsMinor.map((amount) => BigInt(amount) * numerator);
    const total = divideRounded(scaled.reduce((sum, value) => sum + value, 0n), denominator);
    const floors = scaled.map((value) => (value >= 0n ? value / denominator : -((-value + denominator - 1n) / denominator)));
    const parts = floors.map(Number);
    let shortfall = total - parts.reduce((sum, part) => sum + part, 0);
    const byRemainder = scaled.map((value, index) => ({ index, remainder: value - floors[index]! * denominator })).sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
    for (let position = 0; shortfall !== 0 && byRemainder.length > 0; position = (position + 1) % byRemainder.length) {
      const step = shortfall > 0 ? 1 : -1;
      const index = byRemainder[shortfall > 0 ? position : byRemainder.length - 1 - position]!.index;
      parts[index] = parts[index]! + step;
      shortfall -= step;
    }
    return parts;
  }

  /** The exact factor (with minor-unit shift) that turns minor units of `from` into minor units of `to`. */
  private factor(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Rational {
    const rate = this.find(from, to, date);
    if (!rate) throw new MissingExchangeRateError(from, to, date);
    const shift = minorUnitDigits(to) - minorUnitDigits(from);
    return {
      numerator: rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n),
      denominator: rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n),
    };
  }
}
