import type { IdentifierType } from '../../shared/domain/identifiers/identifier-type';
import { validateIdentifier } from '../../shared/domain/identifiers/validate-identifier';
import { badRequest, notFound } from './problem';
import type { SandboxCompany, SandboxState } from './sandbox-state';

/**
 * Buyer search (insurer-apis.md §3.2 `GET /v1/companies`): by KvK number, Swedish organisationsnummer,
 * UK company number or VAT number, in any of the ways people write them (spaces, dashes, lower case),
 * or by name. An identifier nobody matches is a 404 `no_buyer_match`.
 */
const ID_TYPES: Readonly<Record<string, IdentifierType | 'VAT'>> = {
  KVK: 'NL_KVK', NL_KVK: 'NL_KVK', SE_ORGNR: 'SE_ORGNR', ORGNR: 'SE_ORGNR', GB_CRN: 'GB_CRN', CRN: 'GB_CRN',
  VAT: 'VAT', NL_VAT: 'NL_VAT', SE_VAT: 'SE_VAT', GB_VAT: 'GB_VAT',
};

const VAT_BY_PREFIX: Readonly<Record<string, IdentifierType>> = { NL: 'NL_VAT', SE: 'SE_VAT', GB: 'GB_VAT' };

const fold = (text: string) => text.toLocaleLowerCase('en').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function findCompanies(state: SandboxState, query: URLSearchParams): SandboxCompany[] {
  const country = query.get('country')?.toUpperCase();
  const inCountry = (company: SandboxCompany) => !country || company.country === country;
  const idType = query.get('idType');
  const idValue = query.get('idValue');
  const name = query.get('name');
  if (idType !== null || idValue !== null) {
    const wanted = ID_TYPES[(idType ?? '').toUpperCase()];
    if (!wanted) throw badRequest('invalid_parameter', `idType must be one of ${Object.keys(ID_TYPES).join(', ')}.`, [{ code: 'invalid', detail: 'Unknown identifier type', source: { parameter: 'idType' } }]);
    if (!idValue) throw badRequest('invalid_parameter', 'idValue is required with idType.', [{ code: 'required', detail: 'Missing', source: { parameter: 'idValue' } }]);
    const compact = idValue.replace(/\s/g, '').toUpperCase();
    const type = wanted === 'VAT' ? VAT_BY_PREFIX[compact.slice(0, 2)] ?? VAT_BY_PREFIX[country ?? ''] : wanted;
    const checked = type ? validateIdentifier(type, idValue) : undefined;
    if (!type || !checked?.isValid) throw badRequest('invalid_identifier', `${idValue} is not a valid ${idType} number.`, [{ code: 'invalid_identifier', detail: 'Fails the format or check digits', source: { parameter: 'idValue' } }]);
    const matches = state.companies.filter((company) => inCountry(company) && company.identifiers.some((identifier) => identifier.type === type && identifier.value === checked.value));
    if (matches.length === 0) throw notFound('no_buyer_match', `No buyer with ${type} ${checked.value}.`);
    return matches;
  }
  if (name !== null) {
    const wanted = fold(name.trim());
    if (wanted.length < 2) throw badRequest('invalid_parameter', 'Search for at least two characters of the name.', [{ code: 'too_short', detail: 'At least 2 characters', source: { parameter: 'name' } }]);
    return state.companies.filter((company) => inCountry(company) && fold(company.legalName).includes(wanted));
  }
  throw badRequest('invalid_parameter', 'Search by idType and idValue, or by name.');
}
