import type { CompanyIdentifier } from './identifier-type';
import { countryOfVatNumber } from './company-keys';
import { validateIdentifier, type IdentifierProblem } from './validate-identifier';

/**
 * The numbers a controller can look a prospective customer up by (issue 18 item 3): the Dutch KvK number,
 * the Swedish organisationsnummer, a VAT number (Dutch, Swedish or British: the countries Kredo's policies
 * and identifiers cover, insurer-apis.md §1.7) and the UK Companies House number.
 */
export const PROSPECT_SCHEMES = ['NL_KVK', 'SE_ORGNR', 'VAT', 'GB_CRN'] as const;
export type ProspectScheme = (typeof PROSPECT_SCHEMES)[number];

/** Why a number was refused: `identifier.<problem>` in the portfolio namespace's new-customer texts. */
export type ProspectProblem = 'empty' | IdentifierProblem | 'vatCountry';

export type ProspectIdentifier = { readonly ok: true; readonly country: string; readonly identifier: CompanyIdentifier } | { readonly ok: false; readonly problem: ProspectProblem };

const COUNTRY_OF_SCHEME = { NL_KVK: 'NL', SE_ORGNR: 'SE', GB_CRN: 'GB' } as const;
/** Northern Ireland's XI numbers are UK VAT numbers (HMRC) and are checked as such. */
const VAT_TYPES = { NL: 'NL_VAT', SE: 'SE_VAT', GB: 'GB_VAT', XI: 'GB_VAT' } as const;

/**
 * Reads the number as typed (spaces, dots, dashes, lower case) into a normalised identifier and the
 * company's country, checking its form and check digits where the scheme has them (validate-identifier.ts):
 * a KvK and a Companies House number have none, an organisationsnummer and the VAT numbers do.
 */
export function readProspectIdentifier(scheme: ProspectScheme, input: string): ProspectIdentifier {
  if (input.trim() === '') return { ok: false, problem: 'empty' };
  if (scheme === 'VAT') {
    const prefix = input.replace(/[\s.\-/]/g, '').toUpperCase().slice(0, 2);
    const type = VAT_TYPES[prefix as keyof typeof VAT_TYPES];
    if (!type) return { ok: false, problem: /^[A-Z]{2}$/.test(prefix) && countryOfVatNumber(prefix) ? 'vatCountry' : 'invalidFormat' };
    const result = validateIdentifier(type, input);
    return result.isValid ? { ok: true, country: type.slice(0, 2), identifier: { type, value: result.value } } : { ok: false, problem: result.problem };
  }
  const result = validateIdentifier(scheme, input);
  return result.isValid ? { ok: true, country: COUNTRY_OF_SCHEME[scheme], identifier: { type: scheme, value: result.value } } : { ok: false, problem: result.problem };
}
