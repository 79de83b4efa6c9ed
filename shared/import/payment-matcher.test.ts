import { describe, expect, it } from 'vitest';
import { createBetalingskenmerk } from '../domain/references/betalingskenmerk';
import { createRfReference } from '../domain/references/rf-creditor-reference';
import { createSwedishOcr } from '../domain/references/swedish-ocr';
import { toIsoDate } from '../time/iso-date';
import type { BankTransaction } from './bank-transaction';
import { PaymentMatcher, type MatchableItem } from './payment-matcher';
import { normaliseCompanyName, remittanceTokens } from './remittance-tokens';

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

  it('compares company names without legal forms, case or accents', () => {
    expect(normaliseCompanyName('BAKKER BOUW BV')).toBe(normaliseCompanyName('Bakker Bouw B.V.'));
    expect(normaliseCompanyName('Åkesson Bygg AB')).toBe('akesson bygg');
  });
});
