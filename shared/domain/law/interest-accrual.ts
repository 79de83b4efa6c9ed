import { divideRounded } from '../../money/basis-points';
import { addDays, daysBetween, type IsoDate } from '../../time/iso-date';
import { earlierDate, isDefaultAnniversary, nextDefaultAnniversary, nextHalfYearStart } from './law-calendar';

/**
 * The arithmetic every statutory-interest rule shares. Conventions, the same for all jurisdictions:
 *
 * - **Day count: actual days / 365.** Each day of default earns rate ÷ 365, also in leap years (a full
 *   leap year thus earns 366/365 of the annual rate). This is what Dutch calculators mostly use and what
 *   UK guidance gives (`debt × rate / 365 × days late`); the Swedish and EU texts do not prescribe one.
 * - **Exact arithmetic, rounded once per period.** A period's interest is base × rateBp × days ÷
 *   (10,000 × 365), computed as a BigInt fraction and rounded half up (half away from zero) to a whole
 *   minor unit. Totals are sums of those rounded period amounts, so a letter's lines add up to its total.
 * - **Yearly capitalisation (NL only).** On each anniversary of the first day of default, the interest of
 *   the year that is still unpaid is added to the base (BW 6:119a lid 3, 6:119 lid 2).
 */

export interface StatutoryRate {
  /** The full statutory rate (reference rate plus the margin) in basis points of a percent. */
  readonly rateBp: number;
  /** The rate came from beyond the end of its rate table (see `lookupReferenceRate`). */
  readonly isStale: boolean;
}

/** How a jurisdiction's interest runs; built by `statutoryInterestRule`. */
export interface InterestRule {
  /** The first day interest runs: the anchor of the yearly anniversaries. */
  readonly defaultFrom: IsoDate;
  /** The statutory rate for `day`. Must be constant within each calendar half-year. */
  rateOn(day: IsoDate): StatutoryRate;
  readonly capitalisesYearly: boolean;
}

/** What is owed on which interest runs, and the interest not yet paid. */
export interface AccrualState {
  readonly principalMinor: number;
  /** Interest added to the base on an anniversary and not paid since (NL). */
  readonly capitalisedInterestMinor: number;
  /** Interest since the last anniversary (or since default) not paid yet. */
  readonly runningInterestMinor: number;
}

export interface InterestPeriod {
  /** First day of the period. */
  readonly from: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to: IsoDate;
  readonly days: number;
  readonly rateBp: number;
  /** The amount interest ran on: the principal plus capitalised interest. */
  readonly baseMinor: number;
  readonly interestMinor: number;
  readonly isRateStale: boolean;
}

export interface Accrual {
  readonly state: AccrualState;
  readonly periods: readonly InterestPeriod[];
}

const DAYS_PER_YEAR = 365n;
const BASIS_POINTS_PER_WHOLE = 10_000n;

/** Interest for `days` days on `baseMinor` at `rateBp` a year: days/365, rounded half up once. */
export function periodInterest(baseMinor: number, rateBp: number, days: number): number {
  if (!Number.isSafeInteger(baseMinor) || !Number.isSafeInteger(rateBp) || !Number.isSafeInteger(days) || days < 0) {
    throw new RangeError('Interest needs whole minor units, whole basis points and a whole number of days');
  }
  return divideRounded(BigInt(baseMinor) * BigInt(rateBp) * BigInt(days), BASIS_POINTS_PER_WHOLE * DAYS_PER_YEAR);
}

/**
 * Runs interest from `from` up to and including `until` (nothing when `until` is earlier). A new
 * period starts where the rate changes (at a half-year start; half-years with the same rate stay one
 * period) and, under yearly capitalisation, on each anniversary of the default start — which first adds
 * the unpaid running interest to the capitalised interest, and so to the base.
 */
export function accrueInterest(rule: InterestRule, state: AccrualState, from: IsoDate, until: IsoDate): Accrual {
  assertState(state);
  const principalMinor = state.principalMinor;
  let { capitalisedInterestMinor, runningInterestMinor } = state;
  const periods: InterestPeriod[] = [];
  let start = from;
  while (start <= until) {
    if (rule.capitalisesYearly && isDefaultAnniversary(rule.defaultFrom, start)) {
      capitalisedInterestMinor += runningInterestMinor;
      runningInterestMinor = 0;
    }
    const rate = rule.rateOn(start);
    const last = rule.capitalisesYearly ? earlierDate(until, addDays(nextDefaultAnniversary(rule.defaultFrom, start), -1)) : until;
    let next = nextHalfYearStart(start);
    while (next <= last && sameRate(rule.rateOn(next), rate)) next = nextHalfYearStart(next);
    const to = earlierDate(last, addDays(next, -1));
    const days = daysBetween(start, to) + 1;
    const baseMinor = principalMinor + capitalisedInterestMinor;
    const interestMinor = periodInterest(baseMinor, rate.rateBp, days);
    if (days > 0 && baseMinor > 0) {
      periods.push({ from: start, to, days, rateBp: rate.rateBp, baseMinor, interestMinor, isRateStale: rate.isStale });
    }
    runningInterestMinor += interestMinor;
    start = addDays(to, 1);
  }
  return { state: { principalMinor, capitalisedInterestMinor, runningInterestMinor }, periods };
}

/** All interest still owed in a state: capitalised plus running. */
export function unpaidInterest(state: AccrualState): number {
  return state.capitalisedInterestMinor + state.runningInterestMinor;
}

function sameRate(a: StatutoryRate, b: StatutoryRate): boolean {
  return a.rateBp === b.rateBp && a.isStale === b.isStale;
}

function assertState(state: AccrualState): void {
  for (const amount of [state.principalMinor, state.capitalisedInterestMinor, state.runningInterestMinor]) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('Interest runs on whole, non-negative minor units');
  }
}
