import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { bytesToBase64 } from '../backup/backup-format';
import { KredoDb } from '../db/kredo-db';
import { TABLE_NAMES } from '../db/schema';
import { createImportOperations } from '../worker/import-operations';
import { statementPaying, storeGeneratedPortfolio, type GeneratedChunks } from './bank-statement.test-support';
import { dismissPayment } from './review-payments';

const TODAY = toIsoDate('2026-11-24');
const AT = '2026-11-24T09:00:00.000Z';
const open: KredoDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** How often each table has been read (query, get, getMany, cursor), counted below every middleware. */
function countReads(db: KredoDb) {
  const reads = new Map<string, number>();
  const count = (name: string) => reads.set(name, (reads.get(name) ?? 0) + 1);
  db.use({
    stack: 'dbcore',
    name: 'countReads',
    level: -1,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          get: (request) => (count(name), table.get(request)),
          getMany: (request) => (count(name), table.getMany(request)),
          query: (request) => (count(name), table.query(request)),
          openCursor: (request) => (count(name), table.openCursor(request)),
        };
      },
    }),
  });
  return { of: (name: string) => reads.get(name) ?? 0, reset: () => reads.clear() };
}

/** The same generated portfolio under `name`; every store made with one seed holds exactly the same. */
async function storeWith(name: string, seed = 11): Promise<{ db: KredoDb; chunks: GeneratedChunks; reads: ReturnType<typeof countReads> }> {
  const db = new KredoDb(name);
  const reads = countReads(db);
  open.push(db);
  const chunks = await storeGeneratedPortfolio(db, seed, TODAY, { debtors: 250, items: 3_000, payments: 600 });
  return { db, chunks, reads };
}

/** `count` lines paying open invoices in every way (statementPaying), spread over the portfolio. */
const statement = (chunks: GeneratedChunks, count: number, prefix: string) => statementPaying(chunks, Array.from({ length: count }, (_, index) => index * 7919 + prefix.length), prefix, TODAY);

/** A batch as the main process hands it over: gzip'd JSON in base64. */
async function pack(batch: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(batch)]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The parse's side of a prepare, as the Imports screen hands it over. */
function feedOf(fileId: string, transactions: readonly BankTransaction[]) {
  const summary: ParseSummary = { fileId, recordKind: 'bank-transactions', batchCount: 1, recordCount: transactions.length, rowCount: transactions.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: `hash-${fileId}` };
  return { readBatch: async (index: number) => (index === 0 ? pack(transactions) : null), summary: async () => summary };
}

const request = (fileId: string) => ({ fileId, fileName: `${fileId}.xml`, recordKind: 'bank-transactions' as const, today: TODAY, at: AT });
const commitRequest = (importId: string) => ({ importId, closeMissing: false, at: AT, today: TODAY, homeCurrency: 'EUR' });
const noBackup = async () => undefined;

/** Everything stored, but the import records (their ids differ between the stores compared). */
async function snapshot(db: KredoDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) if (name !== 'imports' && name !== 'audit') result[name] = await db.table(name).toArray();
  return result;
}

/** Waits until the read-ahead has asked the store for the ledger columns (it runs while the file is analysed). */
async function readAheadIssued(reads: ReturnType<typeof countReads>) {
  await vi.waitFor(() => expect(reads.of('ledgerNumbers') * reads.of('ledgerTexts') * reads.of('debtorChunks')).toBeGreaterThan(0));
}

describe("a bank statement's store read while the file is analysed", () => {
  it('is what its prepare matches and books on: no ledger chunk is read again, and the store ends as without it', async () => {
    const ahead = await storeWith('read-ahead-used');
    const plain = await storeWith('read-ahead-none');
    const transactions = statement(ahead.chunks, 300, 'A');

    const operations = createImportOperations(ahead.db);
    ahead.reads.reset();
    operations.readAhead('statement');
    await readAheadIssued(ahead.reads);
    ahead.reads.reset();
    const preview = await operations.prepare(request('statement'), feedOf('statement', transactions));
    expect(ahead.reads.of('ledgerNumbers')).toBe(0);
    expect(ahead.reads.of('ledgerTexts')).toBe(0);
    expect(ahead.reads.of('debtorChunks')).toBe(0);
    await operations.commit(commitRequest('statement'), noBackup);

    const without = createImportOperations(plain.db);
    plain.reads.reset();
    const expected = await without.prepare(request('statement'), feedOf('statement', transactions));
    expect(plain.reads.of('ledgerNumbers')).toBeGreaterThan(0);
    await without.commit(commitRequest('statement'), noBackup);

    expect(preview).toEqual(expected);
    expect(preview.payments!.booked.count).toBeGreaterThan(150);
    expect(await snapshot(ahead.db)).toEqual(await snapshot(plain.db));
  }, 120_000);

  it('is read again after a write to the store, while it was reading or after, and books as without it', async () => {
    for (const when of ['while reading', 'after'] as const) {
      const ahead = await storeWith(`read-ahead-stale-${when}`);
      const plain = await storeWith(`read-ahead-stale-none-${when}`);
      // A first statement leaves lines for review; dismissing one of them is the write in between.
      const first = statement(ahead.chunks, 120, 'F');
      const second = [...first.slice(0, 10), ...statement(ahead.chunks, 200, 'SECOND')];
      for (const db of [ahead.db, plain.db]) {
        const operations = createImportOperations(db);
        await operations.prepare(request('first'), feedOf('first', first));
        await operations.commit(commitRequest('first'), noBackup);
      }
      const waiting = new Set(await ahead.db.paymentsToReview.toCollection().primaryKeys());
      const dismissed = second.slice(0, 10).find((line) => waiting.has(line.id))!.id;

      const operations = createImportOperations(ahead.db);
      ahead.reads.reset();
      operations.readAhead('second');
      if (when === 'after') await readAheadIssued(ahead.reads);
      await dismissPayment(ahead.db, { paymentId: dismissed, at: AT });
      await dismissPayment(plain.db, { paymentId: dismissed, at: AT });
      ahead.reads.reset();
      const preview = await operations.prepare(request('second'), feedOf('second', second));
      expect(ahead.reads.of('ledgerNumbers')).toBeGreaterThan(0);
      await operations.commit(commitRequest('second'), noBackup);

      const without = createImportOperations(plain.db);
      const expected = await without.prepare(request('second'), feedOf('second', second));
      await without.commit(commitRequest('second'), noBackup);
      expect(preview).toEqual(expected);
      // The dismissed line is in the second statement again: read before the dismissal, it would count as known.
      expect(preview.payments!.duplicates).toBe(9);
      expect(await snapshot(ahead.db)).toEqual(await snapshot(plain.db));
    }
  }, 240_000);

  it("serves only the file it was read for; another file's import reads for itself and lets it go", async () => {
    const ahead = await storeWith('read-ahead-other-file');
    const operations = createImportOperations(ahead.db);
    operations.readAhead('statement-1');
    await readAheadIssued(ahead.reads);
    ahead.reads.reset();
    await operations.prepare(request('statement-2'), feedOf('statement-2', statement(ahead.chunks, 50, 'B')));
    expect(ahead.reads.of('ledgerNumbers')).toBeGreaterThan(0);
    operations.discard('statement-2');

    // Let go: statement 1's own import now reads as well.
    ahead.reads.reset();
    await operations.prepare(request('statement-1'), feedOf('statement-1', statement(ahead.chunks, 50, 'A')));
    expect(ahead.reads.of('ledgerNumbers')).toBeGreaterThan(0);
  }, 120_000);

  it('is let go when its file is discarded', async () => {
    const ahead = await storeWith('read-ahead-discarded');
    const operations = createImportOperations(ahead.db);
    operations.readAhead('statement');
    await readAheadIssued(ahead.reads);
    operations.discard('statement');
    ahead.reads.reset();
    await operations.prepare(request('statement'), feedOf('statement', statement(ahead.chunks, 50, 'A')));
    expect(ahead.reads.of('ledgerNumbers')).toBeGreaterThan(0);
  }, 120_000);
});
