import { daysBetween, type IsoDate } from '../time/iso-date';
import { ExchangeRateTable, STALE_RATE_DAYS, type ExchangeRate, type RateSource } from './exchange-rates';
import type { CurrencyCode } from './money';

/** One currency pair as the Rates screen lists it: its latest rate, where it came from, how many days are held. */
export interface RatePairSummary {
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly latest: ExchangeRate;
  readonly first: IsoDate;
  readonly count: number;
}

/** A currency that cannot be converted to the policy currency on some of the dates the figures need. */
export interface MissingRate {
  readonly currency: CurrencyCode;
  /** The dates (today, and the trend's month-ends) without any rate on or before them, newest first. */
  readonly dates: readonly IsoDate[];
  /** The date of the newest rate there is for the currency (later than the dates needed), if any. */
  readonly latest: IsoDate | undefined;
}

/** A currency converted today with a rate more than STALE_RATE_DAYS old. */
export interface StaleRate {
  readonly currency: CurrencyCode;
  /** The date of the rate used today (the older leg's, for a cross rate). */
  readonly rateDate: IsoDate;
  readonly ageDays: number;
}

export interface RatesOverview {
  readonly pairs: readonly RatePairSummary[];
  readonly missing: readonly MissingRate[];
  readonly stale: readonly StaleRate[];
}

const sourceOrder = (source: RateSource | undefined) => source ?? 'unknown';

/**
 * What Settings › Exchange rates shows: the pairs held; for each currency Kredo has amounts in, the dates
 * on which it cannot be converted to the policy currency (no rate on or before the date, directly or
 * through EUR) — the same rule as every conversion (ExchangeRateTable); and the currencies converted today
 * with a rate more than STALE_RATE_DAYS old. `dates` are the dates the figures need, today last or first.
 */
export function ratesOverview(input: { readonly rates: readonly ExchangeRate[]; readonly policyCurrency: CurrencyCode; readonly currencies: Iterable<CurrencyCode>; readonly dates: readonly IsoDate[]; readonly today: IsoDate }): RatesOverview {
  const byPair = new Map<string, { latest: ExchangeRate; first: IsoDate; count: number }>();
  for (const rate of input.rates) {
    const key = `${rate.base}/${rate.quote}`;
    const entry = byPair.get(key);
    if (!entry) byPair.set(key, { latest: rate, first: rate.date, count: 1 });
    else {
      entry.count += 1;
      if (rate.date > entry.latest.date || (rate.date === entry.latest.date && sourceOrder(rate.source) === 'manual')) entry.latest = rate;
      if (rate.date < entry.first) entry.first = rate.date;
    }
  }
  const table = new ExchangeRateTable(input.rates);
  const newestDates = [...input.dates].sort().reverse();
  const missing: MissingRate[] = [];
  const stale: StaleRate[] = [];
  for (const currency of new Set(input.currencies)) {
    if (currency === input.policyCurrency) continue;
    const used = table.rateUsed(currency, input.policyCurrency, input.today);
    const ageDays = used ? daysBetween(used.date, input.today) : 0;
    if (used && ageDays > STALE_RATE_DAYS) stale.push({ currency, rateDate: used.date, ageDays });
    const dates = newestDates.filter((date) => !table.has(currency, input.policyCurrency, date));
    if (dates.length === 0) continue;
    const newest = input.rates
      .filter((rate) => (rate.base === currency || rate.quote === currency))
      .reduce<IsoDate | undefined>((latest, rate) => (latest === undefined || rate.date > latest ? rate.date : latest), undefined);
    missing.push({ currency, dates, latest: newest });
  }
  return {
    pairs: [...byPair.values()].map((entry) => ({ base: entry.latest.base, quote: entry.latest.quote, latest: entry.latest, first: entry.first, count: entry.count })).sort((a, b) => `${a.base}/${a.quote}`.localeCompare(`${b.base}/${b.quote}`)),
    missing: missing.sort((a, b) => a.currency.localeCompare(b.currency)),
    stale: stale.sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

