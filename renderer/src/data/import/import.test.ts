import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { OpenItemRecord } from '../../../../shared/import/open-item-record';
import { encodeOpenItemBatch } from '../../../../shared/import/open-item-batch';
import { bytesToBase64 } from '../backup/backup-format';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import { toIsoDate } from '../../../../shared/time/iso-date';
import { KredoDb } from '../db/kredo-db';
import { TABLE_NAMES } from '../db/schema';
import { readDebtorLedger } from '../store/read-ledger';
import { createImportOperations } from '../worker/import-operations';
import { assignPayment, dismissPayment } from './review-payments';

const today = toIsoDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
let db: KredoDb;
let counter = 0;
afterEach(() => db?.close());

function freshDb(): KredoDb {
  counter += 1;
  db = new KredoDb(`import-test-${counter}`);
  return db;
}

function item(customerCode: string, invoiceNumber: string, openMinor: number, fields: Partial<OpenItemRecord> = {}): OpenItemRecord {
  return {
    row: 2, customerCode, customerName: `Customer ${customerCode}`, invoiceNumber, invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'), currency: 'EUR',
    openMinor, amountMinor: undefined, paymentReference: '', vatNumber: '', companyNumber: '', description: '', ...fields,
  };
}

function line(id: string, amountMinor: number, fields: Partial<BankTransaction> = {}): BankTransaction {
  return {
    id, position: 1, accountIban: 'NL91ABNA0417164300', bookingDate: toIsoDate('2026-11-20'), valueDate: toIsoDate('2026-11-20'), amountMinor, currency: 'EUR', direction: 'credit',
    isReversal: false, counterpartyName: '', counterpartyIban: '', structuredReference: '', remittance: '', endToEndId: '', bankReference: '', ...fields,
  };
}

/** A batch as the main process hands it over: gzip'd JSON in base64. */
async function pack(batch: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(batch)]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

const noBackup = async () => undefined;

/** Runs an import the way the Imports screen does: prepare from batches, then commit. */
async function importRecords(
  store: KredoDb,
  records: readonly unknown[],
  options: { kind?: ParseSummary['recordKind']; hash?: string; closeMissing?: boolean; fileId?: string; backUp?: () => Promise<unknown> } = {},
) {
  const operations = createImportOperations(store);
  const kind = options.kind ?? 'open-items';
  // Open items travel in columns (open-item-batch.ts); bank lines and e-invoices as they are.
  const encode = (batch: readonly unknown[]) => pack(kind === 'open-items' ? encodeOpenItemBatch(batch as OpenItemRecord[]) : batch);
  const batches = [records.slice(0, 2), records.slice(2)].filter((batch) => batch.length > 0).map(encode);
  const summary: ParseSummary = {
    fileId: options.fileId ?? 'file-1', recordKind: kind, batchCount: batches.length, recordCount: records.length, rowCount: records.length,
    settledRows: 0, rejections: [], rejectionCount: 0, fileHash: options.hash ?? 'hash-1',
  };
  const preview = await operations.prepare({ fileId: summary.fileId, fileName: 'export.csv', recordKind: kind, today, at }, { readBatch: async (index) => (await batches[index]) ?? null, summary: async () => summary });
  const portfolio = await operations.commit({ importId: summary.fileId, closeMissing: options.closeMissing ?? false, at, today, homeCurrency: 'EUR' }, options.backUp ?? noBackup);
  return { preview, portfolio };
}

async function snapshot(store: KredoDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) result[name] = await store.table(name).toArray();
  return result;
}

async function ledgerOf(store: KredoDb, customerCode: string) {
  const debtor = (await store.debtorChunks.toArray()).flatMap((chunk) => chunk.debtors).find((candidate) => candidate.customerCode === customerCode)!;
  return readDebtorLedger(store, debtor.chunkId, debtor.id);
}

const EXPORT = [item('1001', '2026-0101', 100_000), item('1001', '2026-0102', 25_000), item('1002', '2026-0201', 40_000, { currency: 'EUR' }), item('1002', 'CN-2026-07', -5_000)];

describe('open-items import', () => {
  it('builds a portfolio from an ERP export in an empty store, with figures and an audit entry', async () => {
    const store = freshDb();
    const { preview, portfolio } = await importRecords(store, EXPORT);
    expect(preview.openItems).toMatchObject({ newDebtors: { count: 2 }, newItems: { count: 4, totals: { EUR: 160_000 } }, unchanged: 0 });
    // Invoices €1,000 + €250 + €400 are open, all overdue on 24 November; the credit note is a credit.
    expect(portfolio).toMatchObject({ debtorCount: 2, openMinor: 165_000, overdueMinor: 165_000, creditsMinor: -5_000, currency: 'EUR' });
    expect((await store.policies.toArray())[0]).toMatchObject({ id: 'uninsured', insuredPercentageBp: 0 });
    expect(await store.audit.toArray()).toEqual([expect.objectContaining({ action: 'import.committed', entityType: 'import', details: expect.objectContaining({ newItems: 4, fileHash: 'hash-1' }) })]);
  });

  it('changes nothing when the same export is imported again, and says it was imported before', async () => {
    const store = freshDb();
    await importRecords(store, EXPORT);
    const before = await snapshot(store);
    const { preview } = await importRecords(store, EXPORT, { fileId: 'file-2' });
    expect(preview).toMatchObject({ hasChanges: false, previouslyImportedAt: at, openItems: { unchanged: 4, newItems: { count: 0 } } });
    const after = await snapshot(store);
    for (const name of ['debtorChunks', 'ledgerNumbers', 'ledgerTexts', 'summaryChunks', 'portfolio']) expect(after[name], name).toEqual(before[name]);
  });

  // The daily case at tier L: the same export again must not rewrite a million items' chunks or summaries.
  it('writes nothing but its own record and audit line when an import changes nothing', async () => {
    const store = freshDb();
    const written: string[] = [];
    store.use({ stack: 'dbcore', name: 'count-writes', create: (down) => ({ ...down, table: (name) => {
      const table = down.table(name);
      return { ...table, mutate: (request) => (written.push(name), table.mutate(request)) };
    } }) });
    await importRecords(store, EXPORT);
    written.length = 0;
    // The same invoices in another order, and a line Kredo does not have that is already settled.
    const again = [EXPORT[3]!, EXPORT[2]!, EXPORT[1]!, EXPORT[0]!, item('1002', '2026-0299', 0)];
    const { preview, portfolio } = await importRecords(store, again, { fileId: 'file-2' });
    expect(preview.openItems).toMatchObject({ unchanged: 4, alreadySettled: 1, newItems: { count: 0 }, settled: { count: 0 }, missing: { count: 0 } });
    expect(portfolio).toMatchObject({ debtorCount: 2, openMinor: 165_000 });
    expect([...new Set(written)].sort()).toEqual(['audit', 'imports']);
  });

  it('settles what the ERP settled, and closes missing invoices only when confirmed', async () => {
    const store = freshDb();
    await importRecords(store, EXPORT);
    const next = [item('1001', '2026-0101', 30_000), item('1002', '2026-0201', 40_000), item('1002', 'CN-2026-07', -5_000)];
    const unconfirmed = await importRecords(store, next, { hash: 'hash-2', fileId: 'file-2' });
    expect(unconfirmed.preview.openItems).toMatchObject({ settled: { count: 1, totals: { EUR: 70_000 } }, missing: { count: 1, totals: { EUR: 25_000 } } });
    expect(unconfirmed.portfolio.openMinor).toBe(95_000);
    const confirmed = await importRecords(store, next, { hash: 'hash-2', fileId: 'file-3', closeMissing: true });
    expect(confirmed.portfolio.openMinor).toBe(70_000);
    expect((await ledgerOf(store, '1001'))?.allocations.map((allocation) => [allocation.itemId, allocation.amountMinor, allocation.source.kind])).toEqual([
      ['erp-1001|2026-0101', 70_000, 'external'],
      ['erp-1001|2026-0102', 25_000, 'external'],
    ]);
  });

  it('leaves the store exactly as it was when the commit fails half-way', async () => {
    const store = freshDb();
    await importRecords(store, EXPORT);
    const before = await snapshot(store);
    const operations = createImportOperations(store);
    const records = [item('1001', '2026-0101', 10_000), ...Array.from({ length: 150 }, (_, index) => item(`2${String(index).padStart(3, '0')}`, `N-${index}`, 1_000))];
    const summary: ParseSummary = { fileId: 'f', recordKind: 'open-items', batchCount: 1, recordCount: records.length, rowCount: records.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: 'h' };
    const batch = await pack(encodeOpenItemBatch(records));
    await operations.prepare({ fileId: 'f', fileName: 'big.csv', recordKind: 'open-items', today, at }, { readBatch: async (index) => (index === 0 ? batch : null), summary: async () => summary });
    // The disk fills up while the second chunk is written (however many chunks one request carries).
    let writes = 0;
    store.close(); // Dexie builds its middleware stack when the store opens.
    store.use({ stack: 'dbcore', name: 'disk-full', create: (down) => ({ ...down, table: (name) => {
      const table = down.table(name);
      return { ...table, mutate: (request) => {
        if (name !== 'ledgerNumbers' || request.type !== 'put') return table.mutate(request);
        const before = writes;
        writes += request.values.length;
        return before < 2 && writes >= 2 ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : table.mutate(request);
      } };
    } }) });
    await store.open();
    await expect(operations.commit({ importId: 'f', closeMissing: false, at, today, homeCurrency: 'EUR' }, noBackup)).rejects.toThrow();
    expect(writes).toBeGreaterThanOrEqual(2);
    expect(await snapshot(store)).toEqual(before);
  });

  it('backs up a store that holds data before storing an import, and stores nothing when that backup fails', async () => {
    const store = freshDb();
    let backups = 0;
    const countBackup = async () => (backups += 1);
    await importRecords(store, EXPORT, { backUp: countBackup });
    expect(backups).toBe(0); // an empty store has nothing to back up
    const before = await snapshot(store);
    const next = [item('1003', '2026-0301', 12_500)];
    await expect(importRecords(store, next, { fileId: 'file-2', hash: 'hash-2', backUp: () => Promise.reject(new Error('backup folder not writable')) })).rejects.toThrow('not writable');
    expect(await snapshot(store)).toEqual(before);
    await importRecords(store, next, { fileId: 'file-3', hash: 'hash-3', backUp: countBackup });
    expect(backups).toBe(1);
    expect((await snapshot(store))['imports']).toHaveLength(2);
  });
});

describe('e-invoice import', () => {
  it('adds the invoice to its buyer, created from the invoice’s address when new', async () => {
    const store = freshDb();
    const buyer = { name: 'Lindqvist Bygg AB', country: 'SE', street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', email: 'ap@lindqvist.se' };
    const eInvoice = { kind: 'invoice', record: item('5560360793', 'SE-2026-55', 1_250_000, { currency: 'SEK', customerName: 'Lindqvist Bygg AB' }), buyer };
    const { preview } = await importRecords(store, [eInvoice], { kind: 'e-invoice' });
    expect(preview).toMatchObject({ kind: 'e-invoice', openItems: { newDebtors: { count: 1 }, newItems: { count: 1, totals: { SEK: 1_250_000 } }, missing: { count: 0 } } });
    const debtor = (await store.debtorChunks.toArray())[0]?.debtors[0];
    expect(debtor).toMatchObject({ name: 'Lindqvist Bygg AB', country: 'SE', language: 'sv', address: { city: 'Stockholm' }, contacts: [{ email: 'ap@lindqvist.se' }] });
  });
});

describe('bank statement import', () => {
  it('books matched payments, keeps the rest for review, skips duplicates; review assigns and dismisses', async () => {
    const store = freshDb();
    await importRecords(store, EXPORT);
    const statement = [
      line('P1', 60_000, { remittance: 'Factuur 2026-0101 deelbetaling' }),
      line('P2', 40_000, { counterpartyName: 'Customer 1002' }),
      line('P3', 12_345, { counterpartyName: 'Somebody Else' }),
      line('P4', 5_000, { direction: 'debit' }),
    ];
    const first = await importRecords(store, statement, { kind: 'bank-transactions', hash: 'bank-1', fileId: 'bank-1' });
    expect(first.preview.payments).toMatchObject({ booked: { count: 2, totals: { EUR: 100_000 } }, toReview: { count: 1 }, notReceipts: 1 });
    expect(first.preview.payments?.booked.sample.map((row) => [row.customerCode, row.method, row.invoiceNumbers])).toEqual([['1001', 'invoice-number', ['2026-0101']], ['1002', 'name', ['2026-0201']]]);
    expect(first.portfolio.openMinor).toBe(65_000);
    expect((await ledgerOf(store, '1001'))?.items.find((entry) => entry.number === '2026-0101')?.openMinor).toBe(40_000);

    const again = await importRecords(store, statement, { kind: 'bank-transactions', hash: 'bank-1', fileId: 'bank-2' });
    expect(again.preview.payments).toMatchObject({ booked: { count: 0 }, toReview: { count: 0 }, duplicates: 3 });

    await assignPayment(store, { paymentId: 'P3', debtorId: 'erp-1001', itemIds: ['erp-1001|2026-0102'], at, today, homeCurrency: 'EUR' });
    expect(await store.paymentsToReview.count()).toBe(0);
    expect((await store.portfolio.get('current'))?.openMinor).toBe(65_000 - 12_345);
    await expect(dismissPayment(store, { paymentId: 'P3', at })).rejects.toMatchObject({ code: 'import.paymentGone' });
    expect((await store.audit.toArray()).map((entry) => entry.action)).toContain('payment.assigned');
  });
});
