import { stdnum } from 'stdnum';
import type { CompanyIdentifier, IdentifierType } from './identifier-type';
import { isPeppolVatScheme, PEPPOL_GLN_SCHEME, PEPPOL_IDENTIFIER_SCHEMES, VAT_SCHEME } from './peppol-schemes';
import { validateIdentifier } from './validate-identifier';

/**
 * A company identifier in one comparable form, `FAMILY:value`: two sources name the same company when they
 * share a key. Every notation of a number gives the same key (`NL 8130.86.188.B01` and `NL813086188B01`), and
 * where one number is exactly made of another the two share it: a Swedish VAT number is SE + the
 * organisationsnummer + 01 (Skatteverket), so `SE556036079301`, `556036-0793` and `5560360793` are all
 * `SE_ORGNR:5560360793`. No other derivation is exact — a Dutch VAT number is no longer the RSIN plus B01
 * (sole traders have had a separate btw-id since 2020; a fiscal unity has its own), and a UK VAT number says
 * nothing of the Companies House number — so those are compared as themselves.
 */
export type CompanyKey = string;

/** A party identifier as an e-invoice states it: its Peppol scheme (ISO 6523 ICD, or `VAT`) and value. */
export interface PartyId {
  readonly scheme: string;
  readonly value: string;
}

/** What a source says about who a customer is; only numbers that pass their check become identifiers. */
export interface CompanyIdsInput {
  readonly vatNumbers?: readonly string[];
  readonly companyNumbers?: readonly string[];
  readonly partyIds?: readonly PartyId[];
  /** ISO 3166 country, when the source tells it: decides what a bare register number is. */
  readonly country?: string | undefined;
}

export interface CompanyIds {
  /** Identifiers of the types Kredo keeps (and insurers look buyers up by), normalised, one per value. */
  readonly identifiers: readonly CompanyIdentifier[];
  /** Other keys a party is known by: a GLN, another country's VAT number (`GLN:…`, `VAT:DE…`). */
  readonly partyKeys: readonly CompanyKey[];
}

export const keyFamily = (key: CompanyKey): string => key.slice(0, key.indexOf(':'));

/** The key of one identifier (see CompanyKey). */
export function keyOfIdentifier(identifier: CompanyIdentifier): CompanyKey {
  switch (identifier.type) {
    case 'SE_ORGNR':
      return `SE_ORGNR:${identifier.value.replace('-', '')}`;
    case 'SE_VAT':
      return `SE_ORGNR:${identifier.value.slice(2, 12)}`;
    default:
      return `${identifier.type}:${identifier.value}`;
  }
}

/** Every key of a debtor or a source: its identifiers' and its party keys. */
export function companyKeysOf(ids: CompanyIds): Set<CompanyKey> {
  return new Set([...ids.identifiers.map(keyOfIdentifier), ...ids.partyKeys]);
}

const VAT_TYPE: Readonly<Record<string, IdentifierType>> = { NL: 'NL_VAT', SE: 'SE_VAT', GB: 'GB_VAT', XI: 'GB_VAT' };
const compact = (text: string) => text.replace(/[\s.\-/]/g, '').toUpperCase();

/** VAT numbers start with the country code, except Greece's (EL). */
export function countryOfVatNumber(vatNumber: string): string | undefined {
  const prefix = compact(vatNumber).slice(0, 2);
  if (!/^[A-Z]{2}$/.test(prefix)) return undefined;
  return prefix === 'EL' ? 'GR' : prefix;
}

/** A GS1 GLN: 13 digits, the last a mod-10 check digit with weights 1 and 3 from the left (GS1 General Specifications §7.9). */
function isGln(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(value[index]) * (index % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(value[12]);
}

class Collector {
  readonly identifiers: CompanyIdentifier[] = [];
  readonly partyKeys: CompanyKey[] = [];

  identifier(type: IdentifierType, text: string): boolean {
    const result = validateIdentifier(type, text);
    if (!result.isValid) return false;
    if (!this.identifiers.some((known) => known.type === type && known.value === result.value)) this.identifiers.push({ type, value: result.value });
    return true;
  }

  key(key: CompanyKey): void {
    if (!this.partyKeys.includes(key)) this.partyKeys.push(key);
  }

  /** A VAT number of any country: Kredo's own types where it has them, else checked by that country's rule in stdnum. */
  vat(text: string): void {
    const country = countryOfVatNumber(text);
    if (!country) return;
    const type = VAT_TYPE[country];
    if (type) {
      this.identifier(type, text);
      return;
    }
    const prefix = country === 'GR' ? 'EL' : country;
    const result = stdnum[country]?.['vat']?.validate(compact(text));
    if (result?.isValid && result.compact) this.key(`VAT:${prefix}${result.compact.replace(new RegExp(`^${prefix}`), '')}`);
  }

  /**
   * A register number without a type: the country's register when the country is known, otherwise only a
   * form no other register has (ten digits: an organisationsnummer; nine: an RSIN; two letters and six
   * digits: a UK company). Eight digits alone could be a KvK or a Companies House number: left out.
   */
  companyNumber(text: string, country: string | undefined): void {
    const bare = compact(text);
    if (!bare) return;
    if (country === 'NL' && (this.identifier('NL_KVK', bare) || this.identifier('NL_RSIN', bare))) return;
    if (country === 'SE' && this.identifier('SE_ORGNR', bare)) return;
    if (country === 'GB' && this.identifier('GB_CRN', bare)) return;
    if (/^\d{10}$/.test(bare)) this.identifier('SE_ORGNR', bare);
    else if (/^\d{9}$/.test(bare)) this.identifier('NL_RSIN', bare);
    else if (/^[A-Z]{2}\d{6}$/.test(bare)) this.identifier('GB_CRN', bare);
  }

  partyId({ scheme, value }: PartyId): void {
    const type = PEPPOL_IDENTIFIER_SCHEMES[scheme];
    if (type) this.identifier(type, value);
    else if (scheme === PEPPOL_GLN_SCHEME) {
      if (isGln(compact(value))) this.key(`GLN:${compact(value)}`);
    } else if (scheme === VAT_SCHEME || isPeppolVatScheme(scheme)) this.vat(value);
    // Any other scheme, or none (the seller's own customer number), is no company identifier.
  }
}

/** Reads what a source says about a customer into identifiers and keys, leaving out what does not check out. */
export function readCompanyIds(input: CompanyIdsInput): CompanyIds {
  const collector = new Collector();
  for (const text of input.vatNumbers ?? []) collector.vat(text);
  const country = input.country || (input.vatNumbers ?? []).map(countryOfVatNumber).find(Boolean);
  for (const text of input.companyNumbers ?? []) collector.companyNumber(text, country);
  for (const partyId of input.partyIds ?? []) collector.partyId(partyId);
  return { identifiers: collector.identifiers, partyKeys: collector.partyKeys };
}
