/**
 * ISO 11649 RF creditor reference: "RF", two check digits and up to 21 letters or digits. Checked like an
 * IBAN (ISO 7064 mod 97-10): the first four characters move to the end, letters become 10–35, and the
 * number mod 97 must be 1.
 */
import { mod97, mod97CheckDigits } from './iso7064-mod97';

function normalise(reference: string): string {
  return reference.replace(/\s/g, '').toUpperCase();
}

export function isValidRfReference(reference: string): boolean {
  const compact = normalise(reference);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

export function createRfReference(base: string): string {
  const compact = normalise(base);
  if (!/^[A-Z0-9]{1,21}$/.test(compact)) throw new RangeError('An RF reference base is 1–21 letters or digits');
  return `RF${mod97CheckDigits(`${compact}RF00`)}${compact}`;
}

/** Groups of four for printing: RF18 5390 0754 7034. */
export function formatRfReference(reference: string): string {
  return normalise(reference).replace(/(.{4})(?=.)/g, '$1 ');
}
