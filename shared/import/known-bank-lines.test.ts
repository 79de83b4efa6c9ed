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

describe('KnownBankLines, each stored line answering for one new line (issue 12, item 11)', () => {
  // Two payments of 100.00 on one day with the same remittance and no end-to-end id: only the file's order tells them apart.
  const first = bankLineId('BT-1', identity());
  const second = bankLineId('BT-2', identity());

  it('does not lose a payment made twice when the one stored comes second in the new file', () => {
    const known = new KnownBankLines([second], [first, second]);
    expect([known.claim(first), known.claim(second)]).toEqual([false, true]);
  });

  it('knows a line whose stored twin lacks the account, and the other way round', () => {
    expect(new KnownBankLines([bankLineId('BT-a', identity({ accounts: [] }))]).claim(bankLineId('BT-b', identity()))).toBe(true);
    expect(new KnownBankLines([bankLineId('BT-a', identity())]).claim(bankLineId('BT-b', identity({ accounts: [] })))).toBe(true);
  });

  // A batch of 3,100.00: one line in MT940, two parts (1,000.00 and 2,100.00) in the CAMT.053, each part with its own end-to-end id.
  const whole = (legacy: string, fields: Partial<BankLineIdentity> = {}) => bankLineId(legacy, identity({ amountMinor: 3_100, references: ['BATCH-1'], remittance: '', endToEndId: 'BATCH-E2E', ...fields }));
  const part = (legacy: string, amountMinor: number, endToEndId: string, fields: Partial<BankLineIdentity> = {}) =>
    bankLineId(legacy, identity({ amountMinor, references: [], remittance: `Factuur ${legacy}`, endToEndId, group: { amountMinor: 3_100, references: ['BATCH-1'] }, ...fields }));

  it('knows the parts of a batch stored whole, and the whole of a batch stored in parts, only once', () => {
    const wholeStored = new KnownBankLines([whole('MT-1')]);
    expect([wholeStored.claim(part('P1', 1_000, 'E-P1')), wholeStored.claim(part('P2', 2_100, 'E-P2'))]).toEqual([true, true]);
    // Another batch of the same amount that day, sharing the reference: the stored line has answered already.
    expect(wholeStored.claim(part('Q1', 1_000, 'E-Q1', { group: { amountMinor: 3_100, references: ['BATCH-1', 'BATCH-2'] } }))).toBe(false);

    const partsStored = new KnownBankLines([part('P1', 1_000, 'E-P1'), part('P2', 2_100, 'E-P2')]);
    expect(partsStored.claim(whole('MT-1'))).toBe(true);
    expect(partsStored.claim(whole('MT-2'))).toBe(false);
  });

  it('does not know the parts of a batch when nothing of its amount was stored', () => {
    expect(new KnownBankLines([bankLineId('BT-a', identity())]).claim(part('P1', 1_000, 'E-P1'))).toBe(false);
  });

  it('does not take a batch of another day for the one stored', () => {
    const otherDay = { bookingDate: '2026-11-25', valueDate: '2026-11-25' };
    expect(new KnownBankLines([whole('MT-1')]).claim(part('P1', 1_000, 'E-P1', otherDay))).toBe(false);
    expect(new KnownBankLines([part('P1', 1_000, 'E-P1'), part('P2', 2_100, 'E-P2')]).claim(whole('MT-1', otherDay))).toBe(false);
  });
});
