import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBetalingskenmerk } from '../../../../shared/domain/references/betalingskenmerk';
import { createSwedishOcr } from '../../../../shared/domain/references/swedish-ocr';
import { parseCamt } from './camt';
import { parseMt940, parseStructured86 } from './mt940';
import { parseUbl } from './ubl';

const fixture = (name: string) => readFile(path.resolve('tests/fixtures/imports', name), 'utf8');

describe('CAMT.053', () => {
  it('reads version 001.02: booked credits and debits, batch entries split per transaction, pending entries left out', async () => {
    const parsed = parseCamt(await fixture('camt053-v02-abn-amro.xml'), 'camt053-v02-abn-amro.xml');
    expect(parsed.format).toBe('camt.053.001.02');
    expect(parsed.pendingEntries).toBe(1);
    const [statement] = parsed.statements;
    expect(statement?.accountIban).toBe('NL91ABNA0417164300');
    expect(statement?.transactions.map((transaction) => [transaction.amountMinor, transaction.direction, transaction.counterpartyName])).toEqual([
      [123_456, 'credit', 'BAKKER BOUW BV'],
      [64_000, 'credit', 'Mulder Transport'],
      [200_000, 'credit', 'Cooperatie De Eendracht UA'],
      [987_000, 'credit', 'Smit Installatietechniek BV'],
      [5_000, 'credit', 'J. Jansen'],
      [4_550, 'debit', ''],
    ]);
    expect(statement?.transactions[0]).toMatchObject({ remittance: 'Factuur 2026-0101', counterpartyIban: 'NL20INGB0001234567', endToEndId: 'BAKKER-11-23', bankReference: 'ABN-7001', bookingDate: '2026-11-23' });
    expect(statement?.transactions[1]).toMatchObject({ structuredReference: createBetalingskenmerk('20260105'), endToEndId: '' });
  });

  it('reads version 001.08 in a CBPR+ envelope (Sts/Cd, Dbtr/Pty/Nm, date-times)', async () => {
    const parsed = parseCamt(await fixture('camt053-v08-cbpr-seb.xml'), 'camt053-v08-cbpr-seb.xml');
    expect(parsed.format).toBe('camt.053.001.08');
    expect(parsed.statements[0]?.transactions).toEqual([
      expect.objectContaining({ amountMinor: 4_500_000, currency: 'SEK', counterpartyName: 'Lindqvist Bygg AB', structuredReference: createSwedishOcr('20260103'), valueDate: '2026-11-23', accountIban: 'SE4550000000058398257466' }),
    ]);
  });

  it('gives the same ids when the same statement is read twice, and different ids to different bookings', async () => {
    const text = await fixture('camt053-v02-abn-amro.xml');
    const first = parseCamt(text, 'a').statements[0]!.transactions.map((transaction) => transaction.id);
    const second = parseCamt(text, 'b').statements[0]!.transactions.map((transaction) => transaction.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('refuses an amount written with a comma on its own, naming the entry, and reads the rest of the statement', () => {
    const balance = (code: string, amount: string) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>`;
    const entry = (amount: string) => `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt></Ntry>`;
    const text = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>${balance('OPBD', '0.00')}${balance('CLBD', '22.50')}${entry('12,50')}${entry('10.00')}</Stmt></BkToCstmrStmt></Document>`;
    const parsed = parseCamt(text, 'bad.xml');
    expect(parsed.rejections).toEqual([{ row: 1, field: 'bank:Ntry/Amt', code: 'bankAmountInvalid', value: '12,50' }]);
    expect(parsed.statements[0]?.transactions.map((transaction) => transaction.amountMinor)).toEqual([1_000]);
  });
});

describe('hostile XML', () => {
  it('refuses external entities (XXE) and entity expansion before parsing anything', async () => {
    expect(() => parseCamt('x', 'x')).toThrow(expect.objectContaining({ code: 'import.xmlInvalid' }));
    expect(() => parseCamt('<Other/>', 'other.xml')).toThrow(expect.objectContaining({ code: 'import.notCamt', params: { file: 'other.xml' } }));
    for (const file of ['hostile-xxe.xml', 'hostile-billion-laughs.xml']) {
      const text = await fixture(file);
      expect(() => parseCamt(text, file)).toThrow(expect.objectContaining({ code: 'import.xmlUnsafe', params: { file } }));
      expect(() => parseUbl(text, file)).toThrow(expect.objectContaining({ code: 'import.xmlUnsafe' }));
    }
  });
});

describe('MT940', () => {
  it('reads ING statements with the structured :86: (counterparty, structured and unstructured remittance)', async () => {
    const parsed = parseMt940(await fixture('mt940-ing.sta'), 'mt940-ing.sta');
    const [statement] = parsed.statements;
    expect(statement).toMatchObject({ accountIban: 'NL20INGB0001234567', currency: 'EUR' });
    expect(statement?.transactions).toEqual([
      expect.objectContaining({ amountMinor: 123_456, direction: 'credit', counterpartyName: 'Bakker Bouw B.V.', counterpartyIban: 'NL20INGB0001234567', remittance: 'Factuur 2026-0101', endToEndId: 'BAKKER-11-23', bankReference: '00000000007001', valueDate: '2026-11-23', bookingDate: '2026-11-23' }),
      expect.objectContaining({ amountMinor: 64_000, structuredReference: createBetalingskenmerk('20260105'), counterpartyName: 'Mulder Transport', remittance: '' }),
      expect.objectContaining({ amountMinor: 4_550, direction: 'debit' }),
    ]);
  });

  it('reads ABN AMRO’s :86: layout over several lines', async () => {
    const parsed = parseMt940(await fixture('mt940-abn-amro.sta'), 'mt940-abn-amro.sta');
    expect(parsed.statements[0]?.transactions).toEqual([
      expect.objectContaining({ amountMinor: 200_000, counterpartyIban: 'NL69INGB0123456789', counterpartyName: 'COOPERATIE DE EENDRACHT UA', remittance: 'Gedeeltelijke betaling factuur 2026-0102', endToEndId: 'EENDRACHT-1' }),
    ]);
  });

  it('splits Dutch :86: sub-fields and leaves free text alone', () => {
    expect(Object.fromEntries(parseStructured86('/TRTP/SEPA OVERBOEKING/IBAN/NL69INGB0123456789/NAME/X BV/REMI/abc/EREF/1'))).toEqual({ TRTP: 'SEPA OVERBOEKING', IBAN: 'NL69INGB0123456789', NAME: 'X BV', REMI: 'abc', EREF: '1' });
    expect(parseStructured86('Betaling factuur 2026-0102').size).toBe(0);
  });

  it('refuses a file that is not MT940', () => {
    expect(() => parseMt940('Hello', 'notes.txt')).toThrow(expect.objectContaining({ code: 'import.notMt940', params: { file: 'notes.txt' } }));
  });
});

describe('UBL / Peppol BIS 3', () => {
  it('reads an invoice: payable amount, due date, payment reference and the buyer’s identifiers', async () => {
    const parsed = parseUbl(await fixture('ubl-invoice-peppol.xml'), 'ubl-invoice-peppol.xml');
    expect(parsed.kind).toBe('invoice');
    expect(parsed.record).toMatchObject({
      customerCode: '1008', customerName: 'De Graaf Tuinbouw B.V.', invoiceNumber: '2026-0131', invoiceDate: '2026-11-20', dueDate: '2026-12-20',
      currency: 'EUR', openMinor: 302_500, amountMinor: 302_500, paymentReference: createBetalingskenmerk('20260131'), vatNumber: 'NL813086188B01', companyNumber: '69123456',
    });
    expect(parsed.buyer).toMatchObject({ name: 'De Graaf Tuinbouw B.V.', country: 'NL', street: 'Kanaalweg 12', postalCode: '5911 AB', city: 'Venlo', email: 'crediteuren@degraaftuinbouw.nl' });
  });

  it('reads a credit note as a negative amount, its due date from the payment means', async () => {
    const parsed = parseUbl(await fixture('ubl-creditnote-peppol.xml'), 'ubl-creditnote-peppol.xml');
    expect(parsed.kind).toBe('credit-note');
    expect(parsed.record).toMatchObject({ invoiceNumber: 'CN-2026-009', openMinor: -30_250, dueDate: '2026-11-22' });
  });

  it('names the missing field of an incomplete e-invoice', () => {
    expect(() => parseUbl('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>', 'half.xml')).toThrow(
      expect.objectContaining({ code: 'import.eInvoiceInvalid', params: { file: 'half.xml', field: 'cbc:IssueDate' } }),
    );
  });
});
