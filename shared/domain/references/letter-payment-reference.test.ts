import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBetalingskenmerk } from './betalingskenmerk';
import { letterPaymentReference, MAX_LETTER_NUMBER, paymentReferenceScheme, validPaymentReferenceSchemes } from './letter-payment-reference';
import { isValidRfReference } from './rf-creditor-reference';
import { hasValidOcrLengthDigit, isValidSwedishOcr } from './swedish-ocr';

/**
 * A letter's own payment reference (issue 16, item 6). The published numbers come from
 * ../shared/reference/law-and-formats.md: B.3 (Betaalvereniging, "Specificaties betalingskenmerk":
 * 5000056789012345), B.4 (ISO 11649 as implemented by python-stdnum iso11649 and the Swiss QR-bill tests:
 * RF18539007547034) and B.5 (Bankgirot BG6070 §5.2 via banktools-se and ocrgenerator: 18108401345678778, an
 * OCR with length digit 7 and check digit 8).
 */
describe('letterPaymentReference', () => {
  it('chooses the scheme of the payer’s bank: betalingskenmerk in the Netherlands, OCR in Sweden, RF elsewhere', () => {
    expect(paymentReferenceScheme('NL')).toBe('betalingskenmerk');
    expect(paymentReferenceScheme('se')).toBe('ocr');
    expect(paymentReferenceScheme('GB')).toBe('rf');
    expect(paymentReferenceScheme('DE')).toBe('rf');
  });

  it('gives the published example numbers for the letter numbers they encode', () => {
    expect(letterPaymentReference('NL', 56_789_012_345)).toEqual({ scheme: 'betalingskenmerk', reference: '5000056789012345', printed: '5000 0567 8901 2345' });
    expect(letterPaymentReference('BE', 539_007_547_034)).toEqual({ scheme: 'rf', reference: 'RF18539007547034', printed: 'RF18 5390 0754 7034' });
    expect(letterPaymentReference('SE', 181_084_013_456_787)).toEqual({ scheme: 'ocr', reference: '18108401345678778', printed: '18108401345678778' });
  });

  it('pads a young store’s first letters to a full-length reference', () => {
    const first = letterPaymentReference('NL', 1);
    expect(first.reference).toMatch(/^\d{16}$/);
    expect(isValidBetalingskenmerk(first.reference)).toBe(true);
    expect(letterPaymentReference('SE', 1).reference).toHaveLength(10);
    expect(letterPaymentReference('GB', 1).reference).toMatch(/^RF\d{2}00000001$/);
  });

  it('refuses a letter number it cannot encode', () => {
    expect(() => letterPaymentReference('NL', 0)).toThrow(RangeError);
    expect(() => letterPaymentReference('NL', 1.5)).toThrow(RangeError);
    expect(() => letterPaymentReference('NL', MAX_LETTER_NUMBER + 1)).toThrow(RangeError);
  });

  const letterNumber = fc.integer({ min: 1, max: MAX_LETTER_NUMBER });
  const country = fc.constantFrom('NL', 'SE', 'GB', 'DE', 'FR');

  it('makes a reference that validates under its own scheme, printed or not', () => {
    fc.assert(
      fc.property(country, letterNumber, (payerCountry, number) => {
        const { scheme, reference, printed } = letterPaymentReference(payerCountry, number);
        expect(validPaymentReferenceSchemes(reference)).toContain(scheme);
        expect(validPaymentReferenceSchemes(printed)).toContain(scheme);
        if (scheme === 'ocr') expect(hasValidOcrLengthDigit(reference)).toBe(true);
        if (scheme === 'rf') expect(isValidRfReference(printed)).toBe(true);
      }),
    );
  });

  it('gives two different letters two different references in every scheme', () => {
    fc.assert(
      fc.property(country, letterNumber, letterNumber, (payerCountry, a, b) => {
        fc.pre(a !== b);
        expect(letterPaymentReference(payerCountry, a).reference).not.toBe(letterPaymentReference(payerCountry, b).reference);
      }),
    );
  });

  /** `text` with the digit at `position` replaced by another digit. */
  const changeDigit = (text: string, position: number, shift: number) => {
    const digit = (Number(text[position]) + 1 + (shift % 9)) % 10;
    return `${text.slice(0, position)}${digit}${text.slice(position + 1)}`;
  };
  const swap = (text: string, position: number) => `${text.slice(0, position)}${text[position + 1]}${text[position]}${text.slice(position + 2)}`;

  it('rejects an OCR with any one digit changed, or two unequal neighbours swapped (Luhn misses only 09 ↔ 90)', () => {
    fc.assert(
      fc.property(letterNumber, fc.nat(), fc.nat(), (number, position, shift) => {
        const ocr = letterPaymentReference('SE', number).reference;
        expect(isValidSwedishOcr(changeDigit(ocr, position % ocr.length, shift))).toBe(false);
        const at = position % (ocr.length - 1);
        const pair = ocr.slice(at, at + 2);
        fc.pre(pair[0] !== pair[1] && pair !== '09' && pair !== '90');
        expect(isValidSwedishOcr(swap(ocr, at))).toBe(false);
      }),
    );
  });

  it('rejects a betalingskenmerk with one digit changed or two data digits swapped, unless its check digit is 1 (the 10 → 1 fold)', () => {
    fc.assert(
      fc.property(letterNumber, fc.nat(), fc.nat(), (number, position, shift) => {
        const reference = letterPaymentReference('NL', number).reference;
        fc.pre(reference[0] !== '1');
        expect(isValidBetalingskenmerk(changeDigit(reference, position % 16, shift))).toBe(false);
        // Weights 2^n mod 11 differ between neighbours, so a swap of two unequal data digits moves the sum.
        const at = 1 + (position % 14);
        fc.pre(reference[at] !== reference[at + 1]);
        expect(isValidBetalingskenmerk(swap(reference, at))).toBe(false);
      }),
    );
  });

  it('reads a quoted reference with spaces and in lower case, and knows a wrong check digit', () => {
    expect(validPaymentReferenceSchemes('5000 0567 8901 2345')).toContain('betalingskenmerk');
    expect(validPaymentReferenceSchemes('rf18 5390 0754 7034')).toEqual(['rf']);
    expect(validPaymentReferenceSchemes('RF17 5390 0754 7034')).toEqual([]);
    expect(validPaymentReferenceSchemes('5010012368971337')).not.toContain('betalingskenmerk');
  });
});
