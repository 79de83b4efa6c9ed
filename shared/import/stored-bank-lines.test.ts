import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankLineId, type BankLineIdentity } from './bank-line-id';
import { KnownBankLines } from './known-bank-lines';
import { StoredBankLines } from './stored-bank-lines';

/**
 * A bank import groups the stored line ids while the file is still analysed (issue 14) and then looks the
 * file's lines up in those groups only: whatever is stored and comes in, every line must be known or new
 * exactly as when each stored id is offered to KnownBankLines, in the same order (a stored line answers
 * for one new line only, so which one claims it first matters).
 */
const day = fc.constantFrom('2026-11-23', '2026-11-24');
const identity: fc.Arbitrary<BankLineIdentity> = fc.record({
  accounts: fc.constantFrom([], ['NL91ABNA0417164300'], ['NL20INGB0001234567']),
  bookingDate: day,
  valueDate: day,
  direction: fc.constantFrom('credit' as const, 'debit' as const),
  amountMinor: fc.constantFrom(1_000, 2_100, 3_100),
  currency: fc.constantFrom('EUR', 'SEK'),
  endToEndId: fc.constantFrom('', 'E1', 'E2'),
  references: fc.constantFrom([], ['BATCH-1'], ['ABN-1']),
  remittance: fc.constantFrom('', 'Factuur 2026-0101', 'Factuur 2026-0102'),
  group: fc.option(fc.record({ amountMinor: fc.constantFrom(1_000, 3_100), references: fc.constantFrom(['BATCH-1'], ['BATCH-1', 'BATCH-2']) }), { nil: undefined }),
  fallback: fc.constantFrom('test:1', 'test:2'),
});
// Legacy ids (no `~`), ids with an identity, and the odd id with an empty amount key; repeats included.
const lineId = fc.oneof(
  fc.constantFrom('BT-1', 'BT-2', 'BT-3'),
  fc.tuple(fc.constantFrom('BT-1', 'BT-2', 'BT-3'), identity).map(([legacy, fields]) => bankLineId(legacy, fields)),
  fc.constantFrom('BT-1~~20261124~~x', 'BT-9~~20261124~~x'),
);

describe('StoredBankLines with KnownBankLines.among', () => {
  it('knows the same lines, in the same order, as offering every stored id', () => {
    fc.assert(
      fc.property(fc.array(lineId, { maxLength: 30 }), fc.array(lineId, { minLength: 1, maxLength: 20 }), (stored, lines) => {
        const offered = new KnownBankLines(stored, lines);
        const grouped = KnownBankLines.among(new StoredBankLines(stored), lines);
        expect(lines.map((line) => grouped.claim(line))).toEqual(lines.map((line) => offered.claim(line)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('knows a stored twin of a line by the line’s amount, and nothing of another amount', () => {
    const fields = { accounts: ['NL91ABNA0417164300'], bookingDate: '2026-11-24', valueDate: '2026-11-24', direction: 'credit' as const, currency: 'EUR', endToEndId: '', references: [], remittance: 'Factuur 2026-0101', fallback: 'test:1' };
    const stored = new StoredBankLines([bankLineId('BT-a', { ...fields, amountMinor: 10_000 }), bankLineId('BT-b', { ...fields, amountMinor: 20_000 })]);
    const line = bankLineId('BT-c', { ...fields, amountMinor: 10_000 });
    expect(KnownBankLines.among(stored, [line]).claim(line)).toBe(true);
    const other = bankLineId('BT-d', { ...fields, amountMinor: 30_000 });
    expect(KnownBankLines.among(stored, [other]).claim(other)).toBe(false);
  });
});
