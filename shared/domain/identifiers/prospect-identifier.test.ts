import { describe, expect, it } from 'vitest';
import { readProspectIdentifier } from './prospect-identifier';

describe('the number a prospective customer is looked up by', () => {
  it('takes a KvK number however it is typed, with the Netherlands as its country, and refuses other lengths', () => {
    expect(readProspectIdentifier('NL_KVK', ' 3412.3456 ')).toEqual({ ok: true, country: 'NL', identifier: { type: 'NL_KVK', value: '34123456' } });
    expect(readProspectIdentifier('NL_KVK', '3412345')).toEqual({ ok: false, problem: 'invalidFormat' });
    expect(readProspectIdentifier('NL_KVK', '  ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('checks an organisationsnummer’s Luhn digit', () => {
    expect(readProspectIdentifier('SE_ORGNR', '5560160680')).toEqual({ ok: true, country: 'SE', identifier: { type: 'SE_ORGNR', value: '556016-0680' } });
    expect(readProspectIdentifier('SE_ORGNR', '556016-0681')).toEqual({ ok: false, problem: 'invalidCheckDigit' });
    expect(readProspectIdentifier('SE_ORGNR', '55601606')).toEqual({ ok: false, problem: 'invalidFormat' });
  });

  it('reads a VAT number’s country from its prefix and checks its digits; another country’s VAT number is named as such', () => {
    expect(readProspectIdentifier('VAT', 'nl 8130.86.188.B01')).toEqual({ ok: true, country: 'NL', identifier: { type: 'NL_VAT', value: 'NL813086188B01' } });
    expect(readProspectIdentifier('VAT', 'SE556016068001')).toEqual({ ok: true, country: 'SE', identifier: { type: 'SE_VAT', value: 'SE556016068001' } });
    expect(readProspectIdentifier('VAT', 'GB 980 7806 84')).toEqual({ ok: true, country: 'GB', identifier: { type: 'GB_VAT', value: 'GB980780684' } });
    expect(readProspectIdentifier('VAT', 'NL813086189B01')).toEqual({ ok: false, problem: 'invalidCheckDigit' });
    expect(readProspectIdentifier('VAT', 'DE136695976')).toEqual({ ok: false, problem: 'vatCountry' });
    expect(readProspectIdentifier('VAT', '813086188B01')).toEqual({ ok: false, problem: 'invalidFormat' });
  });

  it('takes a Companies House number with or without its leading zeros, and a Scottish one by its prefix', () => {
    expect(readProspectIdentifier('GB_CRN', '1234567')).toEqual({ ok: true, country: 'GB', identifier: { type: 'GB_CRN', value: '01234567' } });
    expect(readProspectIdentifier('GB_CRN', 'sc123456')).toEqual({ ok: true, country: 'GB', identifier: { type: 'GB_CRN', value: 'SC123456' } });
    expect(readProspectIdentifier('GB_CRN', 'XX123456')).toEqual({ ok: false, problem: 'invalidFormat' });
  });
});
