import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUbl } from './ubl';

const fixture = (name: string) => readFile(path.resolve('tests/fixtures/imports', name), 'utf8');

describe('the buyer of a UBL / Peppol e-invoice', () => {
  it('is read with every identifier and its Peppol scheme, so Kredo can find the debtor whatever the sender put where', async () => {
    // Another sender's layout: the buyer's e-address is its VAT number (9944), its party id a GLN (0088), no customer number.
    const parsed = parseUbl(await fixture('ubl-creditnote-peppol-scheme-ids.xml'), 'ubl-creditnote-peppol-scheme-ids.xml');
    expect(parsed.kind).toBe('credit-note');
    expect(parsed.buyer.partyIds).toEqual([
      { scheme: '9944', value: 'NL813086188B01' },
      { scheme: '0088', value: '8712345000004' },
      { scheme: 'VAT', value: 'NL813086188B01' },
      { scheme: '0106', value: '69123456' },
    ]);
    // A GLN is not the seller's customer number: without one, the VAT number names the buyer.
    expect(parsed.record).toMatchObject({ customerCode: 'NL813086188B01', invoiceNumber: 'CN-2026-010', openMinor: -30_250, vatNumber: 'NL813086188B01', companyNumber: '69123456' });
  });

  it('keeps the seller’s customer number (a party id without a scheme) as the customer code', async () => {
    const parsed = parseUbl(await fixture('ubl-creditnote-peppol.xml'), 'ubl-creditnote-peppol.xml');
    expect(parsed.record.customerCode).toBe('1008');
    expect(parsed.buyer.partyIds).toEqual([{ scheme: '0106', value: '69123456' }, { scheme: 'VAT', value: 'NL813086188B01' }, { scheme: '0106', value: '69123456' }]);
  });

  it('reads the buyer’s postal address and contact person (BG-8, BG-9) for the debtor’s master data', async () => {
    const xml = (await fixture('ubl-invoice-peppol.xml')).replace('<cac:Contact><cbc:ElectronicMail>', '<cac:Contact><cbc:Name>Jan Janssen</cbc:Name><cbc:Telephone>+31 77 123 4567</cbc:Telephone><cbc:ElectronicMail>');
    const parsed = parseUbl(xml, 'ubl-invoice-peppol.xml');
    expect(parsed.buyer).toMatchObject({ street: 'Kanaalweg 12', postalCode: '5911 AB', city: 'Venlo', country: 'NL', email: 'crediteuren@degraaftuinbouw.nl', contactName: 'Jan Janssen', phone: '+31 77 123 4567' });
  });
});
