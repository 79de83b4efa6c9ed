import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../time/iso-date';
import type { BankTransaction } from './bank-transaction';
import { MatchingScope } from './matching-scope';
import { normaliseReference, remittanceTokens } from './remittance-tokens';

const line = (id: string, fields: Partial<BankTransaction>): BankTransaction => ({
  id, position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-20'), valueDate: toIsoDate('2026-11-20'), amountMinor: 1_000, currency: 'EUR',
  direction: 'credit', isReversal: false, counterpartyName: '', counterpartyIban: '', structuredReference: '', remittance: '', endToEndId: '', bankReference: '', ...fields,
});

describe('MatchingScope', () => {
  const scope = new MatchingScope([
    line('L1', { remittance: 'Factuur 2026-0101', counterpartyIban: 'NL20 INGB 0001 2345 67', counterpartyName: 'BAKKER BOUW BV' }),
    line('L2', { structuredReference: '5000 0567 8901 2345', counterpartyIban: ' ' }),
  ]);

  it('keeps the invoice numbers and references the lines mention, however they are written', () => {
    expect(scope.mentions('2026-0101')).toBe(true);
    expect(scope.mentions('5000056789012345')).toBe(true);
    expect(scope.mentions('5000 0567 8901 2345')).toBe(true);
    expect(scope.mentions('2026-0102')).toBe(false);
    expect(scope.mentions('')).toBe(false);
  });

  it('says a number or reference is mentioned exactly when some line has it among its remittance tokens', () => {
    const text = fc.stringMatching(/^[0-9A-Za-z ./#-]{0,14}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 40 }), fc.array(text, { maxLength: 40 }), (fields, asked) => {
        const lines = fields.map(([structuredReference, remittance], index) => line(`L${index}`, { structuredReference, remittance }));
        const tokens = new Set(lines.flatMap((transaction) => remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`)));
        const own = new MatchingScope(lines);
        // Asked about the tokens themselves (written with spaces and in lower case too) and about anything else.
        for (const question of [...asked, ...tokens, ...[...tokens].map((token) => ` ${token.toLowerCase()} `)]) expect(own.mentions(question)).toBe(tokens.has(normaliseReference(question)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the accounts and names the lines come from', () => {
    expect(scope.isPayingAccount('NL20INGB0001234567')).toBe(true);
    expect(scope.isPayingAccount('nl20 ingb 0001 2345 67')).toBe(true);
    expect(scope.isPayingAccount('NL91ABNA0417164300')).toBe(false);
    expect(scope.isPayerName('Bakker Bouw B.V.')).toBe(true);
    expect(scope.isPayerName('Bakker Beton B.V.')).toBe(false);
    expect([...scope.transactionIds]).toEqual(['L1', 'L2']);
  });

  it('does not take a line without an account for a payer of every payment that came without one', () => {
    expect(scope.isPayingAccount(' ')).toBe(false);
    expect(scope.isPayingAccount('\u00a0')).toBe(false);
    // Nor a line without a name for every debtor whose name has nothing to compare.
    expect(scope.isPayerName('')).toBe(false);
    expect(scope.isPayerName('B.V.')).toBe(false);
  });
});
