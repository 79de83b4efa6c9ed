import { describe, expect, it } from 'vitest';
import { guessCustomerMapping } from './customer-fields';
import { guessMapping } from './guess-mapping';
import { normaliseCustomerRows } from './normalise-customers';

const EXACT_HEADERS = ['Code', 'Name', 'AddressLine1', 'Postcode', 'City', 'Country', 'Title', 'FirstName', 'LastName', 'JobTitleDescription', 'Email', 'Phone', 'VATNumber'];

describe('an ERP customer export', () => {
  it('is told from an open-items export by its columns, and Exact Online’s customer columns are recognised', () => {
    const guess = guessCustomerMapping(EXACT_HEADERS, guessMapping(EXACT_HEADERS).mapping);
    expect(guess).toMatchObject({ content: 'customers', presetName: 'Exact Online' });
    expect(guess.mapping).toMatchObject({ customerCode: 0, customerName: 1, street: 2, postalCode: 3, city: 4, country: 5, contactTitle: 6, contactFirstName: 7, contactSurname: 8, contactRole: 9, email: 10, phone: 11, vatNumber: 12 });
    const openItems = ['AccountCode', 'AccountName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Amount', 'CurrencyCode'];
    expect(guessCustomerMapping(openItems, guessMapping(openItems).mapping).content).toBe('open-items');
    const fortnox = ['CustomerNumber', 'Name', 'Address1', 'ZipCode', 'City', 'CountryCode', 'EmailInvoice', 'Phone1', 'OrganisationNumber'];
    expect(guessCustomerMapping(fortnox, guessMapping(fortnox).mapping)).toMatchObject({ content: 'customers', presetName: 'Fortnox', mapping: { email: 6, companyNumber: 8 } });
  });

  it('reads each row’s address and contact, Dutch salutations and country names included, and refuses a bad e-mail or an unknown country with the row', () => {
    const mapping = guessCustomerMapping(EXACT_HEADERS, {}).mapping;
    const rows = [
      ['   1006', 'Smit Installatietechniek B.V.', 'Industrieweg 14', '3542 AD', 'Utrecht', 'Nederland', 'Dhr.', 'Pieter', 'Smit', 'Crediteurenadministratie', 'p.smit@example.nl', '+31 30 241 5500', ''],
      ['1007', 'Zonder Mail', 'Kerkstraat 1', '1000 AA', 'Amsterdam', 'NL', '', '', '', '', 'p.smit(at)example.nl', '', ''],
      ['1008', 'Nergens', 'Weg 2', '9999 ZZ', 'Nergenshuizen', 'Atlantis', '', '', '', '', '', '', ''],
      ['', 'Geen code', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
    ];
    const result = normaliseCustomerRows(rows, 2, mapping, '');
    expect(result.records).toEqual([
      {
        row: 2, customerCode: '1006', customerName: 'Smit Installatietechniek B.V.', vatNumber: '', companyNumber: '',
        address: { street: 'Industrieweg 14', postalCode: '3542 AD', city: 'Utrecht', country: 'NL' },
        contact: { name: 'Pieter Smit', title: 'mr', givenName: 'Pieter', surname: 'Smit', role: 'Crediteurenadministratie', email: 'p.smit@example.nl', phone: '+31 30 241 5500', isPrimary: false },
      },
    ]);
    expect(result.rejections).toEqual([
      { row: 3, field: 'email', code: 'emailInvalid', value: 'p.smit(at)example.nl' },
      { row: 4, field: 'country', code: 'countryUnknown', value: 'Atlantis' },
      { row: 5, field: 'customerCode', code: 'missingValue', value: '' },
    ]);
    expect(result.filledRows).toBe(4);
  });
});
