import type { IsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES, lookupReferenceRate, rateReferenceDay, type ReferenceRateKind, type ReferenceRateTable } from './reference-rates';

/** The rates dunning letters claim interest by: Dutch handelsrente, the Riksbank's, the Bank of England's and the ECB's. */
export const LETTER_RATE_KINDS = ['NL_HANDELSRENTE', 'SE_REFERENSRANTA', 'UK_BASE_RATE', 'ECB_MRO'] as const satisfies readonly ReferenceRateKind[];
export type LetterRateKind = (typeof LETTER_RATE_KINDS)[number];

export interface StaleRateTable {
  readonly kind: LetterRateKind;
  /** The last day the table knows the rate for; after it the last known rate is carried forward. */
  readonly coveredUntil: IsoDate;
}

/**
 * The rate tables that do not cover the rate a letter written `today` would use. Each rate is set per
 * half-year (for the Bank of England: Bank Rate on the day before it); a half-year without its row gets
 * the last known rate, which may be wrong, so the controller is told before letters claim interest.
 */
export function staleRateTables(today: IsoDate, table: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): StaleRateTable[] {
  return LETTER_RATE_KINDS.map((kind) => ({ kind, lookup: lookupReferenceRate(kind, rateReferenceDay(kind, today), table) }))
    .filter(({ lookup }) => lookup.isStale)
    .map(({ kind, lookup }) => ({ kind, coveredUntil: lookup.coveredUntil }));
}

export interface UnconfirmedRate {
  readonly kind: LetterRateKind;
  readonly validFrom: IsoDate;
  readonly rateBp: number;
}

/** The rates in force for a letter written `today` that no source confirms yet (rows marked VERIFY). */
export function unconfirmedRatesInForce(today: IsoDate, table: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): UnconfirmedRate[] {
  return LETTER_RATE_KINDS.map((kind) => ({ kind, lookup: lookupReferenceRate(kind, rateReferenceDay(kind, today), table) }))
    .filter(({ lookup }) => lookup.verify && !lookup.isStale)
    .map(({ kind, lookup }) => ({ kind, validFrom: lookup.validFrom, rateBp: lookup.rateBp }));
}
