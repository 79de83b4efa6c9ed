import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { OpenItemLineGroups, type CustomerLines } from '../../../../shared/import/open-item-lines';
import type { ImportedOpenItem } from '../../../../shared/import/open-item-record';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { bytesToBase64 } from '../backup/backup-format';
import { KredoDb } from '../db/kredo-db';
import { createImportOperations } from '../worker/import-operations';
import { ChunkEditor, loadStoreIndex } from './chunk-loader';
import { commitImport } from './commit-import';
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

  // Guard: the preview and what is stored are those of comparing after the parse, whatever the batches hold.
  it('prepares the same preview and stores the same chunks as comparing after the parse', async () => {
    await fc.assert(
      fc.asyncProperty(file, file, fc.integer({ min: 1, max: 5 }), fc.boolean(), async (first, second, size, closeMissing) => {
        const [after, whileParsed] = [await storeWith(first), await storeWith(first)];
        const expected = await prepareOpenItems(after, groupsOf(second), { today, isFullExport: true });
        await commitImport(after, { record: { id: 'second', fileName: 'b.csv', fileHash: 'h2', kind: 'open-items', at, report: {} }, updates: expected.updates(closeMissing), toReview: [], today, homeCurrency: 'EUR' });

        const batches: Promise<string>[] = [];
        for (let from = 0; from < second.length; from += size) batches.push(pack(encodeOpenItemBatch(second.slice(from, from + size))));
        const summary: ParseSummary = { fileId: 'second', recordKind: 'open-items', batchCount: batches.length, recordCount: second.length, rowCount: second.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: 'h2' };
        const operations = createImportOperations(whileParsed);
        const preview = await operations.prepare({ fileId: 'second', fileName: 'b.csv', recordKind: 'open-items', today, at }, { readBatch: async (index) => (await batches[index]) ?? null, summary: async () => summary });
        await operations.commit({ importId: 'second', closeMissing, at, today, homeCurrency: 'EUR' }, async () => undefined);

        expect(preview.openItems).toEqual(expected.preview);
        expect(await ledgers(whileParsed)).toEqual(await ledgers(after));
      }),
      { numRuns: 30 },
    );
  });
});
