import type { IdentifierType } from './identifier-type';

/**
 * Peppol party identifiers carry their scheme as an ISO 6523 ICD code in `@schemeID` (EN 16931 BT-46,
 * BT-47, BT-49; the codes from the OpenPeppol "Participant identifier schemes" code list). The ones that are
 * a company identifier Kredo knows, as that type: 0106 Dutch Chamber of Commerce (KvK), 0007 Swedish
 * organisationsnummer, 9944 / 9955 / 9932 the Dutch, Swedish and UK VAT numbers.
 */
export const PEPPOL_IDENTIFIER_SCHEMES: Readonly<Record<string, IdentifierType>> = {
  '0106': 'NL_KVK',
  '0007': 'SE_ORGNR',
  '9944': 'NL_VAT',
  '9955': 'SE_VAT',
  '9932': 'GB_VAT',
};

/** 0088: a GS1 Global Location Number, 13 digits with a GS1 check digit; it names a party, not a company. */
export const PEPPOL_GLN_SCHEME = '0088';

/**
 * The other Peppol VAT schemes (99xx, one per country: 9930 Germany, 9925 Belgium, …): their values start
 * with the country prefix, so the number is read as a VAT number of that country.
 */
export const isPeppolVatScheme = (scheme: string): boolean => /^99\d\d$/.test(scheme);

/** The scheme a UBL party's VAT number (cac:PartyTaxScheme with cac:TaxScheme/cbc:ID "VAT") is given here. */
export const VAT_SCHEME = 'VAT';
