import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../../shared/domain/ledger/ledger-chunk';
import { testItem, testLedger } from '../../shared/domain/ledger/test-ledger';
import { toIsoDate } from '../../shared/time/iso-date';

/** The tag V8's structured clone (IndexedDB's, in Chromium as here under Node) writes after its header for an array. */
const arrayKind = (array: readonly unknown[]) => String.fromCharCode(serialize(array)[2]!);

describe('a ledger chunk as IndexedDB clones it', () => {
  // Issue 14: a holey array (`new Array(n)`) is cloned as a sparse one, index by index; a tier-L import puts
  // 200 chunks of 22,500 text strings each, and in Chromium that took about twice as long as dense arrays.
  it('writes its text columns as dense arrays, read back unchanged', () => {
    const ledgers = [
      testLedger('a', [testItem('a', 'A1', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 100 }), testItem('a', 'A2', { invoiceDate: '2026-10-02', dueDate: '2026-11-01', amountMinor: -40 })]),
      { ...testLedger('b', []), payments: [{ id: 'p1', debtorId: 'b', date: toIsoDate('2026-10-05'), currency: 'EUR', amountMinor: 500, unappliedMinor: 500, reference: 'RF18', remittance: 'INV A1', counterpartyName: 'Bakker', counterpartyIban: 'NL91ABNA0417164300' }] },
    ];
    const { texts } = encodeLedgerChunk(3, ledgers, ['NL', 'NL']);
    for (const [name, column] of Object.entries(texts)) {
      if (!Array.isArray(column)) continue;
      expect(`${name}: ${arrayKind(column)}`).toBe(`${name}: A`);
    }
    expect(deserialize(serialize(texts))).toEqual(texts);
  });
});
