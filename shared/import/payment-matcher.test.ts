import { describe, expect, it } from 'vitest';
import { createBetalingskenmerk } from '../domain/references/betalingskenmerk';
import { createRfReference, formatRfReference } from '../domain/references/rf-creditor-reference';
import { createSwedishOcr } from '../domain/references/swedish-ocr';
import { toIsoDate } from '../time/iso-date';
import type { BankTransaction } from './bank-transaction';
import { PaymentMatcher, type MatchableItem } from './payment-matcher';
import { normaliseCompanyName, normaliseReference, remittanceTokens } from './remittance-tokens';

const kenmerk = createBetalingskenmerk('12345');
const ocr = createSwedishOcr('4711');
const rf = createRfReference('INV20260042');

const item = (itemId: string, debtorId: string, number: string, openMinor: number, extra: Partial<MatchableItem> = {}): MatchableItem => ({
  itemId, debtorId, number, paymentReference: '', openMinor, currency: 'EUR', dueDate: toIsoDate('2026-10-01'), ...extra,
});

const matcher = new PaymentMatcher(
  [
    item('NL1|20260001', 'NL1', '20260001', 100_000, { paymentReference: kenmerk }),
    item('NL1|20260002', 'NL1', '20260002', 50_000, { dueDate: toIsoDate('2026-09-01') }),
    item('SE1|900', 'SE1', '900', 250_000, { paymentReference: ocr, currency: 'SEK' }),
    item('GB1|INV-42', 'GB1', 'INV-42', 12_000, { paymentReference: rf }),
    item('GB1|INV-43', 'GB1', 'INV-43', 8_000),
    item('NL2|777777', 'NL2', '777777', 1_000),
    item('NL3|777777', 'NL3', '777777', 2_000),
  ],
  [
    { debtorId: 'NL1', name: 'Bakker Bouw B.V.', ibans: ['NL91ABNA0417164300'] },
    { debtorId: 'NL2', name: 'De Vries Metaal B.V.', ibans: ['NL20INGB0001234567'] },
    { debtorId: 'NL3', name: 'De Vries Metaal Holding B.V.', ibans: [] },
    { debtorId: 'SE1', name: 'Lindqvist Bygg AB', ibans: [] },
    { debtorId: 'GB1', name: 'Harrington Foods Ltd', ibans: ['GB29NWBK60161331926819'] },
  ],
);

const payment = (fields: Partial<BankTransaction>): BankTransaction => ({
  id: 'T', position: 1, accountIban: 'NL00OWN', bookingDate: toIsoDate('2026-11-20'), valueDate: toIsoDate('2026-11-20'), amountMinor: 100_000, currency: 'EUR',
  direction: 'credit', isReversal: false, counterpartyName: '', counterpartyIban: '', structuredReference: '', remittance: '', endToEndId: '', bankReference: '', ...fields,
});

describe('PaymentMatcher', () => {
  it('matches a Dutch betalingskenmerk, written in groups of four in the remittance', () => {
    const grouped = kenmerk.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(matcher.match(payment({ remittance: `Betaling ${grouped}` }))).toEqual({ kind: 'matched', method: 'reference', debtorId: 'NL1', itemIds: ['NL1|20260001'], fit: 'exact' });
  });

  it('matches a Swedish OCR and an RF reference given as structured references', () => {
    expect(matcher.match(payment({ structuredReference: ocr, currency: 'SEK', amountMinor: 100_000 }))).toEqual({ kind: 'matched', method: 'reference', debtorId: 'SE1', itemIds: ['SE1|900'], fit: 'short' });
    expect(matcher.match(payment({ structuredReference: rf.replace(/(.{4})/g, '$1 '), amountMinor: 12_000 }))).toMatchObject({ method: 'reference', debtorId: 'GB1', fit: 'exact' });
  });

  it('matches several invoice numbers in one payment, oldest first', () => {
    expect(matcher.match(payment({ remittance: 'Facturen 20260001, 20260002', amountMinor: 150_000 }))).toEqual({
      kind: 'matched', method: 'invoice-number', debtorId: 'NL1', itemIds: ['NL1|20260002', 'NL1|20260001'], fit: 'exact',
    });
  });

  it('leaves an invoice number two debtors share to the controller, unless the account tells them apart', () => {
    expect(matcher.match(payment({ remittance: 'inv 777777', amountMinor: 1_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['NL2', 'NL3'] });
    expect(matcher.match(payment({ remittance: 'inv 777777', amountMinor: 1_000, counterpartyIban: 'NL20 INGB 0001 2345 67' }))).toMatchObject({ kind: 'matched', debtorId: 'NL2' });
  });

  it('falls back on the paying account, then the name, settling the invoice of exactly that amount', () => {
    expect(matcher.match(payment({ counterpartyIban: 'GB29NWBK60161331926819', amountMinor: 8_000 }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'GB1', itemIds: ['GB1|INV-43'], fit: 'exact' });
    expect(matcher.match(payment({ counterpartyName: 'BAKKER BOUW BV', amountMinor: 70_000 }))).toEqual({ kind: 'matched', method: 'name', debtorId: 'NL1', itemIds: [], fit: 'short' });
  });

  it('matches nothing rather than guess, and never across currencies', () => {
    expect(matcher.match(payment({ remittance: 'Thank you', counterpartyName: 'Unknown Trading' }))).toEqual({ kind: 'unmatched' });
    expect(matcher.match(payment({ structuredReference: ocr, currency: 'EUR' }))).toEqual({ kind: 'unmatched' });
  });
});

describe('remittanceTokens and names', () => {
  it('finds grouped references and invoice numbers, skipping short words', () => {
    expect(remittanceTokens('/INV/2026-0101 en 5000 0567 8901 2345 (RF18 5390 0754 7034) ok 12')).toEqual(['INV/2026-0101', '2026-0101', '5000056789012345', 'RF18539007547034']);
    expect(remittanceTokens('Factuur 2026/0101')).toEqual(['2026/0101', '2026', '0101']);
  });

  it('joins an RF reference of full length, and one grouped irregularly', () => {
    const long = createRfReference('123456789012345678901');
    expect(remittanceTokens(`Betaling ${formatRfReference(long)} dank`)).toContain(long);
    expect(remittanceTokens('RF18 5390 07547034')).toEqual(['RF18539007547034']);
  });

  it('strips the punctuation payers put around a number, however much', () => {
    expect(remittanceTokens('Factuur: 2026-0101.. en //2026-0102 ##2026-0103--')).toEqual(['2026-0101', '2026-0102', '2026-0103']);
  });

  it('compares company names without legal forms, case or accents', () => {
    expect(normaliseCompanyName('BAKKER BOUW BV')).toBe(normaliseCompanyName('Bakker Bouw B.V.'));
    expect(normaliseCompanyName('Bakker - Bouw B.V.')).toBe('bakker bouw');
    expect(normaliseCompanyName('Åkesson Bygg AB')).toBe('akesson bygg');
    expect(normaliseCompanyName('Philips NV')).toBe(normaliseCompanyName('Philips N.V.'));
    expect(normaliseCompanyName('Jansen en Zn VOF')).toBe(normaliseCompanyName('Jansen en Zn V.O.F.'));
    expect(normaliseCompanyName('Jansen en Zn v.o.f')).toBe('jansen en zn');
  });

  it('compares references and accounts without case or spaces, whatever spaces the bank writes', () => {
    expect(normaliseReference('nl20 ingb\u00a00001 2345 67')).toBe('NL20INGB0001234567');
    expect(normaliseReference('a1')).toBe('A1');
    expect(normaliseReference('12\u00a034')).toBe('1234');
    expect(normaliseReference('FAKTURA-\u00f61')).toBe('FAKTURA-\u00d61');
    expect(normaliseReference('z1')).toBe('Z1');
    expect(normaliseReference('FAKTURA-Ö1')).toBe('FAKTURA-Ö1');
    expect(normaliseReference('faktura-ö1')).toBe('FAKTURA-Ö1');
    expect(normaliseReference('INV-2026/01')).toBe('INV-2026/01');
  });
});

/**
 * Cash booked to the wrong customer is the worst outcome of a bank import (issue 12, item 11): wherever the
 * evidence points at more than one debtor, the matcher must say so instead of picking one.
 */
describe('PaymentMatcher never guesses a debtor', () => {
  const guessing = new PaymentMatcher(
    [
      // One invoice number at two debtors (two ERPs, two entities): 5001 at Visser and at Smit, 6001 at the two Bergs.
      item('VIS|5001', 'VIS', '5001', 40_000),
      item('SMI|5001', 'SMI', '5001', 40_000),
      item('BL|6001', 'BL', '6001', 30_000),
      item('BI|6001', 'BI', '6001', 30_000),
      // A reference an ERP issued twice (imported references are not Kredo's own).
      item('VIS|5002', 'VIS', '5002', 10_000, { paymentReference: 'REF-77001' }),
      item('SMI|5003', 'SMI', '5003', 10_000, { paymentReference: 'REF-77001' }),
      // Two open invoices of the same amount, the later one first in the file.
      item('VIS|5010', 'VIS', '5010', 25_000, { dueDate: toIsoDate('2026-11-01') }),
      item('VIS|5009', 'VIS', '5009', 25_000, { dueDate: toIsoDate('2026-10-15') }),
      // One invoice of 8,000 in each currency.
      item('SMI|5020', 'SMI', '5020', 8_000, { currency: 'SEK' }),
      item('SMI|5021', 'SMI', '5021', 8_000),
      // Invoices and an open credit note (negative: money the debtor may deduct, not money it owes).
      item('KOK|7001', 'KOK', '7001', 60_000, { dueDate: toIsoDate('2026-09-01') }),
      item('KOK|7002', 'KOK', '7002', 40_000),
      item('KOK|CN-7003', 'KOK', 'CN-7003', -20_000),
    ],
    [
      { debtorId: 'VIS', name: 'Visser Techniek B.V.', ibans: ['NL44RABO0300000001'] },
      { debtorId: 'SMI', name: 'Smit Staal B.V.', ibans: ['NL55INGB0000000002'] },
      // Two group companies paying from the same account.
      { debtorId: 'BL', name: 'Berg Logistiek B.V.', ibans: ['NL66ABNA0000000003'] },
      { debtorId: 'BI', name: 'Berg Installatie B.V.', ibans: ['NL66ABNA0000000003'] },
      // Two debtors of the same name (two branches, two ERP accounts).
      { debtorId: 'JT1', name: 'Jansen Transport B.V.', ibans: ['NL88SNSB0000000005'] },
      { debtorId: 'JT2', name: 'JANSEN TRANSPORT', ibans: [] },
      { debtorId: 'KOK', name: 'Kok Bouw B.V.', ibans: ['NL77BUNQ0000000004'] },
    ],
  );

  it('leaves an invoice number two debtors share to the controller when the account points at one and the name at the other', () => {
    expect(guessing.match(payment({ remittance: 'Factuur 5001', amountMinor: 40_000, counterpartyIban: 'NL44RABO0300000001', counterpartyName: 'Smit Staal' }))).toEqual({ kind: 'ambiguous', debtorIds: ['VIS', 'SMI'] });
    // Told apart by the account alone, or by the name alone, it is matched.
    expect(guessing.match(payment({ remittance: 'Factuur 5001', amountMinor: 40_000, counterpartyIban: 'NL44RABO0300000001' }))).toMatchObject({ kind: 'matched', method: 'invoice-number', debtorId: 'VIS', itemIds: ['VIS|5001'] });
    expect(guessing.match(payment({ remittance: 'Factuur 5001', amountMinor: 40_000, counterpartyName: 'SMIT STAAL BV' }))).toMatchObject({ kind: 'matched', debtorId: 'SMI', itemIds: ['SMI|5001'] });
  });

  it('leaves an invoice number two debtors share to the controller when both pay from the paying account', () => {
    expect(guessing.match(payment({ remittance: 'inv 6001', amountMinor: 30_000, counterpartyIban: 'NL66ABNA0000000003' }))).toEqual({ kind: 'ambiguous', debtorIds: ['BL', 'BI'] });
  });

  it('leaves a reference two debtors share to the controller, unless the account tells them apart', () => {
    expect(guessing.match(payment({ structuredReference: 'REF-77001', amountMinor: 10_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['VIS', 'SMI'] });
    expect(guessing.match(payment({ structuredReference: 'REF-77001', amountMinor: 10_000, counterpartyIban: 'NL55INGB0000000002' }))).toEqual({ kind: 'matched', method: 'reference', debtorId: 'SMI', itemIds: ['SMI|5003'], fit: 'exact' });
  });

  it('leaves a payment from an account two debtors pay from to the controller, even when the name is one of theirs', () => {
    expect(guessing.match(payment({ counterpartyIban: 'NL66ABNA0000000003', amountMinor: 30_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['BL', 'BI'] });
    expect(guessing.match(payment({ counterpartyIban: 'NL66ABNA0000000003', counterpartyName: 'Berg Logistiek', amountMinor: 30_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['BL', 'BI'] });
    // A name that is a third debtor's makes it a candidate too.
    expect(guessing.match(payment({ counterpartyIban: 'NL66ABNA0000000003', counterpartyName: 'Smit Staal', amountMinor: 30_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['BL', 'BI', 'SMI'] });
  });

  it('leaves a payment whose name two debtors bear to the controller', () => {
    expect(guessing.match(payment({ counterpartyName: 'Jansen Transport BV', amountMinor: 30_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['JT1', 'JT2'] });
    // The account one of them has paid from tells them apart.
    expect(guessing.match(payment({ counterpartyName: 'Jansen Transport BV', counterpartyIban: 'NL88SNSB0000000005', amountMinor: 30_000 }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'JT1', itemIds: [], fit: 'over' });
  });

  it('leaves a payment whose account is one debtor’s and whose name is another’s to the controller', () => {
    expect(guessing.match(payment({ counterpartyIban: 'NL44RABO0300000001', counterpartyName: 'Smit Staal B.V.', amountMinor: 40_000 }))).toEqual({ kind: 'ambiguous', debtorIds: ['VIS', 'SMI'] });
  });

  it('leaves an invoice number to the controller when the account and name are another debtor’s', () => {
    // 5020/5021 are Smit's invoices; the money comes from Visser's account, in Visser's name.
    expect(guessing.match(payment({ remittance: 'order 5021', amountMinor: 8_000, counterpartyIban: 'NL44RABO0300000001', counterpartyName: 'Visser Techniek' }))).toEqual({ kind: 'ambiguous', debtorIds: ['SMI', 'VIS'] });
    // A reference Kredo issued names the invoice with check digits: it is that invoice's, whoever pays it.
    expect(matcher.match(payment({ structuredReference: kenmerk, counterpartyIban: 'GB29NWBK60161331926819', counterpartyName: 'Harrington Foods' }))).toMatchObject({ kind: 'matched', method: 'reference', debtorId: 'NL1' });
    // Paid from the invoice's own debtor's account, the number is matched.
    expect(guessing.match(payment({ remittance: 'inv 5021', amountMinor: 8_000, counterpartyIban: 'NL55INGB0000000002' }))).toMatchObject({ kind: 'matched', debtorId: 'SMI', itemIds: ['SMI|5021'] });
  });

  it('does not take a line without an account for a debtor whose earlier payment had none', () => {
    // A cash deposit or a bankgiro slip comes without the payer's account.
    const withoutAccount = new PaymentMatcher([item('NOACC|1', 'NOACC', '1', 5_000)], [{ debtorId: 'NOACC', name: 'Nooit Rekening B.V.', ibans: ['', ' '] }]);
    expect(withoutAccount.match(payment({ counterpartyIban: '', amountMinor: 5_000 }))).toEqual({ kind: 'unmatched' });
    expect(withoutAccount.match(payment({ counterpartyIban: ' ', amountMinor: 5_000 }))).toEqual({ kind: 'unmatched' });
  });

  it('does not take a line without a name for a debtor whose name has nothing to compare', () => {
    // An export without the customer's name, or with only its legal form.
    const nameless = new PaymentMatcher([item('NONAME|1', 'NONAME', '1', 5_000)], [{ debtorId: 'NONAME', name: 'B.V.', ibans: [] }, { debtorId: 'EMPTY', name: '', ibans: [] }]);
    expect(nameless.match(payment({ counterpartyName: '', amountMinor: 5_000 }))).toEqual({ kind: 'unmatched' });
    expect(nameless.match(payment({ counterpartyName: 'BV', amountMinor: 5_000 }))).toEqual({ kind: 'unmatched' });
  });

  it('does not match an invoice number in another currency than the payment’s', () => {
    // 5020 is Smit's SEK invoice; euros naming it are not its payment.
    expect(guessing.match(payment({ remittance: 'Faktura 5020', amountMinor: 8_000 }))).toEqual({ kind: 'unmatched' });
  });

  it('pays the oldest of two open invoices of the same amount, not one picked at random', () => {
    expect(guessing.match(payment({ counterpartyIban: 'NL44RABO0300000001', amountMinor: 25_000 }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'VIS', itemIds: [], fit: 'short' });
  });

  it('settles the invoice of exactly the amount only in the payment’s currency', () => {
    expect(guessing.match(payment({ counterpartyIban: 'NL55INGB0000000002', amountMinor: 8_000 }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'SMI', itemIds: ['SMI|5021'], fit: 'exact' });
    expect(guessing.match(payment({ counterpartyIban: 'NL55INGB0000000002', amountMinor: 8_000, currency: 'SEK' }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'SMI', itemIds: ['SMI|5020'], fit: 'exact' });
  });

  it('compares the amount with what the invoices owe, leaving open credit notes out', () => {
    // Paying both invoices in full is exact, not an overpayment, although a credit note is open.
    expect(guessing.match(payment({ counterpartyIban: 'NL77BUNQ0000000004', amountMinor: 100_000 }))).toEqual({ kind: 'matched', method: 'iban', debtorId: 'KOK', itemIds: [], fit: 'exact' });
    expect(guessing.match(payment({ remittance: 'Facturen 7001 7002 CN-7003', amountMinor: 100_000 }))).toEqual({
      kind: 'matched', method: 'invoice-number', debtorId: 'KOK', itemIds: ['KOK|7001', 'KOK|7002', 'KOK|CN-7003'], fit: 'exact',
    });
    // The credit note deducted: the invoices are partly paid until the controller sets the credit note against them.
    expect(guessing.match(payment({ counterpartyName: 'Kok Bouw', amountMinor: 80_000 }))).toEqual({ kind: 'matched', method: 'name', debtorId: 'KOK', itemIds: [], fit: 'short' });
    // A credit note is never the invoice "of exactly the amount".
    expect(guessing.match(payment({ counterpartyName: 'Kok Bouw', amountMinor: 20_000 }))).toEqual({ kind: 'matched', method: 'name', debtorId: 'KOK', itemIds: [], fit: 'short' });
  });
});
