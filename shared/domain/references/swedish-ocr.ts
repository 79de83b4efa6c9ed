import { isLuhnValid, luhnCheckDigit } from './luhn';

/**
 * Swedish OCR references (Bankgirot, "OCR-referenskontroll"): 2–25 digits, the last a Luhn check digit.
 * Kredo issues them at Bankgirot's strictest control level, with a length digit before the check digit
 * (the total length mod 10, itself covered by the check). Bankgirot manual BG6070 §5.2, via banktools-se.
 */
export function createSwedishOcr(base: string): string {
  if (!/^\d{1,23}$/.test(base)) throw new RangeError('An OCR base is 1–23 digits');
  const lengthDigit = (base.length + 2) % 10;
  const withLength = `${base}${lengthDigit}`;
  return `${withLength}${luhnCheckDigit(withLength)}`;
}

/** Any valid OCR on import: correct check digit, 2–25 digits (the length digit is optional). */
export function isValidSwedishOcr(reference: string): boolean {
  const digits = reference.replace(/\s/g, '');
  return /^\d{2,25}$/.test(digits) && isLuhnValid(digits);
}

/** Whether an OCR also carries a correct length digit ("variabel längd" control). */
export function hasValidOcrLengthDigit(reference: string): boolean {
  const digits = reference.replace(/\s/g, '');
  return isValidSwedishOcr(digits) && digits.length >= 3 && Number(digits.at(-2)) === digits.length % 10;
}
