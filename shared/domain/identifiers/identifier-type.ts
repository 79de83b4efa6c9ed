/**
 * The company identifiers Kredo knows, per country (insurer-apis.md §1.7). Insurers look buyers up by
 * these; the insurer's own buyer id is stored beside them once known.
 */
export const IDENTIFIER_TYPES = ['NL_KVK', 'NL_RSIN', 'NL_VAT', 'SE_ORGNR', 'SE_VAT', 'GB_CRN', 'GB_VAT'] as const;

export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface CompanyIdentifier {
  readonly type: IdentifierType;
  /** The normalised form (see `validateIdentifier`). */
  readonly value: string;
}
