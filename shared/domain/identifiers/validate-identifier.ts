import { stdnum, type Validator } from 'stdnum';
import type { IdentifierType } from './identifier-type';

/**
 * Why an identifier was refused; each is a key in the `errors` namespace (`identifier.<reason>`), so the
 * import report and the debtor form can say it in the user's language.
 */
export type IdentifierProblem = 'invalidFormat' | 'invalidCheckDigit';

export type IdentifierResult =
  | { readonly isValid: true; readonly value: string }
  | { readonly isValid: false; readonly problem: IdentifierProblem };

/** The validators Kredo relies on; looked up once, so a missing one fails loudly at start, not mid-import. */
function validator(country: string, name: string): Validator {
  const found = stdnum[country]?.[name];
  if (!found) throw new Error(`stdnum has no ${country}.${name} validator`);
  return found;
}

const VALIDATORS = {
  nlRsin: validator('NL', 'bsn'),
  nlVat: validator('NL', 'btw'),
  seOrgNr: validator('SE', 'orgnr'),
  seVat: validator('SE', 'vat'),
  gbVat: validator('GB', 'vat'),
};

const valid = (value: string): IdentifierResult => ({ isValid: true, value });
const invalid = (problem: IdentifierProblem): IdentifierResult => ({ isValid: false, problem });

function fromStdnum(result: { isValid: boolean; compact?: string; error?: { name: string } }, normalise: (compact: string) => string): IdentifierResult {
  if (result.isValid && result.compact !== undefined) return valid(normalise(result.compact));
  return invalid(result.error?.name === 'InvalidChecksum' ? 'invalidCheckDigit' : 'invalidFormat');
}

/**
 * Checks and normalises a company identifier as people type or export it (spaces, dots, dashes, lower
 * case). Check digits are verified by python-stdnum's well-kept JavaScript port `stdnum`:
 * NL VAT (mod 11 for legal entities, ISO 7064 mod 97 for sole traders since 2020), RSIN (11-test),
 * SE organisationsnummer and VAT (Luhn), GB VAT (mod 97, both the old and the "minus 55" series).
 * KvK numbers (8 digits) and UK company numbers (8 characters) carry no check digit, so only their
 * form is checked.
 *
 * Normalised forms: NL_KVK 8 digits; NL_RSIN 9 digits; NL_VAT `NL123456789B01`; SE_ORGNR `556016-0680`;
 * SE_VAT `SE556016068001`; GB_CRN 8 characters (`01234567`, `SC123456`); GB_VAT `GB980780684`.
 */
export function validateIdentifier(type: IdentifierType, input: string): IdentifierResult {
  const raw = input.trim();
  switch (type) {
    case 'NL_KVK': {
      const digits = raw.replace(/[\s.]/g, '');
      return /^\d{8}$/.test(digits) ? valid(digits) : invalid('invalidFormat');
    }
    case 'NL_RSIN': {
      const digits = raw.replace(/[\s.]/g, '');
      if (!/^\d{9}$/.test(digits)) return invalid('invalidFormat');
      return fromStdnum(VALIDATORS.nlRsin.validate(digits), (compact) => compact);
    }
    case 'NL_VAT':
      return fromStdnum(VALIDATORS.nlVat.validate(raw.toUpperCase()), (compact) => `NL${compact}`);
    case 'SE_ORGNR': {
      const digits = raw.replace(/[\s-]/g, '');
      if (!/^\d{10}$/.test(digits)) return invalid('invalidFormat');
      return fromStdnum(VALIDATORS.seOrgNr.validate(digits), (compact) => `${compact.slice(0, 6)}-${compact.slice(6)}`);
    }
    case 'SE_VAT':
      return fromStdnum(VALIDATORS.seVat.validate(raw.toUpperCase()), (compact) => `SE${compact}`);
    case 'GB_CRN': {
      const compact = raw.replace(/\s/g, '').toUpperCase();
      if (/^\d{1,8}$/.test(compact)) return valid(compact.padStart(8, '0'));
      return /^(SC|NI|OC|SO|NC|LP|SL|NL|R0|IP|SP|RC|SR|NP|NO|FC|GE|GN|GS|ES|SE|SG|NR|RS)\d{6}$/.test(compact) ? valid(compact) : invalid('invalidFormat');
    }
    case 'GB_VAT':
      return fromStdnum(VALIDATORS.gbVat.validate(raw.toUpperCase()), (compact) => `GB${compact}`);
  }
}
