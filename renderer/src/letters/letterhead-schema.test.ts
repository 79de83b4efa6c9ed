import { describe, expect, it } from 'vitest';
import { DEMO_CREDITOR } from '../data/dunning/creditor';
import { validateLetterhead } from './letterhead-schema';

const swedish = {
  name: 'Kyl & Frys i Umeå AB',
  addressLines: ['Storgatan 12', '', '903 26  UMEÅ'],
  country: 'se',
  registration: { scheme: 'orgnr', number: '5560160680' },
  vatNumber: 'se556016068001',
  iban: 'se45 5000 0000 0583 9825 7466',
  bic: 'eskdsess',
  bankgiro: '56781234',
  email: 'ekonomi@kylfrys.example',
  phone: '+46 90 12 34 56',
};

describe('the letterhead', () => {
  it('accepts the demo company as it is', () => {
    expect(validateLetterhead(DEMO_CREDITOR)).toEqual({ ok: true, value: DEMO_CREDITOR });
  });

  it('stores numbers in their normal form, and drops empty address lines', () => {
    const result = validateLetterhead(swedish);
    expect(result).toEqual({
      ok: true,
      value: { ...swedish, addressLines: ['Storgatan 12', '903 26  UMEÅ'], country: 'SE', registration: { scheme: 'orgnr', number: '556016-0680' }, vatNumber: 'SE556016068001', iban: 'SE4550000000058398257466', bic: 'ESKDSESS', bankgiro: '5678-1234' },
    });
  });

  it('names each wrong field: an IBAN with a wrong check digit, a Swedish register number failing Luhn, a broken BIC', () => {
    const result = validateLetterhead({ ...swedish, iban: 'SE46 5000 0000 0583 9825 7466', registration: { scheme: 'orgnr', number: '5560160681' }, bic: 'ESK', email: 'not mail', bankgiro: '12' });
    expect(result.ok ? [] : result.errors.map((error) => [error.field, error.code])).toEqual([
      ['iban', 'invalidIban'],
      ['bic', 'invalidBic'],
      ['bankgiro', 'invalidBankgiro'],
      ['email', 'invalid_format'],
    ]);
    const numbers = validateLetterhead({ ...swedish, registration: { scheme: 'orgnr', number: '5560160681' }, vatNumber: 'SE000' });
    expect(numbers.ok ? [] : numbers.errors.map((error) => [error.field, error.code])).toEqual([
      ['registration.number', 'invalidCheckDigit'],
      ['vatNumber', 'invalidFormat'],
    ]);
  });
});
