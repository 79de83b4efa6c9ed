import { addDays, toIsoDate, type IsoDate } from '../../time/iso-date';
import { halfYearEnd, halfYearStart } from './law-calendar';

/**
 * The dated rate tables behind statutory interest. Each kind is a list of rates, each valid from a date
 * until the next row of the same kind:
 *
 * - `NL_HANDELSRENTE`: the full statutory commercial rate of BW 6:119a (ECB MRO + 8 pp, set by 6:120 lid 2).
 * - `NL_WETTELIJKE_RENTE`: the ordinary statutory rate of BW 6:119 (consumers, damages); full rate.
 * - `SE_REFERENSRANTA`: the Riksbank's referensränta for the half-year (9 § räntelagen); +8 pp is added.
 * - `UK_BASE_RATE`: Bank Rate as the Bank of England sets it, one row per **change date** (or a decision
 *   that kept it, which tells the table is still current). The statute uses the rate in force on
 *   31 December / 30 June before the half-year interest starts in (SI 2002/1675 art. 4): see `rateReferenceDay`.
 * - `ECB_MRO`: the ECB main refinancing rate in force on 1 January / 1 July (Directive 2011/7/EU art.
 *   2(7)); +8 pp is added for the generic EU rule.
 *
 * The NL, SE and ECB rows are keyed by the first day of the half-year they apply to, because those laws
 * fix the rate per calendar half-year. A table is only known up to the end of the half-year of its last
 * row: a later date still gets the last rate, flagged as stale so the UI can say "rate table not updated
 * since …". A half-year whose rate did not change therefore still deserves its own row (for the Bank of
 * England: the date of a decision that kept the rate). Users extend the tables (Settings › Interest rates,
 * rate-table-merge.ts); every function takes the table as a parameter and defaults to this built-in one.
 */
export type ReferenceRateKind = 'NL_HANDELSRENTE' | 'NL_WETTELIJKE_RENTE' | 'SE_REFERENSRANTA' | 'UK_BASE_RATE' | 'ECB_MRO';

export interface ReferenceRate {
  readonly kind: ReferenceRateKind;
  readonly validFrom: IsoDate;
  /** Basis points of a percent per year: 10.15 % is 1015. May be negative (Riksbank 2019: −0.50 %). */
  readonly rateBp: number;
  /** Where the rate was found (a publication, or the controller's own note for a row they added). */
  readonly source?: string;
  /** VERIFY: no retrieved source confirms this row; shown as "not confirmed" so the controller checks it. */
  readonly verify?: true;
}

export type ReferenceRateTable = readonly ReferenceRate[];

/** The kinds whose rows fall on 1 January or 1 July because the law fixes the rate per half-year. */
export const HALF_YEAR_KINDS: readonly ReferenceRateKind[] = ['NL_HANDELSRENTE', 'NL_WETTELIJKE_RENTE', 'SE_REFERENSRANTA', 'ECB_MRO'];

export const isHalfYearKind = (kind: ReferenceRateKind): boolean => HALF_YEAR_KINDS.includes(kind);

/**
 * The day whose rate applies to `day`: the start of its half-year for the half-year tables, and for the
 * Bank of England the day before it (31 December / 30 June, "immediately before" the half-year: SI
 * 2002/1675 art. 4), since its table holds Bank Rate's own change dates.
 */
export function rateReferenceDay(kind: ReferenceRateKind, day: IsoDate): IsoDate {
  return kind === 'UK_BASE_RATE' ? addDays(halfYearStart(day), -1) : halfYearStart(day);
}

const row = (kind: ReferenceRateKind, validFrom: string, rateBp: number, source: string, verify?: 'VERIFY'): ReferenceRate => ({ kind, validFrom: toIsoDate(validFrom), rateBp, source, ...(verify && { verify: true as const }) });

const NL_SOURCES = 'vdkraan.nl; bierensgroup.com; rijksoverheid.nl; debloggendeadvocaat.nl; wieringa-advocaten.nl';
const NL_LEGAL_SOURCES = 'iqount.nl; rijksoverheid.nl; debloggendeadvocaat.nl';
/** The ECB's rates since June 2025: deposit 2.00 % (MRO 2.15 %) from 11 June 2025, unchanged for five meetings (DNB, 11-02-2026); MRO 2.15 % on 1 April 2026 (OJ C/2026/01398). */
const ECB_2025_2026 = 'particle.news (ECB cut 5-6-2025 to deposit 2.00 %, MRO 2.15 %); dnb.nl "Waarom de ECB de rente ongewijzigd op 2% laat" (11-02-2026); OJ C/2026/01398 (MRO 2.15 % on 1-4-2026)';
/** The ECB's hike of 11 June 2026 (deposit 2.25 %, MRO 2.40 %), seen only as quoted by third parties; its effective date was not seen. */
const ECB_JUNE_2026 = 'ECB press release 11-6-2026 (ecb.mp260611) as quoted by rbtfl.xyz and others: +25 bp, MRO 2.40 %; effective date and DNB/Rijksoverheid publication not seen';

/**
 * The rates of /shared/reference/law-and-formats.md section A, brought up to 2026 from the sources named
 * on each row. Rows no retrieved source confirms are marked VERIFY (the reference's [K] tag): they are the
 * best value known and the controller is asked to check them against the issuing body.
 */
export const BUILT_IN_REFERENCE_RATES: ReferenceRateTable = [
  // BW 6:119a handelsrente, full rate (A.2.1).
  row('NL_HANDELSRENTE', '2013-01-01', 775, NL_SOURCES), // MRO 0.75 + 7: the old Directive 2000/35/EC margin, +8 only from 16-03-2013
  row('NL_HANDELSRENTE', '2013-07-01', 850, 'MRO 0.50 + 8', 'VERIFY'),
  row('NL_HANDELSRENTE', '2014-01-01', 825, 'MRO 0.25 + 8', 'VERIFY'),
  row('NL_HANDELSRENTE', '2014-07-01', 815, 'MRO 0.15 + 8', 'VERIFY'),
  row('NL_HANDELSRENTE', '2015-01-01', 805, NL_SOURCES),
  row('NL_HANDELSRENTE', '2015-07-01', 805, 'MRO 0.05 + 8', 'VERIFY'),
  row('NL_HANDELSRENTE', '2016-01-01', 805, 'rechtnet.nl (8.05 % per 1-1-2016)'),
  row('NL_HANDELSRENTE', '2016-07-01', 800, `${NL_SOURCES} (8.00 % up to 31-12-2022); MRO 0 % since March 2016 (statistiekvlaanderen.be) + 8`),
  row('NL_HANDELSRENTE', '2023-01-01', 1050, NL_SOURCES),
  row('NL_HANDELSRENTE', '2023-07-01', 1200, NL_SOURCES),
  row('NL_HANDELSRENTE', '2024-01-01', 1250, NL_SOURCES),
  row('NL_HANDELSRENTE', '2024-07-01', 1225, 'metaalunie.nl (12.25 % per 1-7-2024)'),
  row('NL_HANDELSRENTE', '2025-01-01', 1115, NL_SOURCES),
  row('NL_HANDELSRENTE', '2025-07-01', 1015, `MRO 2.15 + 8 (BW 6:120 lid 2); ${ECB_2025_2026}`),
  row('NL_HANDELSRENTE', '2026-01-01', 1015, `MRO 2.15 + 8 (BW 6:120 lid 2); ${ECB_2025_2026}`),
  row('NL_HANDELSRENTE', '2026-07-01', 1040, `MRO 2.40 + 8 (BW 6:120 lid 2); ${ECB_JUNE_2026}`, 'VERIFY'),

  // BW 6:119 wettelijke rente, full rate (A.2.1). No rule uses it yet; not shown under Settings.
  row('NL_WETTELIJKE_RENTE', '2010-01-01', 300, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2011-07-01', 400, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2012-07-01', 300, 'the return to 3 %: background knowledge', 'VERIFY'),
  row('NL_WETTELIJKE_RENTE', '2015-07-01', 200, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2023-01-01', 400, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2023-07-01', 600, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2024-01-01', 700, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2024-07-01', 700, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2025-01-01', 600, NL_LEGAL_SOURCES),
  row('NL_WETTELIJKE_RENTE', '2025-07-01', 400, 'background knowledge', 'VERIFY'),

  // Riksbank referensränta (A.3.1): the policy rate at the end of the previous half-year, rounded up to
  // the next half percentage point (riksbank.se, "Referensräntan fastställd till 3,50 procent", 2023).
  row('SE_REFERENSRANTA', '2019-01-01', -50, 'riksbank.se; mystep.se/referensranta'),
  row('SE_REFERENSRANTA', '2019-07-01', 0, 'riksbank.se; mystep.se/referensranta'), // 0.00 each half-year up to and including 2022-01-01
  row('SE_REFERENSRANTA', '2022-07-01', 50, 'riksbank.se; mystep.se/referensranta'),
  row('SE_REFERENSRANTA', '2023-01-01', 250, 'riksbank.se; mystep.se/referensranta'),
  row('SE_REFERENSRANTA', '2023-07-01', 350, 'riksbank.se "Referensräntan fastställd till 3,50 procent"'),
  row('SE_REFERENSRANTA', '2024-01-01', 400, 'capway.se "Referensräntan fastställd till 4,00 %"'),
  row('SE_REFERENSRANTA', '2024-07-01', 400, 'mystep.se/referensranta'),
  row('SE_REFERENSRANTA', '2025-01-01', 300, 'mystep.se/referensranta (policy rate 2.75 % on 31-12-2024, rounded up)'),
  row('SE_REFERENSRANTA', '2025-07-01', 200, 'mystep.se/referensranta (policy rate 2.00 % from 25-6-2025)'),
  row('SE_REFERENSRANTA', '2026-01-01', 200, 'mystep.se/referensranta; policy rate 1.75 % from 1-10-2025 (Riksbank, 23-9-2025), rounded up'),
  // 2026-07-01 is not shipped: no source for the policy rate on 30 June 2026 was found. Add it under Settings.

  // Bank of England Bank Rate by change date (A.4); the statute takes the rate on 31 Dec / 30 Jun.
  row('UK_BASE_RATE', '2009-03-05', 50, 'background knowledge; payontime.co.uk table gives 0.10–0.75 for 2011–2021', 'VERIFY'),
  row('UK_BASE_RATE', '2016-08-04', 25, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2017-11-02', 50, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2018-08-02', 75, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2020-03-11', 25, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2020-03-19', 10, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2021-12-16', 25, 'payontime.co.uk (0.25 on 31-12-2021); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-02-03', 50, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-03-17', 75, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-05-05', 100, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-06-16', 125, 'payontime.co.uk (1.25 on 30-6-2022); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-08-04', 175, 'yahoo.com "biggest rise in 27 years" (1.75 %); breakinglatest.news (4-8-2022)'),
  row('UK_BASE_RATE', '2022-09-22', 225, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-11-03', 300, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2022-12-15', 350, 'payontime.co.uk (3.50 on 31-12-2022); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2023-02-02', 400, 'newsbreak.com (raised to 4 %); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2023-03-23', 425, 'cmegroup.com econoday (March 2023: 4.25 %); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2023-05-11', 450, 'background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2023-06-22', 500, 'payontime.co.uk (5.00 on 30-6-2023); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2023-08-03', 525, 'payontime.co.uk (5.25 on 31-12-2023); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2024-08-01', 500, 'Lloyds (cut to 5.00 % on 1-8-2024); cbi.org.uk'),
  row('UK_BASE_RATE', '2024-11-07', 475, 'payontime.co.uk (4.75 on 31-12-2024); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2025-02-06', 450, 'nelsonslaw.co.uk (cut to 4.5 % on 6-2-2025)'),
  row('UK_BASE_RATE', '2025-05-08', 425, 'xtb.com (4.25 % held in June 2025); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2025-08-07', 400, 'journal-news.com (AP: cut to 4 %); the-independent.com (held at 4 % on 6-11-2025); change date: background knowledge', 'VERIFY'),
  row('UK_BASE_RATE', '2025-12-18', 375, 'capitalpost.uk, chronicle.gi, econotimes.com (cut to 3.75 % on 18-12-2025)'),
  row('UK_BASE_RATE', '2026-06-18', 375, 'kept at 3.75 % on 18-6-2026: livesquawk.com, research.titanfx.com (also kept on 5-2-2026 and 19-3-2026)'),

  // ECB main refinancing rate on 1 January / 1 July (A.1). The 2023–2025 rows equal the handelsrente rows
  // above minus 8 pp, as BW 6:120 requires. (The Directive's +8 pp margin applies to late payments under
  // contracts from 16 March 2013.)
  row('ECB_MRO', '2013-01-01', 75, 'ECB decisions: background knowledge', 'VERIFY'),
  row('ECB_MRO', '2013-07-01', 50, 'ECB decisions: background knowledge', 'VERIFY'),
  row('ECB_MRO', '2014-01-01', 25, 'ECB decisions: background knowledge', 'VERIFY'),
  row('ECB_MRO', '2014-07-01', 15, 'ECB decisions: background knowledge', 'VERIFY'),
  row('ECB_MRO', '2015-01-01', 5, 'handelsrente 8.05 % − 8'),
  row('ECB_MRO', '2016-07-01', 0, 'statistiekvlaanderen.be (0 % since March 2016); breakinglatest.news (0.50 % only from 27-7-2022)'),
  row('ECB_MRO', '2023-01-01', 250, 'handelsrente 10.50 % − 8; abenslag.nl'),
  row('ECB_MRO', '2023-07-01', 400, 'handelsrente 12.00 % − 8; forexlive.com (4.00 % from 21-6-2023)'),
  row('ECB_MRO', '2024-01-01', 450, 'handelsrente 12.50 % − 8'),
  row('ECB_MRO', '2024-07-01', 425, 'handelsrente 12.25 % − 8; laragione.eu (4.25 % from 12-6-2024)'),
  row('ECB_MRO', '2025-01-01', 315, 'handelsrente 11.15 % − 8; fxstreet.com (3.15 % in December 2024)'),
  row('ECB_MRO', '2025-07-01', 215, ECB_2025_2026),
  row('ECB_MRO', '2026-01-01', 215, ECB_2025_2026),
  row('ECB_MRO', '2026-07-01', 240, ECB_JUNE_2026, 'VERIFY'),
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
  /** The row found is marked VERIFY: no source confirms it yet. */
  readonly verify?: true;
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
  return { kind, rateBp: found.rateBp, validFrom: found.validFrom, coveredUntil, isStale: date > coveredUntil, ...(found.verify && { verify: true as const }) };
}

function firstValidFrom(kind: ReferenceRateKind, table: ReferenceRateTable): IsoDate | undefined {
  return table.filter((rate) => rate.kind === kind).map((rate) => rate.validFrom).sort()[0];
}
