import { describe, expect, it } from 'vitest';
import type { CompanyIdentifier } from '../identifiers/identifier-type';
import { debtorsOfSameCompany } from './same-company';

const debtor = (id: string, identifiers: CompanyIdentifier[], aliases: CompanyIdentifier[] = []): { id: string; identifiers: CompanyIdentifier[]; aliases?: { identifiers: CompanyIdentifier[] } } => ({ id, identifiers, ...(aliases.length > 0 && { aliases: { identifiers: aliases } }) });

describe('a prospective customer that is already a debtor', () => {
  const book = [
    debtor('kvk', [{ type: 'NL_KVK', value: '34123456' }]),
    debtor('vat', [{ type: 'NL_VAT', value: 'NL813086188B01' }]),
    debtor('se', [{ type: 'SE_ORGNR', value: '556016-0680' }]),
    debtor('merged', [{ type: 'GB_CRN', value: '01234567' }], [{ type: 'GB_VAT', value: 'GB980780684' }]),
  ];

  it('is found by its registration or VAT number, under whatever customer number it is on the books', () => {
    expect(debtorsOfSameCompany([{ type: 'NL_KVK', value: '34123456' }], book).map((found) => found.id)).toEqual(['kvk']);
    expect(debtorsOfSameCompany([{ type: 'NL_VAT', value: 'NL813086188B01' }], book).map((found) => found.id)).toEqual(['vat']);
  });

  it('is found by the Swedish VAT number when the debtor has only the organisationsnummer it is made of', () => {
    expect(debtorsOfSameCompany([{ type: 'SE_VAT', value: 'SE556016068001' }], book).map((found) => found.id)).toEqual(['se']);
  });

  it('is found by a number a debtor merged into it was known by', () => {
    expect(debtorsOfSameCompany([{ type: 'GB_VAT', value: 'GB980780684' }], book).map((found) => found.id)).toEqual(['merged']);
  });

  it('is not found by another company’s number, nor a KvK number by the same digits as a Companies House number', () => {
    expect(debtorsOfSameCompany([{ type: 'NL_KVK', value: '01234567' }], book)).toEqual([]);
    expect(debtorsOfSameCompany([], book)).toEqual([]);
  });
});
