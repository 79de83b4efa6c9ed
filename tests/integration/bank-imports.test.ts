import 'fake-indexeddb/auto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipBatch } from '../../electron/main/import/gzip-batch';
import { runImportJob, type ImportJobMessage } from '../../electron/main/import/run-import-job';
import { sniffFormat } from '../../electron/main/import/sniff-format';
import { bytesToBase64 } from '../../renderer/src/data/backup/backup-format';
import { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { readDebtorLedger } from '../../renderer/src/data/store/read-ledger';
import { createImportOperations } from '../../renderer/src/data/worker/import-operations';
import type { FileAnalysis, ParseSummary, TabularAnalysis } from '../../shared/ipc/import-contract';
import { toIsoDate } from '../../shared/time/iso-date';
import { makeTempDir } from '../support/temp-dir';

/**
 * Bank files imported end to end, as the Imports screen does it: the import worker reads the file
 * (runImportJob), the data worker compares it with the store and commits (import-operations), on
 * fake-indexeddb. The open items are Van der Velde Verpakkingen's (Exact Online export); the bank files are
 * its own banks' (tests/fixtures/make-bank-fixtures.ts).
 */
const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
const fixture = (name: string) => path.resolve('tests/fixtures/imports', name);
let db: KredoDb | undefined;
let stores = 0;
afterEach(() => db?.close());

async function run(name: string, request: { type: 'analyse' } | { type: 'parse'; analysis?: TabularAnalysis }): Promise<ImportJobMessage[]> {
  const kind = sniffFormat(new Uint8Array(await readFile(fixture(name))).subarray(0, 65_536))!;
  const messages: ImportJobMessage[] = [];
  const post = (message: ImportJobMessage) => messages.push(message);
  if (request.type === 'analyse') {
    await runImportJob({ type: 'analyse', path: fixture(name), name, kind, defaultCurrency: 'EUR', profiles: [] }, post);
  } else {
    const { analysis } = request;
    const dialect = analysis ? { ...analysis.dialect, dateFormat: analysis.dialect.dateFormat! } : { decimal: '.' as const, dateFormat: 'YYYY-MM-DD' as const, defaultCurrency: 'EUR' };
    await runImportJob({ type: 'parse', path: fixture(name), name, kind, fileId: name, mapping: analysis?.mapping ?? {}, dialect }, post);
  }
  return messages;
}

/** Imports a file into the store as the screen does: read, prepare (what would change), commit. */
async function importFile(store: KredoDb, name: string) {
  const analysis = (await run(name, { type: 'analyse' })).find((message) => message.type === 'analysis') as { analysis: FileAnalysis };
  const messages = await run(name, { type: 'parse', ...(analysis.analysis.type === 'tabular' && { analysis: analysis.analysis }) });
  // As the main process hands batches over: gzip'd there (gzip-batch.ts), in base64.
  const batches = await Promise.all(messages.flatMap((message) => (message.type === 'batch' ? [gzipBatch(message.bytes).then(bytesToBase64)] : [])));
  const summary = (messages.find((message) => message.type === 'summary') as { summary: ParseSummary }).summary;
  const operations = createImportOperations(store);
  const preview = await operations.prepare({ fileId: name, fileName: name, recordKind: summary.recordKind, today, at }, { readBatch: async (index) => batches[index] ?? null, summary: async () => summary });
  await operations.commit({ importId: name, closeMissing: false, at, today, homeCurrency: 'EUR' }, async () => undefined);
  return preview;
}

async function ledgerOf(store: KredoDb, customerCode: string) {
  const debtor = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((candidate) => candidate.customerCode === customerCode)!;
  return (await readDebtorLedger(store, debtor.chunkId, debtor.id))!;
}

async function storeWithOpenItems(): Promise<KredoDb> {
  stores += 1;
  db = new KredoDb(`bank-imports-${stores}`);
  await importFile(db, 'exact-online-open-items.csv');
  return db;
}

describe('bank files imported end to end', () => {
  it('ING’s CAMT.053 books the batch’s payments and the charged payment; the MT940 of the same day then changes nothing', async () => {
    const store = await storeWithOpenItems();
    const camt = await importFile(store, 'camt053-v02-ing-batch.xml');
    expect(camt.payments).toMatchObject({ booked: { count: 3, totals: { EUR: 225_000 + 85_000 + 985_500 } }, toReview: { count: 0 }, notReceipts: 2 });
    expect(camt.payments?.booked.sample.map((row) => [row.customerCode, row.invoiceNumbers, row.fit])).toEqual([['1002', ['2026-0125'], 'exact'], ['1001', ['2026-0117'], 'exact'], ['1006', ['2026-0106'], 'short']]);
    // Smit paid 9,870.00; the bank kept 15.00: 15.00 stays open.
    expect((await ledgerOf(store, '1006')).items.find((item) => item.number === '2026-0106')?.openMinor).toBe(1_500);
    const before = (await store.portfolio.get('current'))?.openMinor;

    const mt940 = await importFile(store, 'mt940-ing-2026-11-24.sta');
    expect(mt940).toMatchObject({ hasChanges: false, payments: { booked: { count: 0 }, toReview: { count: 0 }, duplicates: 2, notReceipts: 2 } });
    expect((await store.portfolio.get('current'))?.openMinor).toBe(before);
  });

  it('the other way round: a CAMT.053 after the MT940 of the same day books nothing twice', async () => {
    const store = await storeWithOpenItems();
    const mt940 = await importFile(store, 'mt940-ing-2026-11-24.sta');
    // The MT940's batch line names no invoice and no payer: it waits for the controller.
    expect(mt940.payments).toMatchObject({ booked: { count: 1 }, toReview: { count: 1, totals: { EUR: 310_000 } } });
    const camt = await importFile(store, 'camt053-v02-ing-batch.xml');
    expect(camt).toMatchObject({ hasChanges: false, payments: { booked: { count: 0 }, toReview: { count: 0 }, duplicates: 3 } });
  });

  it('a BgMax file books the payment its OCR number names and leaves the unknown one for review; the bank’s CAMT.054 of them changes nothing', async () => {
    const store = await storeWithOpenItems();
    const bgmax = await importFile(store, 'bgmax-bankgirot.txt');
    expect(bgmax.payments).toMatchObject({ booked: { count: 1, totals: { SEK: 4_500_000 } }, toReview: { count: 1, totals: { SEK: 125_000 } }, notReceipts: 1 });
    expect(bgmax.payments?.booked.sample[0]).toMatchObject({ customerCode: '1003', method: 'reference', invoiceNumbers: ['2026-0103'] });
    expect((await ledgerOf(store, '1003')).items.find((item) => item.number === '2026-0103')?.openMinor).toBe(0);

    const camt054 = await importFile(store, 'camt054-bankgiro-credit.xml');
    expect(camt054).toMatchObject({ hasChanges: false, payments: { booked: { count: 0 }, toReview: { count: 0 }, duplicates: 2 } });
    expect(await store.paymentsToReview.count()).toBe(1);
  });

  it('Rabobank’s MT940 Structured books by betalingskenmerk and invoice number', async () => {
    const store = await storeWithOpenItems();
    const rabo = await importFile(store, 'mt940-rabobank-structured.sta');
    expect(rabo.payments?.booked.sample.map((row) => [row.customerCode, row.method, row.invoiceNumbers])).toEqual([['1005', 'reference', ['2026-0105']], ['1002', 'invoice-number', ['2026-0102']]]);
  });

  it('a bank line that cannot be read is refused with its reason in the parse’s report, the rest of the statement read', async () => {
    const dir = await makeTempDir();
    try {
      const file = path.join(dir.path, 'broken.sta');
      await writeFile(file, [':20:S', ':25:NL91ABNA0417164300', ':60F:C261123EUR0,00', ':61:2611241124C50,00NTRFNONREF', ':86:Factuur 2026-0200', ':61:26112XC7,00NTRFNONREF', ':62F:C261124EUR57,00'].join('\r\n'));
      const messages: ImportJobMessage[] = [];
      await runImportJob({ type: 'parse', path: file, name: 'broken.sta', kind: 'mt940', fileId: 'f', mapping: {}, dialect: { decimal: '.', dateFormat: 'YYYY-MM-DD', defaultCurrency: 'EUR' } }, (message) => messages.push(message));
      const summary = (messages.find((message) => message.type === 'summary') as { summary: ParseSummary }).summary;
      expect(summary).toMatchObject({ recordKind: 'bank-transactions', recordCount: 1, rejectionCount: 1, rejections: [{ row: 6, field: 'bank::61:', code: 'bankLineUnreadable', value: '26112XC7,00NTRFNONREF' }] });
      const records = messages.flatMap((message) => (message.type === 'batch' ? (JSON.parse(Buffer.from(message.bytes).toString()) as { amountMinor: number }[]) : []));
      expect(records.map((record) => record.amountMinor)).toEqual([5_000]);
    } finally {
      await dir.remove();
    }
  });
});
