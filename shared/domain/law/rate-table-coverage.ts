import type { IsoDate } from '../../time/iso-date';
import { BUILT_IN_REFERENCE_RATES, lookupReferenceRate, type ReferenceRateKind, type ReferenceRateTable } from './reference-rates';

/** The rates dunning letters claim interest by: Dutch handelsrente, the Riksbank's, the Bank of England's and the ECB's. */
const LETTER_RATE_KINDS: readonly ReferenceRateKind[] = ['NL_HANDELSRENTE', 'SE_REFERENSRANTA', 'UK_BASE_RATE', 'ECB_MRO'];

export interface StaleRateTable {
  readonly kind: ReferenceRateKind;
  /** The last day the table knows the rate for; after it the last known rate is carried forward. */
  readonly coveredUntil: IsoDate;
}

/**
 * The rate tables that end before `today`. Each rate is set per half-year; a half-year without its row
 * gets the last known rate, which may be wrong, so the controller is told before letters claim interest.
 */
export function staleRateTables(today: IsoDate, table: ReferenceRateTable = BUILT_IN_REFERENCE_RATES): StaleRateTable[] {
  return LETTER_RATE_KINDS.map((kind) => lookupReferenceRate(kind, today, table))
    .filter((lookup) => lookup.isStale)
    .map(({ kind, coveredUntil }) => ({ kind, coveredUntil }));
}
