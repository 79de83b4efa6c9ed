import { luhnCheckDigit } from '../references/luhn';
import type { SeededRandom } from '../../random/seeded-random';

/**
 * Valid-looking identifiers for the demo and benchmark portfolios, with correct check digits (the tests
 * confirm each against `validateIdentifier`). They are random, so they may by chance belong to a real
 * company; the demo's company names are fictitious.
 */
function digits(random: SeededRandom, count: number): string {
  let text = '';
  for (let index = 0; index < count; index += 1) text += String(random.int(0, 9));
  return text;
}

export function generateKvkNumber(random: SeededRandom): string {
  return `${random.int(1, 9)}${digits(random, 7)}`;
}

/** An RSIN: 9 digits passing the 11-test (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11). */
export function generateRsin(random: SeededRandom): string {
  for (;;) {
    const first = `${random.int(1, 9)}${digits(random, 7)}`;
    const sum = [...first].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
    const check = sum % 11;
    if (check < 10) return `${first}${check}`;
  }
}

/** A Dutch VAT number of a legal entity: NL + RSIN + B01. */
export function generateNlVat(random: SeededRandom): string {
  return `NL${generateRsin(random)}B01`;
}

/** A Swedish aktiebolag's organisationsnummer (they start with 5), formatted NNNNNN-NNNN. */
export function generateSeOrgNr(random: SeededRandom): string {
  const first = `5${random.int(5, 9)}${random.int(2, 9)}${digits(random, 6)}`;
  const full = `${first}${luhnCheckDigit(first)}`;
  return `${full.slice(0, 6)}-${full.slice(6)}`;
}

/** The Swedish VAT number of an organisation: SE + the 10 digits + 01. */
export function seVatFromOrgNr(orgNr: string): string {
  return `SE${orgNr.replace('-', '')}01`;
}

/** A UK company number registered in England and Wales: 8 digits. */
export function generateGbCompanyNumber(random: SeededRandom): string {
  return `${random.pick(['0', '1'])}${digits(random, 7)}`;
}

/** A UK VAT number: 7 digits and two check digits making the weighted sum (8…2, then 10, 1) ≡ 0 mod 97. */
export function generateGbVat(random: SeededRandom): string {
  const base = `${random.int(1, 9)}${digits(random, 6)}`;
  const sum = [...base].reduce((total, digit, index) => total + Number(digit) * (8 - index), 0);
  const check = (97 - (sum % 97)) % 97;
  return `GB${base}${String(check).padStart(2, '0')}`;
}
