import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../time/iso-date';
import { readCompanyIds, type CompanyIdsInput } from '../identifiers/company-keys';
import type { Debtor } from './debtor';
import { DebtorDirectory } from './debtor-directory';

function debtor(id: string, customerCode: string, fields: Partial<Debtor> = {}): Debtor {
  return {
    id, customerCode, name: `Debtor ${customerCode}`, country: 'NL', currency: 'EUR', paymentTermsDays: 30, language: 'nl', jurisdiction: 'NL',
    identifiers: [], contacts: [], segment: '', createdOn: '2026-01-01' as IsoDate, ...fields,
  };
}

const bakker = debtor('erp-1001', '1001', { identifiers: [{ type: 'NL_KVK', value: '69123456' }, { type: 'NL_VAT', value: 'NL813086188B01' }] });
const lindqvist = debtor('erp-1003', '1003', { country: 'SE', identifiers: [{ type: 'SE_ORGNR', value: '556036-0793' }] });
const source = (customerCode: string, ids: CompanyIdsInput = {}) => ({ customerCode, ...readCompanyIds(ids) });

describe('finding the debtor an import means', () => {
  it('finds a debtor by its customer code, or by any identifier when the source carries another code', () => {
    const directory = new DebtorDirectory([bakker, lindqvist]);
    expect(directory.find(source('1003'))).toEqual({ kind: 'known', debtorId: 'erp-1003', by: 'customerCode' });
    // A UBL credit note whose buyer has only a VAT number: its "customer code" is that VAT number.
    expect(directory.find(source('NL813086188B01', { vatNumbers: ['NL 8130.86.188.B01'] }))).toEqual({ kind: 'known', debtorId: 'erp-1001', by: 'identifier', key: 'NL_VAT:NL813086188B01' });
    expect(directory.find(source('SE556036079301', { partyIds: [{ scheme: '9955', value: 'SE556036079301' }] }))).toMatchObject({ kind: 'known', debtorId: 'erp-1003', by: 'identifier' });
    expect(directory.find(source('1099', { companyNumbers: ['12345678'], country: 'NL' }))).toEqual({ kind: 'unknown' });
  });

  it('reports identifiers that contradict the customer code instead of choosing one', () => {
    const directory = new DebtorDirectory([bakker, lindqvist]);
    // The same customer code with another KvK number.
    expect(directory.find(source('1001', { companyNumbers: ['12345678'], country: 'NL' }))).toEqual({ kind: 'conflict', reason: 'identifierDiffers', debtorIds: ['erp-1001'], key: 'NL_KVK:12345678' });
    // The code says Bakker, the organisationsnummer says Lindqvist.
    expect(directory.find(source('1001', { companyNumbers: ['556036-0793'] }))).toEqual({ kind: 'conflict', reason: 'identifierOfOther', debtorIds: ['erp-1001', 'erp-1003'], key: 'SE_ORGNR:5560360793' });
    // No code match, and the identifiers point at two debtors.
    expect(directory.find(source('NEW', { vatNumbers: ['NL813086188B01'], companyNumbers: ['5560360793'] }))).toMatchObject({ kind: 'conflict', reason: 'identifierAmbiguous', debtorIds: ['erp-1001', 'erp-1003'] });
    // Identifiers of a kind the debtor has none of are no contradiction: they are new to it.
    expect(directory.find(source('1003', { vatNumbers: ['SE556036079301'] }))).toEqual({ kind: 'known', debtorId: 'erp-1003', by: 'customerCode' });
  });

  it('finds a merged debtor’s customer code and identifiers on the debtor it was merged into', () => {
    const survivor = debtor('erp-1001', '1001', { ...bakker, aliases: { customerCodes: ['1008'], identifiers: [{ type: 'NL_KVK', value: '12345678' }], partyKeys: ['GLN:8712345000004'], debtorIds: ['erp-1008'], insurerBuyerIds: [], names: ['De Graaf Tuinbouw'] } });
    const directory = new DebtorDirectory([survivor, lindqvist]);
    expect(directory.find(source('1008'))).toEqual({ kind: 'known', debtorId: 'erp-1001', by: 'customerCode' });
    expect(directory.find(source('X', { companyNumbers: ['12345678'], country: 'NL' }))).toMatchObject({ kind: 'known', debtorId: 'erp-1001', by: 'identifier' });
    expect(directory.find(source('Y', { partyIds: [{ scheme: '0088', value: '8712345000004' }] }))).toMatchObject({ kind: 'known', debtorId: 'erp-1001', by: 'identifier' });
    expect(directory.isIdTaken('erp-1008')).toBe(true);
  });

  it('finds a debtor added while reading the same file', () => {
    const directory = new DebtorDirectory([]);
    directory.add(debtor('erp-2001', '2001', { identifiers: [{ type: 'NL_VAT', value: 'NL813086188B01' }] }));
    expect(directory.find(source('2002', { vatNumbers: ['NL813086188B01'] }))).toMatchObject({ kind: 'known', debtorId: 'erp-2001', by: 'identifier' });
  });
});
