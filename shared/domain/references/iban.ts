import { mod97, mod97CheckDigits } from './iso7064-mod97';

/** IBAN lengths of the countries Kredo's customers bank in (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = { NL: 18, SE: 24, GB: 22, DE: 22, BE: 16, DK: 18, NO: 15, FI: 18, FR: 27 };

export function normaliseIban(iban: string): string {
  return iban.replace(/\s/g, '').toUpperCase();
}

/** An IBAN with the right length for its country and check digits that pass MOD 97-10. */
export function isValidIban(iban: string): boolean {
  const compact = normaliseIban(iban);
  const length = IBAN_LENGTHS[compact.slice(0, 2)];
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) || (length !== undefined && compact.length !== length)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** Builds an IBAN from a country code and the national account number (BBAN). */
export function createIban(country: string, bban: string): string {
  return `${country}${mod97CheckDigits(`${bban}${country}00`)}${bban}`;
}

/** Groups of four, as IBANs are printed: NL91 ABNA 0417 1643 00. */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
