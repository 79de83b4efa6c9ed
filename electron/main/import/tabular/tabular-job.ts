import type { FileAnalysis, ImportDialect, ImportProfile, ImportReading, ParseSummary } from '../../../../shared/ipc/import-contract';
import { MAX_HEADER_ROW } from '../../../../shared/ipc/import-contract';
import { guessMapping, normaliseHeader } from '../../../../shared/import/guess-mapping';
import { guessCustomerMapping, type TableContent } from '../../../../shared/import/customer-fields';
import { normaliseCustomerRows } from '../../../../shared/import/normalise-customers';
import { SeenInvoices, type NormalisedRows } from '../../../../shared/import/normalise-open-items';
import type { ColumnMapping } from '../../../../shared/import/open-item-fields';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import { detectDecimalSeparator } from '../../../../shared/import/parse-amount';
import { detectDateFormat } from '../../../../shared/import/parse-date';
import { MAX_COLUMNS, MAX_HEADER_CHARS, MAX_ROWS } from '../../../../shared/import/table-limits';
import { ImportFileError } from '../import-error';
import type { FileKind } from '../sniff-format';
import { readOpenItemBatches, type OpenItemBatchHandler, type TailReader } from './open-item-part';
import { openTable, sliceRows, type NumberedRow, type RowSliceHandler, type TabularSource } from './tabular-source';

const SAMPLE_ROWS = 20;
/** Rows below the header whose amounts and dates tell the file's conventions. */
const CONVENTION_ROWS = 200;
/** Sample cells are for the eye: a longer one is cut (the parse reads it whole, or refuses it). */
const SAMPLE_CELL_CHARS = 200;

export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

interface TableRequest {
  readonly name: string;
  readonly kind: FileKind;
}

/** Reads of the same file may differ in how it is read; the profile's settles it only if its headers then match. */
const fitsKind = (reading: ImportReading | undefined, kind: FileKind) => reading !== undefined && (kind === 'xlsx' ? reading.sheet !== undefined : reading.delimiter !== undefined);

/** The header and the rows below it, checked against the limits on tables. */
function layout(source: TabularSource, file: string): { headers: string[]; body: NumberedRow[]; rowCount: number } {
  const headerRow = source.reading.headerRow ?? 1;
  const head = source.head(MAX_HEADER_ROW + CONVENTION_ROWS);
  const headerIndex = head.findIndex((row) => row.row === headerRow);
  const headers = headerIndex < 0 ? [] : [...head[headerIndex]!.cells];
  // A single "line" of 5 MB became a hundred thousand options in each of 13 dropdowns: no table has that.
  if (headers.length > MAX_COLUMNS) throw new ImportFileError('tooManyColumns', { file, row: headerRow, count: headers.length, limit: MAX_COLUMNS });
  const long = headers.findIndex((header) => header.length > MAX_HEADER_CHARS);
  if (long >= 0) throw new ImportFileError('headerTooLong', { file, row: headerRow, column: long + 1, limit: MAX_HEADER_CHARS });
  const above = head.filter((row) => row.row <= headerRow).length;
  if (source.lineCount > MAX_ROWS + above) throw new ImportFileError('tooManyRows', { file, limit: MAX_ROWS });
  return { headers, body: headerIndex < 0 ? [] : head.slice(headerIndex + 1, headerIndex + 1 + CONVENTION_ROWS), rowCount: Math.max(0, source.lineCount - above) };
}

const cut = (cell: string) => (cell.length > SAMPLE_CELL_CHARS ? `${cell.slice(0, SAMPLE_CELL_CHARS)}…` : cell);

function column(rows: readonly NumberedRow[], index: number | undefined): string[] {
  return index === undefined ? [] : rows.map((row) => row.cells[index] ?? '').filter((value) => value.trim() !== '');
}

/**
 * Looks at a CSV, TSV or Excel table and proposes how to read it: encoding, delimiter, sheet and header
 * row (as asked, else detected), the column mapping (a saved profile's, an ERP preset's or guessed) and
 * the number and date conventions, with the first rows. A file read as detected must have a header and
 * rows below it; a reading the user asked for is shown whatever it yields, so they can change it again.
 */
export async function analyseTabular(request: TableRequest & { readonly reading?: ImportReading; readonly defaultCurrency: string; readonly profiles: readonly ImportProfile[] }, bytes: Uint8Array): Promise<FileAnalysis> {
  const table = await openTable(bytes, request.kind, request.name);
  let source = table.read(request.reading ?? {});
  let found = layout(source, request.name);
  let profile = request.profiles.find((candidate) => candidate.headerSignature === headerSignature(found.headers));
  if (!profile && !request.reading) {
    // A layout detection gets wrong, once corrected and saved, is read the saved way from then on.
    for (const candidate of request.profiles) {
      if (!fitsKind(candidate.reading, request.kind)) continue;
      let other: TabularSource;
      let otherLayout: ReturnType<typeof layout>;
      try {
        other = table.read(candidate.reading!);
        otherLayout = layout(other, request.name);
      } catch {
        // Read that way this file breaks a limit: the profile is not for it.
        continue;
      }
      if (headerSignature(otherLayout.headers) !== candidate.headerSignature) continue;
      [source, found, profile] = [other, otherLayout, candidate];
      break;
    }
  }
  const { headers, body, rowCount } = found;
  if (!request.reading) {
    if (headers.length === 0) throw new ImportFileError('empty', { file: request.name });
    if (body.length === 0) throw new ImportFileError('noRows', { file: request.name });
  }
  const guess = guessMapping(headers);
  const mapping = profile && profile.content !== 'customers' ? profile.mapping : guess.mapping;
  // A customer export (contacts and addresses) is read through the same step, with its own fields.
  const customers = guessCustomerMapping(headers, guess.mapping);
  const content = profile?.content ?? (profile ? 'open-items' : customers.content);
  const amounts = [...column(body, mapping.openAmount), ...column(body, mapping.amount)];
  const dates = [...column(body, mapping.invoiceDate), ...column(body, mapping.dueDate)];
  const delimiter = source.reading.delimiter ?? '';
  return {
    type: 'tabular',
    encoding: request.kind === 'xlsx' ? 'xlsx' : (source.reading.encoding ?? ''),
    delimiter,
    reading: source.reading,
    detected: source.detected,
    sheets: [...source.sheets],
    headers: headers.map(cut),
    sample: body.slice(0, SAMPLE_ROWS).map((row) => row.cells.slice(0, Math.max(headers.length, 1)).map(cut)),
    rowCount,
    mapping,
    content,
    customerMapping: profile?.content === 'customers' ? profile.mapping : customers.mapping,
    customerPresetName: profile ? null : (customers.presetName ?? null),
    presetName: profile ? null : (guess.preset?.name ?? null),
    profileId: profile?.id ?? null,
    dialect: profile?.dialect ?? {
      decimal: detectDecimalSeparator(amounts, delimiter === ',' ? '.' : ','),
      dateFormat: detectDateFormat(dates) ?? null,
      defaultCurrency: request.defaultCurrency,
    },
  };
}

/** Records per batch handed to the renderer: about 3–5 MB of JSON, a fraction of a second each. */
export const BATCH_SIZE = 20_000;
/**
 * Rows of an open-items export read at a time: a batch of 20,000 rows of cells lived through several
 * collections of the young generation and was copied into the old one (a third of a tier-L parse was
 * garbage collection); a slice of 2,000 is read and dropped while still young.
 */
export const SLICE_SIZE = 2_000;
const MAX_REPORTED_REJECTIONS = 1_000;

export type TableParseFields = Pick<ParseSummary, 'batchCount' | 'recordCount' | 'rowCount' | 'settledRows' | 'rejectionCount'> & { rejections: ImportRejection[] };

type TableParseMessage = { type: 'batch'; records: unknown; count: number } | { type: 'packed'; packed: Uint8Array; count: number } | { type: 'progress'; done: number; total: number };

/** A text table shorter than this is read in one thread: starting a second costs more than it saves. */
export const MIN_CHARS_IN_PARTS = 4 * 1_048_576;

export interface TableParseOptions {
  readonly sizes?: { readonly batch: number; readonly slice: number };
  /** Starts a reader of tails (open-item-part.ts): an open-items text file is then read in two parts at once. */
  readonly tails?: () => TailReader;
  readonly minCharsInParts?: number;
}

/**
 * Reads every row below the header, read as the analysis settled it (or as detected), into checked
 * records, batch by batch. Linear: one decode, one papaparse pass, one look at each row's mapped cells.
 * Open items go straight from each row into the batch's typed columns (OpenItemBatchBuilder), a slice of
 * rows at a time; the batches, progress and refusals are those of reading whole batches of rows
 * (parse-open-item-slices.test.ts holds the two to each other).
 *
 * With `tails`, a large open-items text file is read in two parts at once (issue 14: the parse was the
 * longest step of a tier-L import, on one of two cores): this thread reads up to a batch boundary near
 * the middle while the tail reader reads (and packs) the rest, whose batches follow the head's. A repeated
 * invoice is only found within a part, so when the tail saw an invoice the head saw too, this thread reads
 * the tail again with the head's invoices: every batch, refusal and count is that of one reading
 * (open-item-parts.test.ts holds the two to each other).
 */
export async function parseTabular(
  request: TableRequest & { readonly reading?: ImportReading; readonly mapping: ColumnMapping; readonly dialect: ImportDialect; readonly content?: TableContent },
  bytes: Uint8Array,
  post: (message: TableParseMessage) => void,
  options: TableParseOptions = {},
): Promise<TableParseFields> {
  const sizes = options.sizes ?? { batch: BATCH_SIZE, slice: SLICE_SIZE };
  // Started first: the thread loads while this one decodes the file.
  const tails = request.content !== 'customers' && request.kind !== 'xlsx' ? options.tails?.() : undefined;
  try {
    return await parseTable(request, bytes, post, sizes, tails, options.minCharsInParts ?? MIN_CHARS_IN_PARTS);
  } finally {
    tails?.close();
  }
}

async function parseTable(
  request: TableRequest & { readonly reading?: ImportReading; readonly mapping: ColumnMapping; readonly dialect: ImportDialect; readonly content?: TableContent },
  bytes: Uint8Array,
  post: (message: TableParseMessage) => void,
  sizes: { readonly batch: number; readonly slice: number },
  tails: TailReader | undefined,
  minCharsInParts: number,
): Promise<TableParseFields> {
  const source = (await openTable(bytes, request.kind, request.name)).read(request.reading ?? {});
  const { headers } = layout(source, request.name);
  if (headers.length === 0) throw new ImportFileError('empty', { file: request.name });
  const rejections: ImportRejection[] = [];
  const fields = { batchCount: 0, recordCount: 0, settledRows: 0, rowCount: 0, rejectionCount: 0 };
  const total = Math.max(1, source.lineCount);
  /** One batch's rows read: what the rows said besides their records, counted in, then the batch handed over. */
  const endBatch = (tally: Pick<NormalisedRows, 'rejections' | 'settledRows' | 'filledRows'>, batch: { records: unknown } | { packed: Uint8Array } | undefined, count: number, lastRow: number) => {
    fields.rejectionCount += tally.rejections.length;
    if (rejections.length < MAX_REPORTED_REJECTIONS) rejections.push(...tally.rejections.slice(0, MAX_REPORTED_REJECTIONS - rejections.length));
    fields.settledRows += tally.settledRows;
    fields.rowCount += tally.filledRows;
    if (fields.rowCount > MAX_ROWS) throw new ImportFileError('tooManyRows', { file: request.name, limit: MAX_ROWS });
    if (count > 0 && batch) {
      post('packed' in batch ? { type: 'packed', packed: batch.packed, count } : { type: 'batch', records: batch.records, count });
      fields.batchCount += 1;
      fields.recordCount += count;
    }
    post({ type: 'progress', done: lastRow, total });
  };

  if (request.content === 'customers') {
    // A customer export: contacts and addresses, country left to the debtor's when the file names none.
    source.rowsBelowHeader(sizes.batch, (rows, firstRow) => {
      const result = normaliseCustomerRows(rows, firstRow, request.mapping, '');
      endBatch({ ...result, settledRows: 0 }, { records: result.records }, result.records.length, firstRow + rows.length - 1);
    });
  } else {
    const seen = new SeenInvoices();
    const reading = { mapping: request.mapping, dialect: request.dialect, batchSize: sizes.batch, sliceSize: sizes.slice };
    const onBatch: OpenItemBatchHandler = (tally, batch, count, lastRow) => endBatch(tally, batch && { records: batch }, count, lastRow);
    const parts = tails && source.partsBelowHeader ? source.partsBelowHeader(sizes.batch, minCharsInParts) : undefined;
    if (!parts) {
      readOpenItemBatches((sliceSize, onSlice) => source.rowSlicesBelowHeader(sizes.batch, sliceSize, onSlice), reading, seen, onBatch);
    } else if (!parts.tail || !tails) {
      readOpenItemBatches(parts.headSlices, reading, seen, onBatch);
    } else {
      const { tail } = parts;
      // Never rejects: a tail that could not be read elsewhere is read here.
      const tailRead = tails.read({ ...reading, tail }).then(
        (result) => result,
        () => undefined,
      );
      readOpenItemBatches(parts.headSlices, reading, seen, onBatch);
      const result = await tailRead;
      if (result && !seen.meetsAny(result.keys)) {
        for (const batch of result.batches) endBatch(batch.tally, batch.packed && { packed: batch.packed }, batch.count, batch.lastRow);
      } else {
        const tailSlices = (sliceSize: number, onSlice: RowSliceHandler) => sliceRows(tail.text, { delimiter: tail.delimiter, newline: tail.newline, headerRow: 0, firstRow: tail.firstRow, batchSize: sizes.batch, sliceSize }, onSlice);
        readOpenItemBatches(tailSlices, reading, seen, onBatch);
      }
    }
  }
  if (fields.rowCount === 0) throw new ImportFileError('noRows', { file: request.name });
  return { ...fields, rejections };
}
