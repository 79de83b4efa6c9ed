import { createBetalingskenmerk, formatBetalingskenmerk, isValidBetalingskenmerk } from './betalingskenmerk';
import { createRfReference, formatRfReference, isValidRfReference } from './rf-creditor-reference';
import { createSwedishOcr, isValidSwedishOcr } from './swedish-ocr';

/**
 * The payment reference of one letter (issue 16, item 6), in the scheme the payer's own bank knows: a
 * Dutch payer's bank has a field for the betalingskenmerk (Betaalvereniging, law-and-formats.md B.3), a
 * Swedish payer pays a bankgiro with an OCR number (Bankgirot BG6070 §5.2, B.5), and everyone else gets the
 * ISO 11649 RF creditor reference that SEPA banks carry in `Strd/CdtrRefInf` (B.4).
 *
 * The reference is made from the letter's number, which Kredo keeps unique, so it identifies exactly one
 * letter — and through it exactly the invoices that letter listed — and the same number always gives the
 * same reference.
 */
export type PaymentReferenceScheme = 'betalingskenmerk' | 'ocr' | 'rf';

export interface LetterPaymentReference {
  readonly scheme: PaymentReferenceScheme;
  /** Without spaces, as banks return it in `CdtrRefInf/Ref` and as it is looked up. */
  readonly reference: string;
  /** As printed on the letter: groups of four for betalingskenmerk and RF; an OCR is printed whole, as on a bankgiro slip. */
  readonly printed: string;
}

/** The highest letter number: a betalingskenmerk has room for 15 digits after its check digit. */
export const MAX_LETTER_NUMBER = 999_999_999_999_999;

/**
 * Short numbers are padded so that every reference reads as a reference (at least 10 digits for an OCR,
 * 16 for a betalingskenmerk) and is long enough for the remittance scan to pick up from free text.
 */
const MIN_BASE_DIGITS = 8;

export function paymentReferenceScheme(payerCountry: string): PaymentReferenceScheme {
  const country = payerCountry.toUpperCase();
  return country === 'NL' ? 'betalingskenmerk' : country === 'SE' ? 'ocr' : 'rf';
}

export function letterPaymentReference(payerCountry: string, letterNumber: number): LetterPaymentReference {
  if (!Number.isSafeInteger(letterNumber) || letterNumber < 1 || letterNumber > MAX_LETTER_NUMBER) {
    throw new RangeError('A letter number is a whole number from 1 to 15 digits');
  }
  const base = String(letterNumber).padStart(MIN_BASE_DIGITS, '0');
  const scheme = paymentReferenceScheme(payerCountry);
  if (scheme === 'betalingskenmerk') {
    const reference = createBetalingskenmerk(base);
    return { scheme, reference, printed: formatBetalingskenmerk(reference) };
  }
  if (scheme === 'ocr') {
    // Bankgirot's strictest control level: a length digit and a check digit (swedish-ocr.ts).
    const reference = createSwedishOcr(base);
    return { scheme, reference, printed: reference };
  }
  const reference = createRfReference(base);
  return { scheme, reference, printed: formatRfReference(reference) };
}

/**
 * Which scheme a reference a payer quoted is valid under, spaces and case aside; undefined when its check
 * digits are wrong under every scheme. A 16-digit number can be valid as both a betalingskenmerk and an
 * OCR: both are returned, in that order, and the caller looks each up against the letters it holds.
 */
export function validPaymentReferenceSchemes(quoted: string): PaymentReferenceScheme[] {
  const compact = quoted.replace(/\s/g, '').toUpperCase();
  const schemes: PaymentReferenceScheme[] = [];
  if (compact.startsWith('RF')) return isValidRfReference(compact) ? ['rf'] : [];
  if (/^\d{16}$/.test(compact) && isValidBetalingskenmerk(compact)) schemes.push('betalingskenmerk');
  if (isValidSwedishOcr(compact)) schemes.push('ocr');
  return schemes;
}
