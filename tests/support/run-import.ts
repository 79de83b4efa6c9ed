import { bytesToBase64 } from '../../renderer/src/data/backup/backup-format';
import type { KredoDb } from '../../renderer/src/data/db/kredo-db';
import { createImportOperations } from '../../renderer/src/data/worker/import-operations';
import { encodeOpenItemBatch } from '../../shared/import/open-item-batch';
import type { OpenItemRecord } from '../../shared/import/open-item-record';
import type { ParseSummary } from '../../shared/ipc/import-contract';
import { toIsoDate, type IsoDate } from '../../shared/time/iso-date';

/** An open item as an ERP export row would give it (the test overrides what it is about). */
export function openItem(customerCode: string, invoiceNumber: string, openMinor: number, fields: Partial<OpenItemRecord> = {}): OpenItemRecord {
  return {
    row: 2, customerCode, customerName: `Customer ${customerCode}`, invoiceNumber, invoiceDate: toIsoDate('2026-10-01'), dueDate: toIsoDate('2026-10-31'), currency: 'EUR',
    openMinor, amountMinor: undefined, paymentReference: '', vatNumber: '', companyNumber: '', description: '', ...fields,
  };
}

/** A batch as the main process hands it over: gzip'd JSON in base64. */
async function pack(batch: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(batch)]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

let files = 0;

/**
 * Runs an import the way the Imports screen does: the data worker prepares it from the parsed batches and,
 * unless `commit` is false, commits it (no backup: the store is fake-indexeddb).
 */
export async function runImport(
  db: KredoDb,
  records: readonly unknown[],
  options: { readonly kind?: ParseSummary['recordKind']; readonly today: IsoDate; readonly commit?: boolean; readonly closeMissing?: boolean },
) {
  files += 1;
  const fileId = `file-${files}`;
  const operations = createImportOperations(db);
  const kind = options.kind ?? 'open-items';
  const at = `${options.today}T10:00:00.000Z`;
  const batch = await pack(kind === 'open-items' ? encodeOpenItemBatch(records as OpenItemRecord[]) : records);
  const summary: ParseSummary = { fileId, recordKind: kind, batchCount: 1, recordCount: records.length, rowCount: records.length, settledRows: 0, rejections: [], rejectionCount: 0, fileHash: `hash-${fileId}` };
  const preview = await operations.prepare({ fileId, fileName: `${fileId}.csv`, recordKind: kind, today: options.today, at }, { readBatch: async (index) => (index === 0 ? batch : null), summary: async () => summary });
  if (options.commit === false) return { preview, portfolio: undefined };
  const portfolio = await operations.commit({ importId: fileId, closeMissing: options.closeMissing ?? false, at, today: options.today, homeCurrency: 'EUR' }, async () => undefined);
  return { preview, portfolio };
}
