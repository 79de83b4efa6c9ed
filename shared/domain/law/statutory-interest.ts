import { isCurrencyCode, type CurrencyCode } from '../../money/money';
import { isIsoDate, type IsoDate } from '../../time/iso-date';
import { accrueInterest, type InterestPeriod, type InterestRule, type StatutoryRate } from './interest-accrual';
import { isLawJurisdiction, type LawJurisdiction } from './jurisdiction';
import { BUILT_IN_REFERENCE_RATES, lookupReferenceRate, rateReferenceDay, type ReferenceRateKind, type ReferenceRateTable } from './reference-rates';

/** The margin the Directive and the SE and UK acts add to the reference rate: 8 percentage points. */
export const STATUTORY_MARGIN_BP = 800;

/**
 * Each jurisdiction's statutory B2B late-payment interest (day count and rounding: interest-accrual.ts):
 *
 * - **NL** wettelijke handelsrente (BW 6:119a): the table's full rate, changing with each half-year while
 *   the debt runs; after each full year from the start of default the year's interest is added to the base.
 * - **SE** dröjsmålsränta (6 § räntelagen): the half-year's referensränta + 8 pp, variable, simple.
 * - **GB** (Late Payment Act 1998, SI 2002/1675 art. 4): base rate + 8 pp, FIXED for the whole debt at the
 *   base rate on 30 June / 31 December before the half-year in which interest starts; simple.
 * - **EU** (Directive 2011/7/EU): ECB MRO on 1 January (for January–June) or 1 July (July–December) + 8 pp,
 *   variable per half-year, simple.
 *
 * Every rate is looked up on its half-year's reference day (rateReferenceDay: the first day of the
 * half-year, or for the Bank of England's change-date table the day before it), so a rate changed in the
 * middle of a half-year only counts from the next one.
 */
export function statutoryInterestRule(jurisdiction: LawJurisdiction, defaultFrom: IsoDate, rates: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): InterestRule {
  const halfYearRate = (kind: ReferenceRateKind, marginBp: number) => (day: IsoDate): StatutoryRate => {
    const found = lookupReferenceRate(kind, rateReferenceDay(kind, day), rates);
    return { rateBp: found.rateBp + marginBp, isStale: found.isStale };
  };
  switch (jurisdiction) {
    case 'NL':
      return { defaultFrom, capitalisesYearly: true, rateOn: halfYearRate('NL_HANDELSRENTE', 0) };
    case 'SE':
      return { defaultFrom, capitalisesYearly: false, rateOn: halfYearRate('SE_REFERENSRANTA', STATUTORY_MARGIN_BP) };
    case 'EU':
      return { defaultFrom, capitalisesYearly: false, rateOn: halfYearRate('ECB_MRO', STATUTORY_MARGIN_BP) };
    case 'GB': {
      const fixed = halfYearRate('UK_BASE_RATE', STATUTORY_MARGIN_BP)(defaultFrom);
      return { defaultFrom, capitalisesYearly: false, rateOn: () => fixed };
    }
    default:
      throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  }
}

export interface StatutoryInterestInput {
  readonly jurisdiction: LawJurisdiction;
  /** The unpaid principal, in whole minor units. */
  readonly principalMinor: number;
  readonly currency: CurrencyCode;
  /** The first day interest runs: the day after the due date. */
  readonly defaultFrom: IsoDate;
  /** The calculation date, inclusive (the payment date, or the letter's date). */
  readonly until: IsoDate;
  /** The rate table; defaults to the built-in one. */
  readonly rates?: ReferenceRateTable;
}

export interface StatutoryInterest {
  readonly currency: CurrencyCode;
  /** The sum of the periods' interest, each rounded once. */
  readonly interestMinor: number;
  readonly periods: readonly InterestPeriod[];
  /** Some period used a rate carried forward beyond the end of the rate table. */
  readonly isRateTableStale: boolean;
}

/**
 * Statutory interest on an unpaid principal from `defaultFrom` up to and including `until`; none when
 * `until` is before `defaultFrom`. Payments on account are the claim ledger's business (claim-balance.ts).
 */
export function statutoryInterest(input: StatutoryInterestInput): StatutoryInterest {
  const { jurisdiction, principalMinor, currency, defaultFrom, until } = input;
  if (!isLawJurisdiction(jurisdiction)) throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  if (!isCurrencyCode(currency)) throw new RangeError(`Unknown currency code: ${currency}`);
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) throw new RangeError('The principal must be whole, non-negative minor units');
  if (!isIsoDate(defaultFrom) || !isIsoDate(until)) throw new RangeError('Interest dates must be YYYY-MM-DD calendar dates');
  if (until < defaultFrom) return { currency, interestMinor: 0, periods: [], isRateTableStale: false };

  const rule = statutoryInterestRule(jurisdiction, defaultFrom, input.rates);
  const start = { principalMinor, capitalisedInterestMinor: 0, runningInterestMinor: 0 };
  const { periods } = accrueInterest(rule, start, defaultFrom, until);
  return {
    currency,
    interestMinor: periods.reduce((sum, period) => sum + period.interestMinor, 0),
    periods,
    isRateTableStale: periods.some((period) => period.isRateStale),
  };
}
