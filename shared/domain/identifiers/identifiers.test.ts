import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random/seeded-random';
import { generateGbCompanyNumber, generateGbVat, generateKvkNumber, generateNlVat, generateRsin, generateSeOrgNr, seVatFromOrgNr } from './generate-identifier';
import { validateIdentifier } from './validate-identifier';

describe('validateIdentifier', () => {
  it('accepts and normalises identifiers as people write them', () => {
    expect(validateIdentifier('NL_KVK', '6912 3456')).toEqual({ isValid: true, value: '69123456' });
    expect(validateIdentifier('NL_VAT', 'nl 8130.86.188.B01')).toEqual({ isValid: true, value: 'NL813086188B01' });
    expect(validateIdentifier('SE_ORGNR', '5560160680')).toEqual({ isValid: true, value: '556016-0680' });
    expect(validateIdentifier('SE_VAT', 'se556016068001')).toEqual({ isValid: true, value: 'SE556016068001' });
    expect(validateIdentifier('GB_VAT', 'GB 980 7806 84')).toEqual({ isValid: true, value: 'GB980780684' });
    expect(validateIdentifier('GB_CRN', '1234567')).toEqual({ isValid: true, value: '01234567' });
    expect(validateIdentifier('GB_CRN', 'sc123456')).toEqual({ isValid: true, value: 'SC123456' });
  });

  it('accepts the Dutch sole-trader VAT numbers introduced in 2020 (mod 97)', () => {
    expect(validateIdentifier('NL_VAT', 'NL000099998B57')).toEqual({ isValid: true, value: 'NL000099998B57' });
  });

  it('tells a wrong check digit from a wrong form', () => {
    expect(validateIdentifier('NL_VAT', 'NL813086189B01')).toEqual({ isValid: false, problem: 'invalidCheckDigit' });
    expect(validateIdentifier('SE_ORGNR', '556016-0681')).toEqual({ isValid: false, problem: 'invalidCheckDigit' });
    expect(validateIdentifier('GB_VAT', 'GB980780685')).toEqual({ isValid: false, problem: 'invalidCheckDigit' });
    expect(validateIdentifier('NL_KVK', '1234567')).toEqual({ isValid: false, problem: 'invalidFormat' });
    expect(validateIdentifier('SE_ORGNR', '556016068')).toEqual({ isValid: false, problem: 'invalidFormat' });
    expect(validateIdentifier('GB_CRN', 'XX123456')).toEqual({ isValid: false, problem: 'invalidFormat' });
    // The 12-digit VAT core is not an organisationsnummer (a common integration error).
    expect(validateIdentifier('SE_ORGNR', '556016068001')).toEqual({ isValid: false, problem: 'invalidFormat' });
  });
});

describe('generated identifiers', () => {
  it('always pass validation, unchanged by normalisation', () => {
    const random = seededRandom(2026);
    for (let run = 0; run < 300; run += 1) {
      const kvk = generateKvkNumber(random);
      const rsin = generateRsin(random);
      const nlVat = generateNlVat(random);
      const orgNr = generateSeOrgNr(random);
      const gbCrn = generateGbCompanyNumber(random);
      const gbVat = generateGbVat(random);
      expect(validateIdentifier('NL_KVK', kvk)).toEqual({ isValid: true, value: kvk });
      expect(validateIdentifier('NL_RSIN', rsin)).toEqual({ isValid: true, value: rsin });
      expect(validateIdentifier('NL_VAT', nlVat)).toEqual({ isValid: true, value: nlVat });
      expect(validateIdentifier('SE_ORGNR', orgNr)).toEqual({ isValid: true, value: orgNr });
      expect(validateIdentifier('SE_VAT', seVatFromOrgNr(orgNr))).toEqual({ isValid: true, value: seVatFromOrgNr(orgNr) });
      expect(validateIdentifier('GB_CRN', gbCrn)).toEqual({ isValid: true, value: gbCrn });
      expect(validateIdentifier('GB_VAT', gbVat)).toEqual({ isValid: true, value: gbVat });
    }
  });
});
