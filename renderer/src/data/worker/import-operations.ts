import { KredoError } from '../../../../shared/errors/kredo-error';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import type { ParsedEInvoice } from '../../../../shared/import/e-invoice';
import type { OpenItemRecord } from '../../../../shared/import/open-item-record';
import type { ParseSummary } from '../../../../shared/ipc/import-contract';
import type { PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { ImportRecord, PaymentToReview } from '../db/schema';
import { commitImport } from '../import/commit-import';
import type { ImportPreview } from '../import/import-preview';
import { prepareBankPayments } from '../import/prepare-bank-payments';
import { groupByCustomer, prepareOpenItems } from '../import/prepare-open-items';
import type { ChunkUpdate } from '../import/rewrite-chunks';

export type ImportStage = 'reading' | 'comparing' | 'saving';
export type ImportProgress = (stage: ImportStage, done: number, total: number) => void;

export interface PrepareImportRequest {
  readonly fileId: string;
  readonly fileName: string;
  readonly summary: ParseSummary;
  readonly today: IsoDate;
  readonly at: string;
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
  readonly updates: (closeMissing: boolean) => readonly ChunkUpdate[];
  readonly toReview: readonly PaymentToReview[];
}

/** Reads the parsed batches the main process holds, one JSON text at a time. */
async function readAll<T>(summary: ParseSummary, readBatch: (index: number) => Promise<string>, onProgress?: ImportProgress): Promise<T[]> {
  const all: T[] = [];
  for (let index = 0; index < summary.batchCount; index += 1) {
    for (const record of JSON.parse(await readBatch(index)) as T[]) all.push(record);
    onProgress?.('reading', index + 1, summary.batchCount);
  }
  return all;
}

/**
 * The data worker's side of an import: prepare (read the parsed records, compare them with the store,
 * and say what would change), then commit or discard. A prepared import lives only in this worker's
 * memory; anything else that writes the store makes it stale, so those operations call `invalidate`.
 */
export function createImportOperations(db: KredoDb) {
  const pending = new Map<string, PendingImport>();

  async function prepare(request: PrepareImportRequest, readBatch: (index: number) => Promise<string>, onProgress?: ImportProgress): Promise<ImportPreview> {
    const { summary } = request;
    const previous = (await db.imports.where('fileHash').equals(summary.fileHash).sortBy('at')).at(-1);
    const base = { importId: request.fileId, fileName: request.fileName, previouslyImportedAt: previous?.at ?? null };
    const rejected = { rejectedRows: summary.rejectionCount };
    let entry: PendingImport;

    if (summary.recordKind === 'bank-transactions') {
      const transactions = await readAll<BankTransaction>(summary, readBatch, onProgress);
      onProgress?.('comparing', 0, 1);
      const prepared = await prepareBankPayments(db, transactions, { fileName: request.fileName, at: request.at });
      const { booked, toReview, duplicates, notReceipts } = prepared.preview;
      entry = {
        preview: { ...base, kind: 'bank-transactions', openItems: null, payments: prepared.preview, hasChanges: booked.count + toReview.count > 0 },
        fileHash: summary.fileHash,
        report: { ...rejected, booked: booked.count, toReview: toReview.count, duplicates, notReceipts },
        updates: () => prepared.updates,
        toReview: prepared.toReview,
      };
    } else {
      const isEInvoice = summary.recordKind === 'e-invoice';
      const eInvoice = isEInvoice ? (await readAll<ParsedEInvoice>(summary, readBatch, onProgress))[0] : undefined;
      const records = eInvoice ? [eInvoice.record] : await readAll<OpenItemRecord>(summary, readBatch, onProgress);
      const prepared = await prepareOpenItems(db, groupByCustomer(records), {
        today: request.today,
        // An open-items export lists everything open; an e-invoice is one document and says nothing about the rest.
        isFullExport: !isEInvoice,
        ...(eInvoice && { buyer: eInvoice.buyer }),
        onProgress: (done, total) => onProgress?.('comparing', done, total),
      });
      const { preview } = prepared;
      entry = {
        preview: { ...base, kind: isEInvoice ? 'e-invoice' : 'open-items', openItems: preview, payments: null, hasChanges: preview.newItems.count + preview.settled.count + preview.missing.count > 0 },
        fileHash: summary.fileHash,
        report: {
          ...rejected,
          newDebtors: preview.newDebtors.count,
          newItems: preview.newItems.count,
          settled: preview.settled.count,
          unchanged: preview.unchanged,
          differences: preview.differences.count,
          missing: preview.missing.count,
        },
        updates: prepared.updates,
        toReview: [],
      };
    }
    pending.set(request.fileId, entry);
    return entry.preview;
  }

  async function commit(request: CommitImportRequest, onProgress?: ImportProgress): Promise<PortfolioSummary> {
    const entry = pending.get(request.importId);
    if (!entry) throw new KredoError('import.expired');
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
    });
  }

  return {
    prepare,
    commit,
    discard: (importId: string) => void pending.delete(importId),
    /** Called by every other operation that writes ledgers: a prepared import would overwrite its changes. */
    invalidate: () => pending.clear(),
  };
}
