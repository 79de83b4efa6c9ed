import { fromDayNumber, toDayNumber, type IsoDate } from '../time/iso-date';
import { divideRounded, divideRoundedExact, EXACT_IN_DOUBLE } from './basis-points';
import { minorUnitDigits, type CurrencyCode, type Money } from './money';

/**
 * Where a rate comes from. The central banks' files: the ECB's euro reference rates, the Riksbank's SWEA
 * series (SEK per unit), the Bank of England's database (units per pound); `manual` is typed by the
 * controller; `demo` belongs to the demo portfolio. When two sources give the same pair on the same day,
 * the one earlier in this list wins: a correction by hand beats any file, and the central bank of the
 * policy currency's country beats the ECB's cross figure.
 */
export const RATE_SOURCES = ['manual', 'riksbank', 'boe', 'ecb', 'demo'] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

/**
 * A dated exchange rate: on `date`, 1 unit of `base` costs `rate` units of `quote` (the ECB's convention:
 * 1 EUR = 11.2345 SEK). The rate is a decimal string, kept exact; conversion uses integer arithmetic.
 * Rates stored before sources were kept have none (shown as "unknown").
 */
export interface ExchangeRate {
  readonly date: IsoDate;
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly rate: string;
  readonly source?: RateSource;
}

/**
 * How old the latest rate may be before Kredo calls it stale: 7 days bridges a weekend and the longest run
 * of TARGET holidays (Good Friday to Easter Monday), so an older rate means the rates were not brought up
 * to date. A stale rate is still used — the figures of a past date are converted as they stood, and a
 * controller who keeps one rate a month gets it for the month — but Settings › Exchange rates says how old
 * it is, and the Rates screen asks for newer ones.
 */
export const STALE_RATE_DAYS = 7;

/** Currencies a cross rate may go through, in order of preference: the ECB's rates are all against EUR. */
const PIVOTS: readonly CurrencyCode[] = ['EUR', 'GBP', 'SEK', 'USD'];

interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The rate a conversion uses: its date (the older leg's, for a cross rate) and the currency it went through. */
export interface RateUsed {
  readonly date: IsoDate;
  readonly via: CurrencyCode | undefined;
}

interface Resolved extends RateUsed {
  readonly rate: Rational;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A rate's exact value as a fraction; throws on anything but a positive plain decimal ("11.2345"). */
export function parseRate(rate: string): Rational {
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

const priorityOf = (source: RateSource | undefined): number => {
  const index = source === undefined ? -1 : RATE_SOURCES.indexOf(source);
  return index < 0 ? RATE_SOURCES.length : index;
};

/**
 * The rates Kredo converts with. For a date, the latest rate published on or before it applies (rates are
 * not published on weekends and holidays), however old (`rateUsed` tells its date). A pair can be given
 * either way round (the inverse is exact); a pair without a rate of its own is crossed through EUR (or
 * another pivot) exactly, as a product of fractions rounded once at the end.
 */
export class ExchangeRateTable {
  /** Per ordered pair "FROM>TO": the days (ascending) and the rate on each. */
  private readonly byPair = new Map<string, { days: number[]; rates: Rational[] }>();
  private readonly currencies = new Set<CurrencyCode>();
  private readonly cache = new Map<string, Resolved | null>();

  constructor(rates: readonly ExchangeRate[]) {
    // One rate per pair and day, whichever way round it was given: the source highest in RATE_SOURCES.
    const chosen = new Map<string, ExchangeRate>();
    for (const entry of rates) {
      const key = `${[entry.base, entry.quote].sort().join('|')}|${entry.date}`;
      const current = chosen.get(key);
      if (!current || priorityOf(entry.source) < priorityOf(current.source)) chosen.set(key, entry);
    }
    const lists = new Map<string, { day: number; rate: Rational }[]>();
    const add = (from: CurrencyCode, to: CurrencyCode, day: number, rate: Rational) => {
      const key = `${from}>${to}`;
      const list = lists.get(key) ?? [];
      list.push({ day, rate });
      lists.set(key, list);
    };
    for (const entry of chosen.values()) {
      const rate = parseRate(entry.rate);
      const day = toDayNumber(entry.date);
      this.currencies.add(entry.base).add(entry.quote);
      add(entry.base, entry.quote, day, rate);
      add(entry.quote, entry.base, day, { numerator: rate.denominator, denominator: rate.numerator });
    }
    for (const [key, list] of lists) {
      list.sort((a, b) => a.day - b.day);
      this.byPair.set(key, { days: list.map((entry) => entry.day), rates: list.map((entry) => entry.rate) });
    }
  }

  /** The latest direct rate on or before `day`. */
  private direct(from: CurrencyCode, to: CurrencyCode, day: number): { day: number; rate: Rational } | undefined {
    const list = this.byPair.get(`${from}>${to}`);
    if (!list) return undefined;
    let low = 0;
    let high = list.days.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (list.days[middle]! <= day) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return undefined;
    return { day: list.days[found]!, rate: list.rates[found]! };
  }

  private resolve(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Resolved | undefined {
    const key = `${from}>${to}@${date}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const day = toDayNumber(date);
    let resolved: Resolved | undefined;
    const direct = this.direct(from, to, day);
    if (direct) resolved = { rate: direct.rate, date: fromDayNumber(direct.day), via: undefined };
    for (const pivot of PIVOTS) {
      if (resolved || pivot === from || pivot === to || !this.currencies.has(pivot)) continue;
      const first = this.direct(from, pivot, day);
      const second = first && this.direct(pivot, to, day);
      if (!first || !second) continue;
      resolved = {
        rate: { numerator: first.rate.numerator * second.rate.numerator, denominator: first.rate.denominator * second.rate.denominator },
        date: fromDayNumber(Math.min(first.day, second.day)),
        via: pivot,
      };
    }
    this.cache.set(key, resolved ?? null);
    return resolved;
  }

  /** Whether `convert` can turn `from` into `to` on `date`. */
  has(from: CurrencyCode, to: CurrencyCode, date: IsoDate): boolean {
    return from === to || this.resolve(from, to, date) !== undefined;
  }

  /** The date of the rate a conversion on `date` uses (and the pivot of a cross rate); undefined when there is none. */
  rateUsed(from: CurrencyCode, to: CurrencyCode, date: IsoDate): RateUsed | undefined {
    if (from === to) return { date, via: undefined };
    const resolved = this.resolve(from, to, date);
    return resolved && { date: resolved.date, via: resolved.via };
  }

  /**
   * Converts an amount at the rate in force on `date`, rounding half away from zero to the target
   * currency's minor unit (also across currencies with different minor units, such as JPY).
   */
  convert(amount: Money, to: CurrencyCode, date: IsoDate): Money {
    if (amount.currency === to) return amount;
    return { amountMinor: convertWith(this.factor(amount.currency, to, date), amount.amountMinor), currency: to };
  }

  /**
   * The conversion from one currency to another on `date`, with its rate looked up once: for code that
   * converts many sums at the same rate (every debtor's figures in a summary refresh, issue 14). Gives
   * exactly what `convert` and `convertParts` give; undefined when there is no rate (see `has`).
   */
  conversion(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Conversion | undefined {
    if (from === to) return SAME_CURRENCY;
    if (!this.has(from, to, date)) return undefined;
    const factor = this.factor(from, to, date);
    // The factor as doubles where both fit exactly: a conversion whose products stay small is then done without
    // BigInt, to the same result (a tier-L refresh converts some 200,000 sums; issue 14).
    const small = factor.numerator <= EXACT_FACTOR && factor.denominator <= EXACT_FACTOR ? { numerator: Number(factor.numerator), denominator: Number(factor.denominator) } : undefined;
    if (!small) return { amount: (amountMinor) => convertWith(factor, amountMinor), parts: (amountsMinor) => convertPartsWith(factor, amountsMinor) };
    return {
      amount: (amountMinor) => {
        const scaled = amountMinor * small.numerator;
        return Math.abs(scaled) <= EXACT_IN_DOUBLE ? divideRoundedExact(scaled, small.denominator) : convertWith(factor, amountMinor);
      },
      parts: (amountsMinor) => convertPartsSmall(small, amountsMinor) ?? convertPartsWith(factor, amountsMinor),
    };
  }

  /**
   * Converts the parts of one amount (ageing buckets, say) so that they add up to the converted whole:
   * the whole is converted and rounded once, and the rounding is shared out by largest remainder. A total
   * then stays the same however its parts are split.
   */
  convertParts(amountsMinor: readonly number[], from: CurrencyCode, to: CurrencyCode, date: IsoDate): number[] {
    if (from === to) return [...amountsMinor];
    return convertPartsWith(this.factor(from, to, date), amountsMinor);
  }

  /** The exact factor (with minor-unit shift) that turns minor units of `from` into minor units of `to`. */
  private factor(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Rational {
    const resolved = this.resolve(from, to, date);
    if (!resolved) throw new MissingExchangeRateError(from, to, date);
    const { rate } = resolved;
    const shift = minorUnitDigits(to) - minorUnitDigits(from);
    return {
      numerator: rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n),
      denominator: rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n),
    };
  }
}

/** One currency's sums turned into another's at one rate: what `ExchangeRateTable.conversion` gives. */
export interface Conversion {
  /** As `convert`. */
  amount(amountMinor: number): number;
  /** As `convertParts`. */
  parts(amountsMinor: readonly number[]): number[];
}

const SAME_CURRENCY: Conversion = { amount: (amountMinor) => amountMinor, parts: (amountsMinor) => [...amountsMinor] };

function convertWith({ numerator, denominator }: Rational, amountMinor: number): number {
  return divideRounded(BigInt(amountMinor) * numerator, denominator);
}

/** A factor's numerator and denominator at most this large are held exactly as doubles (see `conversion`). */
const EXACT_FACTOR = 2n ** 51n;

/**
 * convertPartsWith in doubles, step for step, when every product and their sum stay within EXACT_IN_DOUBLE
 * (so each floor, remainder and the rounded total are exact); undefined otherwise, for the BigInt path.
 */
function convertPartsSmall({ numerator, denominator }: { readonly numerator: number; readonly denominator: number }, amountsMinor: readonly number[]): number[] | undefined {
  const count = amountsMinor.length;
  const scaled = new Array<number>(count);
  let sum = 0;
  let magnitude = 0;
  for (let index = 0; index < count; index += 1) {
    const value = amountsMinor[index]! * numerator;
    scaled[index] = value;
    sum += value;
    magnitude += Math.abs(value);
  }
  if (magnitude > EXACT_IN_DOUBLE) return undefined;
  const total = divideRoundedExact(sum, denominator);
  const parts = new Array<number>(count);
  const remainders = new Array<number>(count);
  let shortfall = total;
  for (let index = 0; index < count; index += 1) {
    const value = scaled[index]!;
    // The floor of value / denominator (towards minus infinity, as the BigInt path), and what is left over.
    const remainder = ((value % denominator) + denominator) % denominator;
    const floor = (value - remainder) / denominator;
    parts[index] = floor === 0 ? 0 : floor;
    remainders[index] = remainder;
    shortfall -= parts[index]!;
  }
  if (shortfall === 0) return parts;
  const byRemainder = Array.from({ length: count }, (_, index) => index).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (let position = 0; shortfall !== 0 && count > 0; position = (position + 1) % count) {
    const step = shortfall > 0 ? 1 : -1;
    const index = byRemainder[shortfall > 0 ? position : count - 1 - position]!;
    parts[index] = parts[index]! + step;
    shortfall -= step;
  }
  return parts;
}

/** The parts converted so that they add up to the converted whole (see `convertParts`). */
function convertPartsWith({ numerator, denominator }: Rational, amountsMinor: readonly number[]): number[] {
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
