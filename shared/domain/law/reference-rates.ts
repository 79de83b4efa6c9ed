import { toIsoDate, type IsoDate } from '../../time/iso-date';
import { halfYearEnd } from './law-calendar';

/**
 * The dated rate tables behind statutory interest. Each kind is a list of rates, each valid from a date
 * until the next row of the same kind. Every row is keyed by the first day of the half-year it applies
 * to, because every rate here is fixed per calendar half-year by law:
 *
 * - `NL_HANDELSRENTE`: the full statutory commercial rate of BW 6:119a (ECB MRO + 8 pp, set by 6:120 lid 2).
 * - `NL_WETTELIJKE_RENTE`: the ordinary statutory rate of BW 6:119 (consumers, damages); full rate.
 * - `SE_REFERENSRANTA`: the Riksbank's referensränta for the half-year (9 § räntelagen); +8 pp is added.
 * - `UK_BASE_RATE`: the Bank of England base rate in force on 31 December / 30 June *before* the
 *   half-year (SI 2002/1675 art. 4); the row from 2025-07-01 is the rate on 30 June 2025. +8 pp is added.
 * - `ECB_MRO`: the ECB main refinancing rate in force on 1 January / 1 July (Directive 2011/7/EU art.
 *   2(7)); +8 pp is added for the generic EU rule.
 *
 * A table is only known up to the end of the half-year of its last row: a later date still gets the last
 * rate, flagged as stale so the UI can say "rate table not updated since …". A half-year whose rate did
 * not change therefore still deserves its own row. Users extend the tables; every function takes the
 * table as a parameter and defaults to this built-in one.
 */
export type ReferenceRateKind = 'NL_HANDELSRENTE' | 'NL_WETTELIJKE_RENTE' | 'SE_REFERENSRANTA' | 'UK_BASE_RATE' | 'ECB_MRO';

export interface ReferenceRate {
  readonly kind: ReferenceRateKind;
  readonly validFrom: IsoDate;
  /** Basis points of a percent per year: 10.15 % is 1015. May be negative (Riksbank 2019: −0.50 %). */
  readonly rateBp: number;
}

export type ReferenceRateTable = readonly ReferenceRate[];

const row = (kind: ReferenceRateKind, validFrom: string, rateBp: number): ReferenceRate => ({ kind, validFrom: toIsoDate(validFrom), rateBp });

/**
 * The rates of /shared/reference/law-and-formats.md section A, as of its last update (tables end in
 * 2025). Rows the reference tags [K] (background knowledge, not confirmed by a retrieved source) are
 * marked VERIFY: they are its best value and must be checked against the issuing body before shipping.
 */
export const BUILT_IN_REFERENCE_RATES: ReferenceRateTable = [
  // BW 6:119a handelsrente, full rate (A.2.1). Sources: vdkraan.nl, bierensgroup.com, rijksoverheid.nl,
  // debloggendeadvocaat.nl, wieringa-advocaten.nl, metaalunie.nl, vvoadvocatuur.nl.
  row('NL_HANDELSRENTE', '2013-01-01', 775), // MRO 0.75 + 7: the old Directive 2000/35/EC margin, +8 only from 16-03-2013
  row('NL_HANDELSRENTE', '2013-07-01', 850), // VERIFY [K]: MRO 0.50 + 8
  row('NL_HANDELSRENTE', '2014-01-01', 825), // VERIFY [K]
  row('NL_HANDELSRENTE', '2014-07-01', 815), // VERIFY [K]
  row('NL_HANDELSRENTE', '2015-01-01', 805),
  row('NL_HANDELSRENTE', '2015-07-01', 805), // VERIFY [K]
  row('NL_HANDELSRENTE', '2016-01-01', 805), // VERIFY [K]
  row('NL_HANDELSRENTE', '2016-07-01', 800), // 8.00 up to 31-12-2022 [V]; its start date is [K], VERIFY
  row('NL_HANDELSRENTE', '2023-01-01', 1050),
  row('NL_HANDELSRENTE', '2023-07-01', 1200),
  row('NL_HANDELSRENTE', '2024-01-01', 1250),
  row('NL_HANDELSRENTE', '2024-07-01', 1225),
  row('NL_HANDELSRENTE', '2025-01-01', 1115),
  row('NL_HANDELSRENTE', '2025-07-01', 1015), // VERIFY [K]: ECB MRO 2.15 (since 2025-06-11) + 8; confirm on rijksoverheid.nl / dnb.nl

  // BW 6:119 wettelijke rente, full rate (A.2.1). Sources: iqount.nl, rijksoverheid.nl, debloggendeadvocaat.nl.
  row('NL_WETTELIJKE_RENTE', '2010-01-01', 300),
  row('NL_WETTELIJKE_RENTE', '2011-07-01', 400),
  row('NL_WETTELIJKE_RENTE', '2012-07-01', 300), // VERIFY [K]: the return to 3 %
  row('NL_WETTELIJKE_RENTE', '2015-07-01', 200),
  row('NL_WETTELIJKE_RENTE', '2023-01-01', 400),
  row('NL_WETTELIJKE_RENTE', '2023-07-01', 600),
  row('NL_WETTELIJKE_RENTE', '2024-01-01', 700),
  row('NL_WETTELIJKE_RENTE', '2024-07-01', 700),
  row('NL_WETTELIJKE_RENTE', '2025-01-01', 600),
  row('NL_WETTELIJKE_RENTE', '2025-07-01', 400), // VERIFY [K]: from memory

  // Riksbank referensränta (A.3.1). Sources: riksbank.se, loanster.se.
  row('SE_REFERENSRANTA', '2019-01-01', -50),
  row('SE_REFERENSRANTA', '2019-07-01', 0), // 0.00 each half-year up to and including 2022-01-01
  row('SE_REFERENSRANTA', '2022-07-01', 50),
  row('SE_REFERENSRANTA', '2023-01-01', 250),
  row('SE_REFERENSRANTA', '2023-07-01', 350),
  row('SE_REFERENSRANTA', '2024-01-01', 400),
  row('SE_REFERENSRANTA', '2024-07-01', 400),
  row('SE_REFERENSRANTA', '2025-01-01', 250), // VERIFY [K]: 2.50 if the policy-rate cut to 2.50 % took effect before 31-12-2024, else 3.00
  row('SE_REFERENSRANTA', '2025-07-01', 200), // VERIFY [K]: expected 2.00 (policy rate 2.00 % from late June 2025)

  // Bank of England base rate on 31 Dec / 30 Jun before the half-year (A.4). Source: payontime.co.uk table.
  // 2011–2021 are "0.10–0.75" in that table; the per-year values below are [K], VERIFY.
  row('UK_BASE_RATE', '2011-01-01', 50), // VERIFY [K]
  row('UK_BASE_RATE', '2017-01-01', 25), // VERIFY [K]: cut to 0.25 on 2016-08-04
  row('UK_BASE_RATE', '2018-01-01', 50), // VERIFY [K]: raised to 0.50 on 2017-11-02
  row('UK_BASE_RATE', '2019-01-01', 75), // VERIFY [K]: raised to 0.75 on 2018-08-02
  row('UK_BASE_RATE', '2020-07-01', 10), // VERIFY [K]: cut to 0.10 on 2020-03-19
  row('UK_BASE_RATE', '2022-01-01', 25),
  row('UK_BASE_RATE', '2022-07-01', 125),
  row('UK_BASE_RATE', '2023-01-01', 350),
  row('UK_BASE_RATE', '2023-07-01', 500),
  row('UK_BASE_RATE', '2024-01-01', 525),
  row('UK_BASE_RATE', '2024-07-01', 525), // [K] in the reference, consistent with the 5.00 cut on 2024-08-01 [V]
  row('UK_BASE_RATE', '2025-01-01', 475),
  row('UK_BASE_RATE', '2025-07-01', 425), // VERIFY [K]

  // ECB main refinancing rate on 1 January / 1 July (A.1). The rates are [K] (ECB decisions), but the
  // 2023–2025 rows equal the [V] handelsrente rows above minus 8 pp, as BW 6:120 requires.
  // (The Directive's +8 pp margin applies to late payments under contracts from 16 March 2013.)
  row('ECB_MRO', '2013-01-01', 75), // VERIFY [K]
  row('ECB_MRO', '2013-07-01', 50), // VERIFY [K]
  row('ECB_MRO', '2014-01-01', 25), // VERIFY [K]
  row('ECB_MRO', '2014-07-01', 15), // VERIFY [K]
  row('ECB_MRO', '2015-01-01', 5),
  row('ECB_MRO', '2016-07-01', 0), // VERIFY [K]: 0.00 from 2016-03-16 until 2022-07-27
  row('ECB_MRO', '2023-01-01', 250),
  row('ECB_MRO', '2023-07-01', 400),
  row('ECB_MRO', '2024-01-01', 450),
  row('ECB_MRO', '2024-07-01', 425),
  row('ECB_MRO', '2025-01-01', 315),
  row('ECB_MRO', '2025-07-01', 215), // VERIFY [K]: 2.15 since 2025-06-11
];

export default BUILT_IN_REFERENCE_RATES;

export interface RateLookup {
  readonly kind: ReferenceRateKind;
  readonly rateBp: number;
  /** The row the rate comes from. */
  readonly validFrom: IsoDate;
  /** The last day the table is known to cover: the end of the half-year of its last row of this kind. */
  readonly coveredUntil: IsoDate;
  /** The date lies after `coveredUntil`: the last known rate was carried forward and may be out of date. */
  readonly isStale: boolean;
}

/**
 * The rate of `kind` in force on `date`: the row with the latest `validFrom` on or before it. When a
 * user-extended table has two rows for the same kind and date, the later row in the table wins, so a
 * correction can simply be appended. Throws a RangeError for a date before the table's first row: Kredo
 * never invents a rate.
 */
export function lookupReferenceRate(kind: ReferenceRateKind, date: IsoDate, table: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): RateLookup {
  let found: ReferenceRate | undefined;
  let last: ReferenceRate | undefined;
  for (const rate of table) {
    if (rate.kind !== kind) continue;
    if (!Number.isSafeInteger(rate.rateBp)) throw new RangeError(`A ${kind} rate needs whole basis points, got ${rate.rateBp}`);
    if (last === undefined || rate.validFrom >= last.validFrom) last = rate;
    if (rate.validFrom <= date && (found === undefined || rate.validFrom >= found.validFrom)) found = rate;
  }
  if (last === undefined) throw new RangeError(`The rate table has no ${kind} rates`);
  if (found === undefined) throw new RangeError(`The rate table has no ${kind} rate for ${date}; it starts on ${firstValidFrom(kind, table)}`);
  const coveredUntil = halfYearEnd(last.validFrom);
  return { kind, rateBp: found.rateBp, validFrom: found.validFrom, coveredUntil, isStale: date > coveredUntil };
}

function firstValidFrom(kind: ReferenceRateKind, table: ReferenceRateTable): IsoDate | undefined {
  return table.filter((rate) => rate.kind === kind).map((rate) => rate.validFrom).sort()[0];
}
