import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk } from '../domain/ledger/ledger-chunk';
import { testItem, testLedger } from '../domain/ledger/test-ledger';
import { toIsoDate } from '../time/iso-date';
import { importedParty, importedPartyOf } from './debtor-from-import';
import { decodeOpenItemBatch, encodeOpenItemBatch, packOpenItemBatch, unpackOpenItemBatch, type OpenItemBatch } from './open-item-batch';
import { OpenItemBatchBuilder } from './open-item-batch-builder';
import { factsOfRecords, groupRecordsByCustomer, OpenItemLineGroups } from './open-item-lines';
import type { ImportedOpenItem } from './open-item-record';
import { diffOpenItems } from './plan-open-items';
import { unchangedOpenItems } from './unchanged-open-items';

const utf8 = { encode: (text: string) => new TextEncoder().encode(text), decode: (bytes: Uint8Array) => new TextDecoder().decode(bytes) };

const record = fc.record({
  customerCode: fc.constantFrom('1001', '1002', '1003'),
  customerName: fc.constantFrom('', 'Bakker B.V.', 'Bäcker & Söner'),
  vatNumber: fc.constantFrom('', '', 'NL004495445B01', 'SE556677889901'),
  companyNumber: fc.constantFrom('', '12345678'),
  invoiceNumber: fc.constantFrom('A1', 'A2', 'A3', 'B1', 'Å-9'),
  invoiceDate: fc.constantFrom(toIsoDate('2026-10-01'), toIsoDate('2024-02-29')),
  dueDate: fc.constantFrom(undefined, toIsoDate('2026-10-31')),
  currency: fc.constantFrom('EUR', 'SEK'),
  openMinor: fc.constantFrom(0, 100, 250, -50),
  amountMinor: fc.constantFrom(undefined, 0, 300),
  paymentReference: fc.constantFrom('', 'RF18 5390 0754 7034'),
}) as fc.Arbitrary<ImportedOpenItem>;

/** A file's records in batches as the import worker builds and packs them, with random batch sizes. */
function batchesOf(records: readonly ImportedOpenItem[], sizes: readonly number[], viaBuilder: boolean): OpenItemBatch[] {
  const batches: OpenItemBatch[] = [];
  let at = 0;
  for (let index = 0; at < records.length; index += 1) {
    const slice = records.slice(at, at + (sizes[index % sizes.length] ?? 1));
    at += slice.length;
    let batch: OpenItemBatch;
    if (viaBuilder) {
      const builder = new OpenItemBatchBuilder(2);
      for (const one of slice) builder.add(one);
      batch = builder.take();
    } else batch = encodeOpenItemBatch(slice);
    batches.push(unpackOpenItemBatch(packOpenItemBatch(batch, utf8.encode), utf8.decode));
  }
  return batches;
}

/** The old way: every batch decoded into records, grouped by customer code in order of first appearance. */
function decodedGroups(batches: readonly OpenItemBatch[]): Map<string, ImportedOpenItem[]> {
  const groups = new Map<string, ImportedOpenItem[]>();
  for (const batch of batches) for (const one of decodeOpenItemBatch(batch)) groups.set(one.customerCode, [...(groups.get(one.customerCode) ?? []), one]);
  return groups;
}

const linesOf = (batches: readonly OpenItemBatch[]) => {
  const groups = new OpenItemLineGroups();
  for (const batch of batches) groups.add(batch);
  return groups.byCustomer;
};

const visited = (lines: { every: (visit: (number: string, open: number, currency: string) => boolean) => boolean }) => {
  const seen: [string, number, string][] = [];
  lines.every((number, open, currency) => seen.push([number, open, currency]) > 0);
  return seen;
};

describe('open-item lines read in place', () => {
  // Guard for issue 14's rewrite: the groups, records and facts are those of decoding every batch into records.
  it('group a file’s batches exactly as decoding every record and grouping them does', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (records, sizes, viaBuilder) => {
        const batches = batchesOf(records, sizes, viaBuilder);
        const expected = decodedGroups(batches);
        const actual = linesOf(batches);
        expect([...actual.keys()]).toEqual([...expected.keys()]);
        for (const [code, group] of expected) {
          const lines = actual.get(code)!;
          expect(lines.count).toBe(group.length);
          expect(lines.records()).toEqual(group);
          expect(lines.records()).toEqual(lines.records());
          expect(lines.facts).toEqual(factsOfRecords(group));
          expect(importedPartyOf(code, lines.facts)).toEqual(importedParty(code, group));
          expect(visited(lines)).toEqual(group.map((one) => [one.invoiceNumber, one.openMinor, one.currency]));
          // A visit that stops says so, and stops.
          let calls = 0;
          expect(lines.every(() => (calls += 1) < 2)).toBe(group.length < 2);
          expect(calls).toBe(Math.min(group.length, 2));
        }
        // Records grouped as they are (an e-invoice) read the same way.
        const fromRecords = groupRecordsByCustomer([...expected.values()].flat());
        expect([...fromRecords].map(([code, lines]) => [code, lines.records(), lines.facts, visited(lines)])).toEqual([...actual].map(([code, lines]) => [code, lines.records(), lines.facts, visited(lines)]));
      }),
      { numRuns: 300 },
    );
  });

  // Issue 14: lines compared while the file arrives read, batch after batch, each line once and in file order.
  it('give a reader each line added since it last read, once, in file order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (records, sizes) => {
        const groups = new OpenItemLineGroups();
        const cursors = new Map<string, { run: number }>();
        const seen = new Map<string, [string, number, string][]>();
        for (const batch of batchesOf(records, sizes, true)) {
          for (const code of groups.add(batch)) {
            if (!cursors.has(code)) cursors.set(code, { run: 0 });
            const into = seen.get(code) ?? [];
            seen.set(code, into);
            expect(groups.byCustomer.get(code)!.everySince(cursors.get(code)!, (number, open, currency) => into.push([number, open, currency]) > 0)).toBe(true);
          }
        }
        for (const [code, lines] of groups.byCustomer) {
          expect(seen.get(code)).toEqual(visited(lines));
          // Nothing new since: nothing read.
          expect(lines.everySince(cursors.get(code)!, () => expect.fail('read a line twice'))).toBe(true);
        }
        for (const [code, lines] of groupRecordsByCustomer(records)) {
          const cursor = { run: 0 };
          const all: [string, number, string][] = [];
          lines.everySince(cursor, (number, open, currency) => all.push([number, open, currency]) > 0);
          expect(all).toEqual(visited(lines));
          expect(lines.everySince(cursor, () => expect.fail(`read ${code} twice`))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a batch that refers to a customer or currency it does not list, or of a format they do not know', () => {
    const batch = encodeOpenItemBatch([{ customerCode: '1', customerName: '', vatNumber: '', companyNumber: '', invoiceNumber: 'A', invoiceDate: toIsoDate('2026-10-01'), dueDate: undefined, currency: 'EUR', openMinor: 1, amountMinor: undefined, paymentReference: '' }]);
    expect(() => new OpenItemLineGroups().add({ ...batch, customer: [1] })).toThrow(RangeError);
    expect(() => new OpenItemLineGroups().add({ ...batch, currency: [3] })).toThrow(RangeError);
    expect(() => new OpenItemLineGroups().add({ ...batch, format: 'other' as never })).toThrow(RangeError);
  });

  // Guard: read in place, a debtor's lines are found unchanged exactly when the full comparison (diffOpenItems) finds nothing to change or show.
  it('are found unchanged on the stored columns exactly when diffOpenItems finds nothing to do', () => {
    const stored = fc.uniqueArray(fc.record({ number: fc.constantFrom('A1', 'A2', 'A3', 'B1'), open: fc.constantFrom(0, 100, 250, -50), currency: fc.constantFrom('EUR', 'SEK') }), { selector: (item) => item.number, maxLength: 4 });
    const lines = fc.uniqueArray(fc.record({ invoiceNumber: fc.constantFrom('A1', 'A2', 'A3', 'B1', 'Å-9'), openMinor: fc.constantFrom(0, 100, 250, -50), currency: fc.constantFrom('EUR', 'SEK') }), { selector: (line) => line.invoiceNumber, maxLength: 5 });
    fc.assert(
      fc.property(stored, lines, fc.boolean(), fc.integer({ min: 1, max: 4 }), (items, fileLines, isFullExport, size) => {
        const ledger = testLedger('a', items.map((item) => testItem('a', item.number, { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: item.open === 0 ? 100 : item.open, openMinor: item.open, currency: item.currency })));
        const { numbers, texts } = encodeLedgerChunk(0, [testLedger('before', [testItem('before', 'Z', { invoiceDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 5 })]), ledger], ['NL', 'NL']);
        const records = fileLines.map((line): ImportedOpenItem => ({ customerCode: '1001', customerName: '', vatNumber: '', companyNumber: '', invoiceDate: toIsoDate('2026-10-01'), dueDate: undefined, amountMinor: undefined, paymentReference: '', ...line }));
        const diff = diffOpenItems(ledger, records, { today: toIsoDate('2026-11-24'), paymentTermsDays: 30, isFullExport });
        const isUnchanged = diff.newItems.length + diff.settled.length + diff.differences.length + diff.missing.length === 0;
        const inPlace = linesOf(batchesOf(records, [size], true)).get('1001');
        const quick = inPlace ? unchangedOpenItems(numbers, texts, { start: 1, end: 1 + items.length }, inPlace, isFullExport) : undefined;
        if (inPlace) expect(quick).toEqual(isUnchanged ? { unchanged: diff.unchanged, alreadySettled: diff.alreadySettled } : undefined);
      }),
      { numRuns: 500 },
    );
  });
});
