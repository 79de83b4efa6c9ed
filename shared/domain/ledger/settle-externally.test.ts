import { describe, expect, it } from 'vitest';
import { toDayNumber, toIsoDate } from '../../time/iso-date';
import { openAmountsAsOf } from '../ageing/open-as-of';
import { decodeLedgerChunk, encodeLedgerChunk } from './ledger-chunk';
import { settleExternally } from './settle-externally';
import { testItem, testLedger } from './test-ledger';

// Invoice A €1,000.00 and credit note K −€200.00, both issued in September.
const ledger = testLedger('D1', [
  testItem('D1', 'A', { invoiceDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 100_000 }),
  testItem('D1', 'K', { invoiceDate: '2026-09-10', dueDate: '2026-09-10', amountMinor: -20_000 }),
]);
const importDay = toIsoDate('2026-11-24');

describe('settleExternally', () => {
  it('books what the ERP settled as an allocation on the import day, in the item’s own sign', () => {
    const result = settleExternally(ledger, [{ itemId: 'D1|A', openMinor: 25_000 }, { itemId: 'D1|K', openMinor: 0 }], importDay);
    expect(result.items.map((item) => item.openMinor)).toEqual([25_000, 0]);
    expect(result.allocations).toEqual([
      { itemId: 'D1|A', source: { kind: 'external' }, amountMinor: 75_000, date: importDay },
      { itemId: 'D1|K', source: { kind: 'external' }, amountMinor: -20_000, date: importDay },
    ]);
  });

  it('survives the columnar store, and earlier days still see the amounts open', () => {
    const settled = settleExternally(ledger, [{ itemId: 'D1|A', openMinor: 0 }, { itemId: 'D1|K', openMinor: -5_000 }], importDay);
    const chunk = encodeLedgerChunk(0, [settled], ['NL']);
    expect(decodeLedgerChunk(chunk)).toEqual([settled]);
    expect([...openAmountsAsOf(chunk.numbers, toDayNumber(toIsoDate('2026-11-23'))).itemOpen]).toEqual([100_000, -20_000]);
    expect([...openAmountsAsOf(chunk.numbers, toDayNumber(importDay)).itemOpen]).toEqual([0, -5_000]);
  });

  it('refuses to move an amount away from zero or past it, and items it does not know', () => {
    expect(() => settleExternally(ledger, [{ itemId: 'D1|A', openMinor: 120_000 }], importDay)).toThrow(RangeError);
    expect(() => settleExternally(ledger, [{ itemId: 'D1|A', openMinor: -1 }], importDay)).toThrow(RangeError);
    expect(() => settleExternally(ledger, [{ itemId: 'D1|K', openMinor: -30_000 }], importDay)).toThrow(RangeError);
    expect(() => settleExternally(ledger, [{ itemId: 'D1|X', openMinor: 0 }], importDay)).toThrow(RangeError);
  });
});
