import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { OpenItemLineGroups, type CustomerLines } from '../../../../shared/import/open-item-lines';
import type { ImportedOpenItem } from '../../../../shared/import/open-item-record';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { debtorFromImport } from '../../../../shared/import/debtor-from-import';
import { diffOpenItems } from '../../../../shared/import/plan-open-items';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { bytesToBase64 } from '../backup/backup-format';
import { KredoDb } from '../db/kredo-db';
import { createImportOperations } from '../worker/import-operations';
import { ChunkEditor, loadStoreIndex } from './chunk-loader';
import { commitImport } from './commit-import';
import { NewLedgersAhead } from './new-ledgers-ahead';
import { prepareOpenItems } from './prepare-open-items';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
const dbs: KredoDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
const freshDb = () => {
  counter += 1;
  const db = new KredoDb(`compare-while-parsing-${counter}`);
  dbs.push(db);
  return db;
};

// A customer's name and identifiers as one batch lists them (once per customer, open-item-batch.ts): the same on each of its lines.
const parties: Record<string, Pick<ImportedOpenItem, 'customerName' | 'vatNumber' | 'companyNumber'>> = {
  '1001': { customerName: '', vatNumber: '', companyNumber: '' },
  '1002': { customerName: 'Bakker B.V.', vatNumber: 'NL004495445B01', companyNumber: '' },
  '1003': { customerName: 'Bakker B.V.', vatNumber: '', companyNumber: '' },
  '1004': { customerName: 'Bäcker AB', vatNumber: '', companyNumber: '' },
};
const record = fc.record({
  customerCode: fc.constantFrom('1001', '1002', '1003', '1004'),
  invoiceNumber: fc.constantFrom('A1', 'A2', 'A3', 'B1'),
  invoiceDate: fc.constant(toIsoDate('2026-10-01')),
  dueDate: fc.constantFrom(undefined, toIsoDate('2026-10-31')),
  currency: fc.constantFrom('EUR', 'EUR', 'SEK'),
  openMinor: fc.constantFrom(0, 100, 250, -50),
  amountMinor: fc.constantFrom(undefined, 300),
  paymentReference: fc.constant(''),
}).map((one): ImportedOpenItem => ({ ...one, ...parties[one.customerCode]! }));
// One line per invoice of a customer code, as the parse leaves them.
const file = fc.uniqueArray(record, { selector: (one) => `${one.customerCode}/${one.invoiceNumber}`, maxLength: 14 });

/** A batch as the main process hands it over: gzip'd JSON in base64. */
async function pack(batch: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(batch)]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

const groupsOf = (records: readonly ImportedOpenItem[]) => {
  const lines = new OpenItemLineGroups();
  if (records.length > 0) lines.add(encodeOpenItemBatch(records));
  return lines.byCustomer;
};

async function storeWith(records: readonly ImportedOpenItem[]): Promise<KredoDb> {
  const db = freshDb();
  const prepared = await prepareOpenItems(db, groupsOf(records), { today, isFullExport: true });
  await commitImport(db, { record: { id: 'first', fileName: 'a.csv', fileHash: 'h1', kind: 'open-items', at, report: {} }, updates: prepared.updates(false), toReview: [], today, homeCurrency: 'EUR' });
  return db;
}

/** The ledger tables as stored, to compare two stores. */
async function ledgers(db: KredoDb) {
  return { debtors: await db.debtorChunks.toArray(), numbers: await db.ledgerNumbers.toArray(), texts: await db.ledgerTexts.toArray(), summaries: await db.summaryChunks.toArray(), portfolio: await db.portfolio.toArray() };
}

describe('an open-items file compared while it is parsed', () => {
  // Issue 14: by the time the parse ends, a debtor listed as stored has been compared; its lines are not read again.
  it('has compared a stored debtor’s lines by the time the last batch is in', async () => {
    const first = [1, 2, 3].map((n): ImportedOpenItem => ({ customerCode: '1001', customerName: 'Bakker B.V.', vatNumber: '', companyNumber: '', invoiceNumber: `A${n}`, invoiceDate: toIsoDate('2026-10-01'), dueDate: undefined, currency: 'EUR', openMinor: 100 * n, amountMinor: undefined, paymentReference: '' }));
    const db = await storeWith(first);
    const index = await loadStoreIndex(db);
    const editor = new ChunkEditor(db, index);
    const groups = new OpenItemLineGroups();
    const debtor = index.byCustomerCode.get('1001')!;
    for (const batch of [first.slice(0, 2), first.slice(2)]) {
      groups.add(encodeOpenItemBatch(batch));
      editor.follow(debtor, groups.byCustomer.get('1001')!);
    }
    await editor.prefetch(debtor.chunkId);
    const lines = groups.byCustomer.get('1001')!;
    const readOnce: CustomerLines = { ...lines, customerCode: lines.customerCode, count: lines.count, facts: lines.facts, every: () => expect.fail('lines read again after the parse'), everySince: (cursor, visit) => lines.everySince(cursor, visit), records: () => lines.records() };
    // The very lines followed: the answer is at hand.
    expect(await editor.unchangedOpenItems(debtor, lines, true)).toEqual({ unchanged: 3, alreadySettled: 0 });
    // Other lines for the same debtor are compared afresh, never given the followed lines' answer.
    await expect(editor.unchangedOpenItems(debtor, readOnce, true)).rejects.toThrow('lines read again');
  });

  // Guard: the previews and what is stored are those of comparing after the parse, whatever the batches hold:
  // a first import (new debtors worked out as the batches arrive) and a second one (compared as they arrive).
  it('prepares the same previews and stores the same chunks as comparing after the parse', async () => {
    await fc.assert(
      fc.asyncProperty(file, file, fc.integer({ min: 1, max: 5 }), fc.boolean(), async (first, second, size, closeMissing) => {
        const [after, whileParsed] = [freshDb(), freshDb()];
        for (const [name, records] of [['first', first], ['second', second]] as const) {
          const expected = await prepareOpenItems(after, groupsOf(records), { today, isFullExport: true });
          await commitImport(after, { record: { id: name, fileName: `${name}.csv`, fileHash: name, kind: 'open-items', at, report: {} }, updates: expected.updates(closeMissing), toReview: [], today, homeCurrency: 'EUR' });

          const batches: Promise<string>[] = [];
          for (let from = 0; from < records.length; from += size) batches.push(pack(encodeOpenItemBatch(records.slice(from, from + size))));
          const summary: ParseSummary = { fileId: name, recordKind: 'open-items', batchCount: batches.length, recordCount: records.length, rowCount: records.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: name };
          const operations = createImportOperations(whileParsed);
          const preview = await operations.prepare({ fileId: name, fileName: `${name}.csv`, recordKind: 'open-items', today, at }, { readBatch: async (index) => (await batches[index]) ?? null, summary: async () => summary });
          await operations.commit({ importId: name, closeMissing, at, today, homeCurrency: 'EUR' }, async () => undefined);

          expect(preview.openItems).toEqual(expected.preview);
          expect(await ledgers(whileParsed)).toEqual(await ledgers(after));
        }
      }),
      { numRuns: 30 },
    );
  });

  // Issue 14: a first import's new debtors and ledgers are worked out while the file arrives, and taken only for the very same lines.
  it('works out a new customer once a batch no longer continues it, and never for lines that grew since', async () => {
    const line = (customerCode: string, invoiceNumber: string, openMinor: number, amountMinor?: number): ImportedOpenItem => ({ customerCode, ...parties[customerCode]!, invoiceNumber, invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'), currency: 'EUR', openMinor, amountMinor, paymentReference: '' });
    const db = freshDb();
    const groups = new OpenItemLineGroups();
    const ahead = new NewLedgersAhead(await loadStoreIndex(db), (code) => groups.byCustomer.get(code), today);
    for (const batch of [[line('1002', 'A1', 100, 300), line('1003', 'B1', 50)], [line('1004', 'C1', 0)], [line('1003', 'B2', 70)]]) ahead.onBatch(groups.add(encodeOpenItemBatch(batch)));
    const [lines1002, lines1003] = [groups.byCustomer.get('1002')!, groups.byCustomer.get('1003')!];
    const debtor = debtorFromImport('erp-1002', lines1002.records(), today, undefined, lines1002.facts);
    expect(ahead.debtorOf('erp-1002', lines1002)).toEqual(debtor);
    expect(ahead.diffOf(debtor, lines1002)).toEqual(diffOpenItems({ debtorId: 'erp-1002', items: [], payments: [], allocations: [] }, lines1002.records(), { today, paymentTermsDays: debtor.paymentTermsDays, isFullExport: false }));
    // Taken once; another id or payment term is not the same debtor.
    expect(ahead.diffOf(debtor, lines1002)).toBeUndefined();
    // 1003 was worked out after the second batch, then the third brought another line of it: it is left to the end.
    expect(ahead.debtorOf('erp-1003', lines1003)).toBeUndefined();
  });
});
