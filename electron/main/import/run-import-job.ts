import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileAnalysis, ImportDialect, ImportProfile, ImportReading, ParseSummary } from '../../../shared/ipc/import-contract';
import type { ColumnMapping } from '../../../shared/import/open-item-fields';
import type { TableContent } from '../../../shared/import/customer-fields';
import { packOpenItemBatch, type OpenItemBatch } from '../../../shared/import/open-item-batch';
import { decodeText } from './decode-text';
import { isBankFileKind } from './formats/bank-file-kind';
import type { ParsedBankFile } from './formats/bank-file';
import type { FileKind } from './sniff-format';
import { analyseTabular, BATCH_SIZE, parseTabular, type TableParseFields } from './tabular/tabular-job';

export { headerSignature, BATCH_SIZE } from './tabular/tabular-job';
export { countNonBlankByteLines, countNonBlankLines } from './tabular/count-lines';

export type ImportJobRequest =
  | { readonly type: 'analyse'; readonly path: string; readonly name: string; readonly kind: FileKind; readonly defaultCurrency: string; readonly profiles: readonly ImportProfile[]; readonly reading?: ImportReading }
  | { readonly type: 'parse'; readonly path: string; readonly name: string; readonly kind: FileKind; readonly fileId: string; readonly mapping: ColumnMapping; readonly dialect: ImportDialect; readonly reading?: ImportReading; readonly content?: TableContent };

export type ImportJobMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'analysis'; readonly analysis: FileAnalysis }
  /**
   * A batch of records: JSON, or open items packed as columns (open-item-batch.ts). Its buffer is
   * transferred, not copied; the main process gzips it (gzip-batch.ts) — never this worker, see there.
   */
  | { readonly type: 'batch'; readonly bytes: Uint8Array; readonly count: number }
  | { readonly type: 'summary'; readonly summary: ParseSummary };

/**
 * The bank and e-invoice readers, with the XML parsers under them, are modules apart: loading them was a
 * third of what starting a worker for a CSV cost. A worker kept ready loads them before its job
 * (loadReaders); a worker started for a job loads only what the file needs. The Excel reader is loaded
 * only for a workbook (read-xlsx.ts): exceljs would hold several MB in every idle worker.
 */
const bankReaders = () => import('./formats/bank-job');
const eInvoiceReader = () => import('./formats/ubl');

/** The bank and e-invoice readers, loaded ahead of a job in a worker kept ready (worker-standby.ts). */
export async function loadReaders(): Promise<void> {
  await Promise.all([bankReaders(), eInvoiceReader()]);
}

const utf8 = new TextEncoder();

/** Records as JSON in UTF-8, in a buffer of their own (so it can be transferred). */
function packBatch(records: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(records));
}

/** Open items go as typed columns (open-item-batch.ts, format 2): no JSON of a million numbers. */
function packOpenItems(batch: OpenItemBatch): Uint8Array {
  return packOpenItemBatch(batch, (text) => Buffer.from(text, 'utf8'));
}

/**
 * One import job, run in a worker thread (see import-worker.ts) so a large file never blocks the main
 * process. `analyse` looks at a file and proposes how to read it; `parse` reads all of it and hands over
 * checked records in batches, with progress.
 */
export async function runImportJob(request: ImportJobRequest, post: (message: ImportJobMessage) => void): Promise<void> {
  // A view of the file's buffer: `new Uint8Array(buffer)` copied a 100 MB file byte by byte (a second).
  const file = await readFile(request.path);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (request.type === 'analyse') {
    if (request.kind === 'open-items' || request.kind === 'xlsx') {
      post({ type: 'analysis', analysis: await analyseTabular(request, bytes) });
    } else if (request.kind === 'ubl') {
      const { parseUbl } = await eInvoiceReader();
      const parsed = parseUbl(decodeText(bytes).text, request.name);
      post({ type: 'analysis', analysis: { type: 'e-invoice', documentKind: parsed.kind, number: parsed.record.invoiceNumber, buyerName: parsed.record.customerName, openMinor: parsed.record.openMinor, currency: parsed.record.currency } });
    } else if (isBankFileKind(request.kind)) {
      const { analyseBankFile, parseBankFile } = await bankReaders();
      const parsed = parseBankFile(request.kind, bytes, request.name);
      post({ type: 'analysis', analysis: analyseBankFile(parsed) });
      // A bank file is read whole to be analysed: its parse is handed over too, and the service keeps it
      // for the import that follows (issue 14: a 10,000-line camt.053 was parsed twice, seconds each).
      postBankParse(parsed, createHash('sha256').update(bytes).digest('hex'), '', post);
    }
    return;
  }

  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const summary = (fields: Pick<ParseSummary, 'recordKind' | 'batchCount' | 'recordCount' | 'rowCount'> & Partial<TableParseFields>): ParseSummary => ({
    fileId: request.fileId,
    settledRows: fields.settledRows ?? 0,
    rejections: fields.rejections ?? [],
    rejectionCount: fields.rejectionCount ?? 0,
    fileHash,
    recordKind: fields.recordKind,
    batchCount: fields.batchCount,
    recordCount: fields.recordCount,
    rowCount: fields.rowCount,
  });

  if (request.kind === 'ubl') {
    const { parseUbl } = await eInvoiceReader();
    const parsed = parseUbl(decodeText(bytes).text, request.name);
    post({ type: 'batch', bytes: packBatch([parsed]), count: 1 });
    post({ type: 'summary', summary: summary({ recordKind: 'e-invoice', batchCount: 1, recordCount: 1, rowCount: 1 }) });
    return;
  }
  if (isBankFileKind(request.kind)) {
    const { parseBankFile } = await bankReaders();
    postBankParse(parseBankFile(request.kind, bytes, request.name), fileHash, request.fileId, post);
    return;
  }

  const table = await parseTabular(request, bytes, (message) =>
    post(message.type === 'batch' ? { type: 'batch', bytes: request.content === 'customers' ? packBatch(message.records) : packOpenItems(message.records as OpenItemBatch), count: message.count } : message),
  );
  post({ type: 'summary', summary: summary({ recordKind: request.content === 'customers' ? 'customers' : 'open-items', ...table }) });
}

/** A bank file's booked lines in batches, then the parse's summary, as a parse hands them over. */
function postBankParse(parsed: ParsedBankFile, fileHash: string, fileId: string, post: (message: ImportJobMessage) => void): void {
  const transactions = parsed.statements.flatMap((statement) => statement.transactions);
  let batchCount = 0;
  for (let start = 0; start < transactions.length; start += BATCH_SIZE) {
    const batch = transactions.slice(start, start + BATCH_SIZE);
    post({ type: 'batch', bytes: packBatch(batch), count: batch.length });
    batchCount += 1;
  }
  const rejections = parsed.rejections;
  const summary: ParseSummary = { fileId, settledRows: 0, rejections: rejections.slice(0, 1_000), rejectionCount: rejections.length, fileHash, recordKind: 'bank-transactions', batchCount, recordCount: transactions.length, rowCount: transactions.length };
  post({ type: 'summary', summary });
}
