import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import type { FileAnalysis, ImportDialect, ImportProfile, ParseSummary } from '../../../shared/ipc/import-contract';
import { guessMapping, normaliseHeader } from '../../../shared/import/guess-mapping';
import { normaliseOpenItemRows, type SeenInvoices } from '../../../shared/import/normalise-open-items';
import { encodeOpenItemBatch } from '../../../shared/import/open-item-batch';
import type { ImportRejection } from '../../../shared/import/open-item-record';
import type { ColumnMapping } from '../../../shared/import/open-item-fields';
import { detectDecimalSeparator } from '../../../shared/import/parse-amount';
import { detectDateFormat } from '../../../shared/import/parse-date';
import { decodeText, detectEncoding } from './decode-text';
import { parseCamt053, type ParsedBankFile } from './formats/camt053';
import { parseMt940 } from './formats/mt940';
import { parseUbl } from './formats/ubl';
import { ImportFileError } from './import-error';
import type { FileKind } from './sniff-format';
import { detectDelimiter, readDelimitedRows } from './tabular/read-delimited';
import { readXlsxRows } from './tabular/read-xlsx';

export type ImportJobRequest =
  | { readonly type: 'analyse'; readonly path: string; readonly name: string; readonly kind: FileKind; readonly defaultCurrency: string; readonly profiles: readonly ImportProfile[] }
  | { readonly type: 'parse'; readonly path: string; readonly name: string; readonly kind: FileKind; readonly fileId: string; readonly mapping: ColumnMapping; readonly dialect: ImportDialect };

export type ImportJobMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'analysis'; readonly analysis: FileAnalysis }
  /** A batch of records as gzip'd JSON: a tenth of the bytes to hold and to hand to the renderer. */
  | { readonly type: 'batch'; readonly gzip: Uint8Array; readonly count: number }
  | { readonly type: 'summary'; readonly summary: ParseSummary };

/** JSON, gzip'd at the fastest level: JSON of records compresses about five to one even so. */
function packBatch(records: unknown): Uint8Array {
  return gzipSync(JSON.stringify(records), { level: 1 });
}

/** Records per batch handed to the renderer: about 3–5 MB of JSON, a fraction of a second each. */
export const BATCH_SIZE = 20_000;
const MAX_REPORTED_REJECTIONS = 1_000;
const SAMPLE_ROWS = 20;

export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

async function tabularRows(bytes: Uint8Array, kind: FileKind): Promise<{ encoding: string; delimiter: string; rows?: string[][]; text?: string }> {
  if (kind === 'xlsx') return { encoding: 'xlsx', delimiter: '', rows: await readXlsxRows(bytes) };
  const { text, encoding } = decodeText(bytes);
  return { encoding, delimiter: detectDelimiter(text), text };
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Lines with something on them, counted by scanning the text once: splitting a 100 MB export into a
 * million strings just to count them took seconds. (A quoted field spanning lines counts its lines; the
 * number is for progress and display.)
 */
export function countNonBlankLines(text: string): number {
  let lines = 0;
  let hasContent = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      if (hasContent) lines += 1;
      hasContent = false;
    } else if (code !== 13 && code !== 32 && code !== 9) {
      hasContent = true;
    }
  }
  return hasContent ? lines + 1 : lines;
}

const isSpaceByte = (byte: number) => byte === 13 || byte === 32 || byte === 9;

/**
 * The same count over the bytes of a file in a single-byte or UTF-8 encoding (where a newline is byte
 * 10 and no other character contains it), so analysis need not decode a 100 MB file: each line is found
 * natively and is blank only if it holds nothing but spaces, tabs and carriage returns.
 */
export function countNonBlankByteLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    let position = start;
    while (position < end && isSpaceByte(bytes[position]!)) position += 1;
    if (position < end) lines += 1;
    start = end + 1;
  }
  return lines;
}

/** The first 256 KB of a text file: plenty for its headers, a sample and the conventions it writes in. */
const HEAD_BYTES = 256 * 1024;

/** What analysis needs of a tabular file, without decoding all of a large text file. */
async function tabularHead(bytes: Uint8Array, kind: FileKind): Promise<{ encoding: string; delimiter: string; rows?: string[][]; text?: string; lineCount: number }> {
  if (kind === 'xlsx') {
    const rows = await readXlsxRows(bytes);
    return { encoding: 'xlsx', delimiter: '', rows, lineCount: rows.filter((row) => !isBlank(row)).length };
  }
  const encoding = detectEncoding(bytes);
  const { text } = decodeText(bytes.subarray(0, HEAD_BYTES), encoding);
  const lineCount = encoding.startsWith('utf-16') ? countNonBlankLines(decodeText(bytes, encoding).text) : countNonBlankByteLines(bytes);
  return { encoding, delimiter: detectDelimiter(text), text, lineCount };
}

function firstRows(source: { rows?: string[][]; text?: string; delimiter: string }, count: number): string[][] {
  const rows: string[][] = [];
  if (source.rows) rows.push(...source.rows.slice(0, count));
  else readDelimitedRows(source.text!, source.delimiter as ',', count, (batch) => rows.push(...batch));
  return rows.filter((row) => !isBlank(row)).slice(0, count);
}

function column(rows: readonly string[][], index: number | undefined): string[] {
  return index === undefined ? [] : rows.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
}

async function analyseTabular(request: Extract<ImportJobRequest, { type: 'analyse' }>, bytes: Uint8Array): Promise<FileAnalysis> {
  const source = await tabularHead(bytes, request.kind);
  const rows = firstRows(source, 201);
  const headers = rows[0] ?? [];
  if (headers.length === 0) throw new ImportFileError('empty', { file: request.name });
  const body = rows.slice(1);
  const profile = request.profiles.find((candidate) => candidate.headerSignature === headerSignature(headers));
  const guess = guessMapping(headers);
  const mapping = profile?.mapping ?? guess.mapping;
  const amounts = [...column(body, mapping.openAmount), ...column(body, mapping.amount)];
  const dates = [...column(body, mapping.invoiceDate), ...column(body, mapping.dueDate)];
  const rowCount = Math.max(0, source.lineCount - 1);
  return {
    type: 'tabular',
    encoding: source.encoding,
    delimiter: source.delimiter,
    headers,
    sample: body.slice(0, SAMPLE_ROWS),
    rowCount,
    mapping,
    presetName: profile ? null : (guess.preset?.name ?? null),
    profileId: profile?.id ?? null,
    dialect: profile?.dialect ?? {
      decimal: detectDecimalSeparator(amounts, source.delimiter === ',' ? '.' : ','),
      dateFormat: detectDateFormat(dates) ?? null,
      defaultCurrency: request.defaultCurrency,
    },
  };
}

function analyseBank(parsed: ParsedBankFile): FileAnalysis {
  const transactions = parsed.statements.flatMap((statement) => statement.transactions);
  return {
    type: 'bank',
    format: parsed.format,
    statements: parsed.statements.length,
    credits: transactions.filter((transaction) => transaction.direction === 'credit').length,
    debits: transactions.filter((transaction) => transaction.direction === 'debit').length,
    pending: parsed.pendingEntries,
    currencies: [...new Set(transactions.map((transaction) => transaction.currency))].sort(),
  };
}

function parseBank(kind: FileKind, text: string, name: string): ParsedBankFile {
  return kind === 'camt053' ? parseCamt053(text, name) : parseMt940(text, name);
}

/**
 * One import job, run in a worker thread (see import-worker.ts) so a large file never blocks the main
 * process. `analyse` looks at a file and proposes how to read it; `parse` reads all of it and hands over
 * checked records in batches, with progress.
 */
export async function runImportJob(request: ImportJobRequest, post: (message: ImportJobMessage) => void): Promise<void> {
  const bytes = new Uint8Array(await readFile(request.path));
  if (request.type === 'analyse') {
    if (request.kind === 'open-items' || request.kind === 'xlsx') {
      post({ type: 'analysis', analysis: await analyseTabular(request, bytes) });
    } else if (request.kind === 'ubl') {
      const parsed = parseUbl(decodeText(bytes).text, request.name);
      post({ type: 'analysis', analysis: { type: 'e-invoice', documentKind: parsed.kind, number: parsed.record.invoiceNumber, buyerName: parsed.record.customerName, openMinor: parsed.record.openMinor, currency: parsed.record.currency } });
    } else {
      post({ type: 'analysis', analysis: analyseBank(parseBank(request.kind, decodeText(bytes).text, request.name)) });
    }
    return;
  }

  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const summary = (fields: Pick<ParseSummary, 'recordKind' | 'batchCount' | 'recordCount' | 'rowCount'> & { settledRows?: number; rejections?: ImportRejection[] }): ParseSummary => ({
    fileId: request.fileId,
    settledRows: fields.settledRows ?? 0,
    rejections: (fields.rejections ?? []).slice(0, MAX_REPORTED_REJECTIONS),
    rejectionCount: fields.rejections?.length ?? 0,
    fileHash,
    recordKind: fields.recordKind,
    batchCount: fields.batchCount,
    recordCount: fields.recordCount,
    rowCount: fields.rowCount,
  });

  if (request.kind === 'ubl') {
    const parsed = parseUbl(decodeText(bytes).text, request.name);
    post({ type: 'batch', gzip: packBatch([parsed]), count: 1 });
    post({ type: 'summary', summary: summary({ recordKind: 'e-invoice', batchCount: 1, recordCount: 1, rowCount: 1 }) });
    return;
  }
  if (request.kind === 'camt053' || request.kind === 'mt940') {
    const transactions = parseBank(request.kind, decodeText(bytes).text, request.name).statements.flatMap((statement) => statement.transactions);
    let batchCount = 0;
    for (let start = 0; start < transactions.length; start += BATCH_SIZE) {
      const batch = transactions.slice(start, start + BATCH_SIZE);
      post({ type: 'batch', gzip: packBatch(batch), count: batch.length });
      batchCount += 1;
    }
    post({ type: 'summary', summary: summary({ recordKind: 'bank-transactions', batchCount, recordCount: transactions.length, rowCount: transactions.length }) });
    return;
  }

  const source = await tabularRows(bytes, request.kind);
  const rejections: ImportRejection[] = [];
  const seen: SeenInvoices = new Map();
  let batchCount = 0;
  let recordCount = 0;
  let settledRows = 0;
  let rowCount = 0;
  const totalRows = source.rows ? source.rows.length : Math.max(1, countNonBlankLines(source.text!));
  const handle = (rows: string[][], firstLine: number) => {
    // Line 1 is the header.
    const body = firstLine === 1 ? rows.slice(1) : rows;
    const result = normaliseOpenItemRows(body, firstLine === 1 ? 2 : firstLine, request.mapping, request.dialect, seen);
    rejections.push(...result.rejections);
    settledRows += result.settledRows;
    rowCount += result.filledRows;
    if (result.records.length > 0) {
      post({ type: 'batch', gzip: packBatch(encodeOpenItemBatch(result.records)), count: result.records.length });
      batchCount += 1;
      recordCount += result.records.length;
    }
    post({ type: 'progress', done: firstLine + rows.length - 1, total: totalRows });
  };
  if (source.rows) {
    for (let start = 0; start < source.rows.length; start += BATCH_SIZE) handle(source.rows.slice(start, start + BATCH_SIZE), start + 1);
  } else {
    readDelimitedRows(source.text!, source.delimiter as ',', BATCH_SIZE, handle);
  }
  post({ type: 'summary', summary: summary({ recordKind: 'open-items', batchCount, recordCount, rowCount, settledRows, rejections }) });
}
