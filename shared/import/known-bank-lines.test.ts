import { describe, expect, it } from 'vitest';
import { accountKeys } from './account-keys';
import { bankLineId, type BankLineIdentity } from './bank-line-id';
import { bankTransactionId } from './bank-transaction';
import { KnownBankLines } from './known-bank-lines';

const identity = (fields: Partial<BankLineIdentity> = {}): BankLineIdentity => ({
  accounts: ['NL91ABNA0417164300'], bookingDate: '2026-11-24', valueDate: '2026-11-24', direction: 'credit', amountMinor: 10_000, currency: 'EUR',
  endToEndId: '', references: [], remittance: 'Factuur 2026-0101', fallback: 'test:1', ...fields,
});
const legacy = bankTransactionId({ accountIban: 'NL91ABNA0417164300', bankReference: 'B1', endToEndId: '', bookingDate: '2026-11-24', amountMinor: 10_000, direction: 'credit', sequence: 1 });

describe('accountKeys', () => {
  it('gives an IBAN its domestic number (NL, SE), and compares bankgiro and domestic numbers without leading zeros', () => {
    expect(accountKeys('NL91 ABNA 0417 1643 00')).toEqual(['NL91ABNA0417164300', '417164300']);
    expect(accountKeys('SE45 5000 0000 0583 9825 7466')).toEqual(['SE4550000000058398257466', '58398257466']);
    expect(accountKeys('000000058398257466')).toEqual(['58398257466']);
    expect(accountKeys('BG50501055')).toEqual(['BG50501055']);
    expect(accountKeys('DE89370400440532013000')).toEqual(['DE89370400440532013000']);
  });
});

describe('KnownBankLines', () => {
  it('still knows a line stored under the id it had before ids carried their identity', () => {
    expect(new KnownBankLines([legacy]).claim(bankLineId(legacy, identity()))).toBe(true);
  });

  it('knows a line by another format’s id for it, and only once', () => {
    const stored = bankLineId('BT-a', identity({ references: ['ABN-1'] }));
    const known = new KnownBankLines([stored]);
    expect(known.claim(bankLineId('BT-b', identity({ accounts: ['417164300'], references: ['X'] })))).toBe(true);
    expect(known.claim(bankLineId('BT-c', identity({ accounts: ['417164300'], references: ['Y'] })))).toBe(false);
  });

  it('does not take a line of another account, day, amount or end-to-end id for a stored one', () => {
    const stored = bankLineId('BT-a', identity({ endToEndId: 'E1' }));
    const differs = (fields: Partial<BankLineIdentity>) => new KnownBankLines([stored]).claim(bankLineId('BT-b', identity(fields)));
    expect(differs({ accounts: ['NL20INGB0001234567'] })).toBe(false);
    expect(differs({ bookingDate: '2026-11-25', valueDate: '2026-11-25' })).toBe(false);
    expect(differs({ amountMinor: 10_001 })).toBe(false);
    expect(differs({ direction: 'debit' })).toBe(false);
    expect(differs({ endToEndId: 'E2' })).toBe(false);
    expect(differs({ remittance: 'Iets anders' })).toBe(false);
    expect(differs({})).toBe(true);
  });

  it('keeps only the stored lines that could be one of the new ones', () => {
    const known = new KnownBankLines([], [bankLineId('BT-new', identity())]);
    known.offer(bankLineId('BT-other', identity({ amountMinor: 5 })));
    expect(known.claim(bankLineId('BT-new2', identity({ amountMinor: 5 })))).toBe(false);
  });
});
