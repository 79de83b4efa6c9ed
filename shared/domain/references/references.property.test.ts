import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBetalingskenmerk, formatBetalingskenmerk, isValidBetalingskenmerk } from './betalingskenmerk';
import { isLuhnValid, luhnCheckDigit } from './luhn';
import { createRfReference, formatRfReference, isValidRfReference } from './rf-creditor-reference';
import { createSwedishOcr, hasValidOcrLengthDigit, isValidSwedishOcr } from './swedish-ocr';

/**
 * What the check digits promise (law-and-formats.md B.3–B.5), for any reference rather than the vectors
 * alone (those are in references.test.ts): what Kredo creates validates, and a slip a payer makes typing it
 * into a banking app is caught as far as each scheme can catch it. A caught slip matters to matching:
 * a wrong reference then falls back to invoice number, account and name instead of paying the wrong invoice.
 */
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const alphanumerics = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: min, maxLength: max });

/** `text` with the character at `position` replaced by a different one of the same class. */
function substitute(text: string, position: number, shift: number): string {
  const index = position % text.length;
  const char = text[index]!;
  const alphabet = /\d/.test(char) ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const other = alphabet[(alphabet.indexOf(char) + 1 + (shift % (alphabet.length - 1))) % alphabet.length]!;
  return `${text.slice(0, index)}${other}${text.slice(index + 1)}`;
}

describe('Luhn (Swedish OCR, Bankgiro, Plusgiro)', () => {
  it('makes any number valid with its check digit, and catches every one-digit slip', () => {
    fc.assert(
      fc.property(digits(1, 24), fc.nat(), fc.nat(), (number, position, shift) => {
        const withCheck = `${number}${luhnCheckDigit(number)}`;
        expect(isLuhnValid(withCheck)).toBe(true);
        expect(isLuhnValid(substitute(withCheck, position, shift))).toBe(false);
      }),
    );
  });

  it('catches two neighbouring digits swapped, except 09 and 90', () => {
    fc.assert(
      fc.property(digits(2, 24), fc.nat(), (number, position) => {
        const withCheck = `${number}${luhnCheckDigit(number)}`;
        const index = position % (withCheck.length - 1);
        const [a, b] = [withCheck[index]!, withCheck[index + 1]!];
        fc.pre(a !== b && `${a}${b}` !== '09' && `${a}${b}` !== '90');
        expect(isLuhnValid(`${withCheck.slice(0, index)}${b}${a}${withCheck.slice(index + 2)}`)).toBe(false);
      }),
    );
  });

  it('gives OCR references made by Kredo both a length digit and a check digit', () => {
    fc.assert(
      fc.property(digits(1, 23), fc.nat(), fc.nat(), (base, position, shift) => {
        const ocr = createSwedishOcr(base);
        expect(ocr.startsWith(base) && hasValidOcrLengthDigit(ocr)).toBe(true);
        expect(isValidSwedishOcr(substitute(ocr, position, shift))).toBe(false);
      }),
    );
  });
});

describe('betalingskenmerk (weighted modulus 11)', () => {
  it('makes a valid 16-digit reference of any base, printed or not', () => {
    fc.assert(
      fc.property(digits(1, 15), (base) => {
        const reference = createBetalingskenmerk(base);
        expect(reference).toMatch(/^\d{16}$/);
        expect(reference.endsWith(base)).toBe(true);
        expect(isValidBetalingskenmerk(reference) && isValidBetalingskenmerk(formatBetalingskenmerk(reference))).toBe(true);
      }),
    );
  });

  it('catches every one-digit slip unless the check digit is 1, where the scheme folds 10 onto 1', () => {
    fc.assert(
      fc.property(digits(1, 15), fc.nat(), fc.nat(), (base, position, shift) => {
        const reference = createBetalingskenmerk(base);
        const slipped = substitute(reference, position, shift);
        if (isValidBetalingskenmerk(slipped)) expect(reference[0]).toBe('1');
      }),
    );
    // The fold is real: weighted sums of 10 (5 × 2) and 12 (6 × 2) both give check digit 1.
    expect(isValidBetalingskenmerk('1000000000000005')).toBe(true);
    expect(isValidBetalingskenmerk('1000000000000006')).toBe(true);
  });
});

describe('RF creditor reference (ISO 7064 mod 97-10)', () => {
  it('makes any base of letters and digits valid, and catches every one-character slip in it', () => {
    fc.assert(
      fc.property(alphanumerics(1, 21), fc.nat(), fc.nat(), (base, position, shift) => {
        const reference = createRfReference(base);
        expect(isValidRfReference(reference) && isValidRfReference(formatRfReference(reference))).toBe(true);
        expect(isValidRfReference(`${reference.slice(0, 4)}${substitute(base, position, shift)}`)).toBe(false);
      }),
    );
  });
});
