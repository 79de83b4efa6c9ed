import { KredoError } from '../../../../shared/errors/kredo-error';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { ParsedEInvoice } from '../../../../shared/import/e-invoice';
import type { OpenItemBatch } from '../../../../shared/import/open-item-batch';
import { groupRecordsByCustomer, OpenItemLineGroups } from '../../../../shared/import/open-item-lines';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { ImportRecord, PaymentToReview } from '../db/schema';
import { commitImport } from '../import/commit-import';
import type { ImportPreview } from '../import/import-preview';
import { prepareBankPayments, readMatchingStore } from '../import/prepare-bank-payments';
import { createStoreReadAhead } from '../import/store-read-ahead';
import { prepareCustomers } from '../import/prepare-customers';
import type { CustomerRecord } from '../../../../shared/import/normalise-customers';
import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { prepareOpenItems } from '../import/prepare-open-items';
import type { StoreUpdate } from '../import/rewrite-chunks';
import { unpackBatch } from '../import/unpack-batch';
import { ChunkEditor, loadStoreIndex, type StoreIndex } from '../import/chunk-loader';
import { NewLedgersAhead } from '../import/new-ledgers-ahead';

export type ImportStage = 'comparing' | 'backingUp' | 'saving';
export type ImportProgress = (stage: ImportStage, done: number, total: number) => void;

export interface PrepareImportRequest {
  readonly fileId: string;
  readonly fileName: string;
  /** What the batches hold, from the kind of file (see recordKindOf). */
  readonly recordKind: ParseSummary['recordKind'];
  readonly today: IsoDate;
  readonly at: string;
}

/** Where a prepare gets the main process's parse: batch by batch while it runs, then its summary. */
export interface ParseFeed {
  /** Batch `index` as gzip'd JSON in base64, or null after the last one. */
  readBatch(index: number): Promise<string | null>;
  /** The parse's summary (file hash, refused rows), once it has finished. */
  summary(): Promise<ParseSummary>;
}

export interface CommitImportRequest {
  readonly importId: string;
  /** Whether the controller confirmed "closed since last import". */
  readonly closeMissing: boolean;
  readonly at: string;
  readonly today: IsoDate;
  readonly homeCurrency: string;
}

interface PendingImport {
  readonly preview: ImportPreview;
  readonly fileHash: string;
  readonly report: Record<string, number>;
  readonly updates: (closeMissing: boolean) => readonly StoreUpdate[];
  readonly toReview: readonly PaymentToReview[];
  readonly audit?: (at: string, fileName: string) => AuditEntry[];
}

/** Takes every batch of the parse as it comes (the main process is still reading the file meanwhile). */
async function readAll(feed: ParseFeed, take: (batch: unknown) => void): Promise<void> {
  for (let index = 0; ; index += 1) {
    const packed = await feed.readBatch(index);
    if (packed === null) return;
    take(await unpackBatch(packed));
  }
}

/**
 * For an open-items file: the store's index, and the chunks of the customers it already knows read while
 * the main process is still parsing the file, each customer's lines compared with its stored items as
 * they arrive (ChunkEditor.follow) and each new customer's debtor and ledger worked out once the batches
 * have moved past it (NewLedgersAhead), so the comparison that follows finds nearly all of it done.
 */
function prefetchStore(db: KredoDb, lines: OpenItemLineGroups, today: IsoDate) {
  let ready: { readonly index: StoreIndex; readonly editor: ChunkEditor; readonly ahead: NewLedgersAhead } | undefined;
  const waiting = new Set<string>();
  const fetch = (codes: Iterable<string>) => {
    for (const code of codes) {
      const debtor = ready!.index.byCustomerCode.get(code);
      const customerLines = lines.byCustomer.get(code);
      if (debtor && customerLines) ready!.editor.follow(debtor, customerLines);
    }
  };
  const store = loadStoreIndex(db).then((index) => {
    ready = { index, editor: new ChunkEditor(db, index), ahead: new NewLedgersAhead(index, (code) => lines.byCustomer.get(code), today) };
    fetch(waiting);
    waiting.clear();
    return ready;
  });
  // A parse that fails never gets to the comparison; its read of the index is then not waited for.
  store.catch(() => undefined);
  return {
    store,
    onBatch(codes: readonly string[]) {
      if (ready) {
        fetch(codes);
        // New customers a batch no longer continues are worked out meanwhile (a first import's 20,000 at tier L).
        ready.ahead.onBatch(codes);
      } else for (const code of codes) waiting.add(code);
    },
  };
}

/**
 * The data worker's side of an import: prepare (read the parsed records, compare them with the store,
 * and say what would change), then commit or discard. A prepared import lives only in this worker's
 * memory; anything else that writes the store makes it stale, so those operations call `invalidate`.
 */
export function createImportOperations(db: KredoDb) {
  const pending = new Map<string, PendingImport>();
  // A bank statement's store, read while the main process analyses the file (store-read-ahead.ts).
  const bankReadAhead = createStoreReadAhead(db.name, { read: () => readMatchingStore(db) });

  async function prepare(request: PrepareImportRequest, feed: ParseFeed, onProgress?: ImportProgress): Promise<ImportPreview> {
    const { recordKind } = request;
    // A bank statement is matched against every ledger chunk: they were read while the file was analysed
    // (readAhead) or are read while it is still being parsed. Any other import lets go of a read-ahead.
    const bankStore = recordKind === 'bank-transactions' ? bankReadAhead.take(request.fileId) : undefined;
    if (!bankStore) bankReadAhead.drop();
    // Awaited below; a parse that fails first must not leave its failure unhandled meanwhile.
    bankStore?.catch(() => undefined);
    // An open-items file's lines are grouped by customer as they arrive and read in place (open-item-lines.ts).
    const lines = recordKind === 'open-items' ? new OpenItemLineGroups() : undefined;
    const prefetch = lines ? prefetchStore(db, lines, request.today) : undefined;
    const records: unknown[] = [];
    await readAll(feed, (batch) => {
      if (lines) prefetch!.onBatch(lines.add(batch as OpenItemBatch));
      else for (const record of batch as unknown[]) records.push(record);
    });
    const summary = await feed.summary();
    const previous = (await db.imports.where('fileHash').equals(summary.fileHash).sortBy('at')).at(-1);
    const base = { importId: request.fileId, fileName: request.fileName, previouslyImportedAt: previous?.at ?? null };
    const rejected = { rejectedRows: summary.rejectionCount };
    let entry: PendingImport;

    if (recordKind === 'customers') {
      onProgress?.('comparing', 0, 1);
      const prepared = await prepareCustomers(db, records as CustomerRecord[]);
      const { updated, keptByHand, notFound, unchanged } = prepared.preview;
      entry = {
        preview: { ...base, kind: 'customers', openItems: null, payments: null, customers: prepared.preview, hasChanges: updated.count > 0 },
        fileHash: summary.fileHash,
        report: { ...rejected, debtorsUpdated: updated.count, keptByHand: keptByHand.count, notFound: notFound.count, unchanged },
        updates: prepared.updates,
        toReview: [],
        audit: prepared.audit,
      };
    } else if (recordKind === 'bank-transactions') {
      const transactions = records as BankTransaction[];
      onProgress?.('comparing', 0, 1);
      const prepared = await prepareBankPayments(db, transactions, { fileName: request.fileName, at: request.at }, bankStore);
      const { booked, toReview, duplicates, notReceipts } = prepared.preview;
      entry = {
        preview: { ...base, kind: 'bank-transactions', openItems: null, payments: prepared.preview, hasChanges: booked.count + toReview.count > 0 },
        fileHash: summary.fileHash,
        report: { ...rejected, booked: booked.count, toReview: toReview.count, duplicates, notReceipts },
        updates: () => prepared.updates,
        toReview: prepared.toReview,
      };
    } else {
      const isEInvoice = recordKind === 'e-invoice';
      const eInvoice = isEInvoice ? (records as ParsedEInvoice[])[0] : undefined;
      const groups = eInvoice ? groupRecordsByCustomer([eInvoice.record]) : lines!.byCustomer;
      const prepared = await prepareOpenItems(db, groups, {
        today: request.today,
        // An open-items export lists everything open; an e-invoice is one document and says nothing about the rest.
        isFullExport: !isEInvoice,
        ...(eInvoice && { buyer: eInvoice.buyer }),
        ...(prefetch && { store: await prefetch.store }),
        onProgress: (done, total) => onProgress?.('comparing', done, total),
      });
      const { preview } = prepared;
      entry = {
        preview: { ...base, kind: isEInvoice ? 'e-invoice' : 'open-items', openItems: preview, payments: null, hasChanges: preview.newItems.count + preview.settled.count + preview.missing.count + preview.debtorsUpdated > 0 },
        fileHash: summary.fileHash,
        report: {
          ...rejected,
          newDebtors: preview.newDebtors.count,
          newItems: preview.newItems.count,
          settled: preview.settled.count,
          unchanged: preview.unchanged,
          differences: preview.differences.count,
          missing: preview.missing.count,
          matchedByIdentifier: preview.matchedByIdentifier.count,
          debtorConflicts: preview.conflicts.count,
        },
        updates: prepared.updates,
        toReview: [],
      };
    }
    pending.set(request.fileId, entry);
    return entry.preview;
  }

  /**
   * `backUp` writes the backup made before every import (issue 3), so even a confirmed import can be
   * undone by restoring it; an empty store has nothing to keep. If it fails, nothing is imported.
   */
  async function commit(request: CommitImportRequest, backUp: () => Promise<unknown>, onProgress?: ImportProgress): Promise<PortfolioSummary> {
    const entry = pending.get(request.importId);
    if (!entry) throw new KredoError('import.expired');
    if ((await db.portfolio.get('current'))?.debtorCount) {
      onProgress?.('backingUp', 0, 0);
      await backUp();
    }
    pending.delete(request.importId);
    const updates = entry.updates(request.closeMissing);
    const record: ImportRecord = {
      id: request.importId,
      fileName: entry.preview.fileName,
      fileHash: entry.fileHash,
      kind: entry.preview.kind,
      at: request.at,
      report: { ...entry.report, closed: request.closeMissing ? entry.report['missing'] ?? 0 : 0 },
    };
    let done = 0;
    onProgress?.('saving', 0, updates.length);
    return commitImport(db, {
      record,
      updates,
      toReview: entry.toReview,
      today: request.today,
      homeCurrency: request.homeCurrency,
      onChunk: () => onProgress?.('saving', (done += 1), updates.length),
      ...(entry.audit && { audit: entry.audit(request.at, entry.preview.fileName) }),
    });
  }

  return {
    /**
     * Starts reading what a bank statement's import will match against, while the main process analyses
     * the file (the Imports screen knows its kind then); its prepare uses it if the store is unchanged.
     */
    readAhead: (fileId: string) => bankReadAhead.start(fileId),
    prepare,
    commit,
    discard: (importId: string) => {
      pending.delete(importId);
      bankReadAhead.drop(importId);
    },
    /** Called by every other operation that writes ledgers: a prepared import would overwrite its changes. */
    invalidate: () => {
      pending.clear();
      bankReadAhead.drop();
    },
  };
}
