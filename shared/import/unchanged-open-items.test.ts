import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../domain/ledger/ledger-chunk';
import { testItem, testLedger } from '../domain/ledger/test-ledger';
import { toIsoDate } from '../time/iso-date';
import { encodeOpenItemBatch } from './open-item-batch';
import { linesOfRecords, OpenItemLineGroups } from './open-item-lines';
import type { ImportedOpenItem } from './open-item-record';
import { diffOpenItems } from './plan-open-items';
import { InOrderCheck, itemRowRanges, unchangedOpenItems } from './unchanged-open-items';

const today = toIsoDate('2026-11-24');
const dates = { invoiceDate: '2026-10-01', dueDate: '2026-10-31' };
const ledgers = [
  testLedger('a', [testItem('a', 'A1', { ...dates, amountMinor: 100 }), testItem('a', 'A2', { ...dates, amountMinor: 200, openMinor: 0 }), testItem('a', 'A3', { ...dates, amountMinor: -50, currency: 'SEK' })]),
  testLedger('empty', []),
  testLedger('b', [testItem('b', 'B1', { ...dates, amountMinor: 300 })]),
];
const { numbers, texts } = encodeLedgerChunk(0, ledgers, ['NL', 'NL', 'SE']);
const line = (invoiceNumber: string, openMinor: number, currency = 'EUR'): ImportedOpenItem => ({
  customerCode: 'A', customerName: 'A B.V.', vatNumber: '', companyNumber: '', invoiceNumber, invoiceDate: toIsoDate(dates.invoiceDate), dueDate: undefined, currency, openMinor, amountMinor: undefined, paymentReference: '',
});

describe('unchangedOpenItems', () => {
  it('finds each debtor’s rows, empty ledgers included', () => {
    expect([...itemRowRanges(numbers)!]).toEqual([0, 3, 3, 4]);
  });

  // Held to diffOpenItems itself: undefined exactly when the full comparison finds anything to change or show.
  it.each([
    ['the same lines in the same order', [line('A1', 100), line('A2', 0), line('A3', -50, 'SEK')]],
    ['the same lines in another order, a settled one left out', [line('A3', -50, 'SEK'), line('A1', 100)]],
    ['an unknown line already settled', [line('A1', 100), line('A3', -50, 'SEK'), line('A9', 0)]],
    ['a new invoice', [line('A1', 100), line('A3', -50, 'SEK'), line('A9', 10)]],
    ['an invoice settled in the ERP', [line('A1', 40), line('A3', -50, 'SEK')]],
    ['the ERP showing more open', [line('A1', 100), line('A2', 5), line('A3', -50, 'SEK')]],
    ['another currency', [line('A1', 100, 'SEK'), line('A3', -50, 'SEK')]],
    ['an open item left out', [line('A1', 100)]],
  ])('agrees with the full comparison: %s', (_case, records) => {
    for (const isFullExport of [true, false]) {
      const diff = diffOpenItems(ledgers[0]!, records, { today, paymentTermsDays: 30, isFullExport });
      const isUnchanged = diff.newItems.length + diff.settled.length + diff.differences.length + diff.missing.length === 0;
      const quick = unchangedOpenItems(numbers, texts, { start: 0, end: 3 }, linesOfRecords('A', records), isFullExport);
      expect(quick).toEqual(isUnchanged ? { unchanged: diff.unchanged, alreadySettled: diff.alreadySettled } : undefined);
    }
  });
});

describe('InOrderCheck', () => {
  const stored = fc.uniqueArray(fc.record({ number: fc.constantFrom('A1', 'A2', 'A3', 'B1'), open: fc.constantFrom(0, 100, -50), currency: fc.constantFrom('EUR', 'SEK') }), { selector: (item) => item.number, maxLength: 4 });
  const fileLine = fc.record({ invoiceNumber: fc.constantFrom('A1', 'A2', 'A3', 'B1', 'Å-9'), openMinor: fc.constantFrom(0, 100, -50), currency: fc.constantFrom('EUR', 'SEK') });

  // Issue 14: compared as the batches arrive, a debtor is found unchanged only when unchangedOpenItems (and so
  // diffOpenItems) finds it unchanged, with the same counts; and always when the file lists its items as stored.
  it('agrees with unchangedOpenItems, checking each batch as it arrives', () => {
    fc.assert(
      fc.property(stored, fc.uniqueArray(fileLine, { selector: (one) => one.invoiceNumber, maxLength: 5 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 3 }), (items, fileLines, asStored, isFullExport, size) => {
        const ledger = testLedger('a', items.map((one) => testItem('a', one.number, { ...dates, amountMinor: one.open === 0 ? 100 : one.open, openMinor: one.open, currency: one.currency })));
        const chunk = encodeLedgerChunk(0, [testLedger('before', [testItem('before', 'Z', { ...dates, amountMinor: 5 })]), ledger, testLedger('after', [testItem('after', 'A1', { ...dates, amountMinor: 7 })])], ['NL', 'NL', 'NL']);
        const records = (asStored ? items.map((one) => ({ invoiceNumber: one.number, openMinor: one.open, currency: one.currency })) : fileLines).map((one) => ({ ...line(one.invoiceNumber, one.openMinor, one.currency), customerCode: '1001' }));
        fc.pre(records.length > 0);
        const groups = new OpenItemLineGroups();
        let check: InOrderCheck | undefined;
        const rows = { start: 1, end: 1 + items.length };
        for (let at = 0; at < records.length; at += size) {
          groups.add(encodeOpenItemBatch(records.slice(at, at + size)));
          check ??= new InOrderCheck(chunk.numbers, chunk.texts, rows, groups.byCustomer.get('1001')!);
          check.advance();
        }
        const lines = groups.byCustomer.get('1001')!;
        const quick = unchangedOpenItems(chunk.numbers, chunk.texts, rows, lines, isFullExport);
        const result = check!.result();
        if (result !== undefined) expect(result).toEqual(quick);
        if (asStored) expect(result).toEqual({ unchanged: items.length, alreadySettled: 0 });
      }),
      { numRuns: 500 },
    );
  });
});
