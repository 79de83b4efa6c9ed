import { describe, expect, it } from 'vitest';
import { createBetalingskenmerk, formatBetalingskenmerk, isValidBetalingskenmerk } from './betalingskenmerk';
import { isLuhnValid, luhnCheckDigit } from './luhn';
import { createRfReference, formatRfReference, isValidRfReference } from './rf-creditor-reference';
import { createSwedishOcr, hasValidOcrLengthDigit, isValidSwedishOcr } from './swedish-ocr';
import { seededRandom } from '../../random/seeded-random';

// Vectors from ../shared/reference/law-and-formats.md, part B.3–B.5 (recomputed there from the specs).
describe('betalingskenmerk', () => {
  it('accepts the reference vectors and rejects the known test-data number', () => {
    expect(isValidBetalingskenmerk('5000056789012345')).toBe(true);
    expect(isValidBetalingskenmerk('12 2345 3462 2567')).toBe(true);
    expect(isValidBetalingskenmerk('5200150700013379')).toBe(true);
    expect(isValidBetalingskenmerk('6390338414964113')).toBe(true);
    expect(isValidBetalingskenmerk('5010012368971337')).toBe(false);
  });

  it('accepts 7 digits without a check and refuses 8 and 15 digits', () => {
    expect(isValidBetalingskenmerk('1234567')).toBe(true);
    expect(isValidBetalingskenmerk('12345678')).toBe(false);
    expect(isValidBetalingskenmerk('123456789012345')).toBe(false);
  });

  it('creates 16-digit references that validate, and groups them for print', () => {
    expect(createBetalingskenmerk('000056789012345')).toBe('5000056789012345');
    expect(formatBetalingskenmerk('5000056789012345')).toBe('5000 0567 8901 2345');
    const random = seededRandom(7);
    for (let run = 0; run < 500; run += 1) {
      const reference = createBetalingskenmerk(String(random.int(1, 999_999_999)));
      expect(isValidBetalingskenmerk(reference), reference).toBe(true);
    }
    // A wrong check digit is caught (the scheme folds 10 into 1, so not every other one-digit slip is).
    expect(isValidBetalingskenmerk('6000056789012345')).toBe(false);
  });
});

describe('RF creditor reference (ISO 11649)', () => {
  it('creates and accepts the reference vectors', () => {
    expect(createRfReference('AB2G59X56V543')).toBe('RF19AB2G59X56V543');
    expect(createRfReference('539007547034')).toBe('RF18539007547034');
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('rf19ab2g59x56v543')).toBe(true);
    expect(formatRfReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  it('rejects wrong check digits, bad characters and over-long references', () => {
    expect(isValidRfReference('RF17539007547034')).toBe(false);
    expect(isValidRfReference('RF18539007547035')).toBe(false);
    expect(isValidRfReference('RF18-5390')).toBe(false);
    expect(isValidRfReference(`RF00${'1'.repeat(22)}`)).toBe(false);
  });
});

describe('Swedish OCR', () => {
  it('follows the vectors for check and length digits', () => {
    expect(luhnCheckDigit('123')).toBe(0);
    expect(createSwedishOcr('123')).toBe('12351');
    expect(createSwedishOcr('1230')).toBe('123067');
    for (const valid of ['18108401345678778', '1018966492531', '03368912618', '1202951008', '1636976', '1230', '12351']) {
      expect(isValidSwedishOcr(valid), valid).toBe(true);
    }
    expect(hasValidOcrLengthDigit('12351')).toBe(true);
    expect(hasValidOcrLengthDigit('1230')).toBe(false);
    expect(isValidSwedishOcr('12352')).toBe(false);
    expect(isValidSwedishOcr('1')).toBe(false);
  });

  it('validates Bankgiro and Plusgiro numbers with the same Luhn rule', () => {
    expect(isLuhnValid('54029681')).toBe(true);
    expect(isLuhnValid('2865434')).toBe(true);
    expect(isLuhnValid('2865435')).toBe(false);
  });

  it('creates OCRs that carry both digits, for any base', () => {
    const random = seededRandom(11);
    for (let run = 0; run < 500; run += 1) {
      const ocr = createSwedishOcr(String(random.int(1, 99_999_999)));
      expect(hasValidOcrLengthDigit(ocr), ocr).toBe(true);
    }
  });
});

describe('IBAN', () => {
  it('accepts well-known example IBANs and rejects a changed digit', async () => {
    const { isValidIban, createIban, formatIban } = await import('./iban');
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('GB29 NWBK 6016 1331 9268 19')).toBe(true);
    expect(isValidIban('SE45 5000 0000 0583 9825 7466')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 01')).toBe(false);
    expect(isValidIban('NL91 ABNA 0417 1643')).toBe(false);
    expect(createIban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
    expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
