import type { FileAnalysis, ImportDialect, ImportProfile, ImportReading, ParseSummary } from '../../../../shared/ipc/import-contract';
import { guessMapping, normaliseHeader } from '../../../../shared/import/guess-mapping';
import { guessCustomerMapping, type TableContent } from '../../../../shared/import/customer-fields';
import { normaliseCustomerRows } from '../../../../shared/import/normalise-customers';
import type { OpenItemRecord } from '../../../../shared/import/open-item-record';
import { emptyTally, OpenItemRowReader, SeenInvoices, type NormalisedRows } from '../../../../shared/import/normalise-open-items';
import { OpenItemBatchBuilder } from '../../../../shared/import/open-item-batch-builder';
import type { ColumnMapping } from '../../../../shared/import/open-item-fields';
import type { ImportRejection } from '../../../../shared/import/open-item-record';
import { detectDecimalSeparator } from '../../../../shared/import/parse-amount';
import { detectDateFormat } from '../../../../shared/import/parse-date';
import { MAX_COLUMNS, MAX_HEADER_CHARS, MAX_HEADER_ROW, MAX_ROWS } from '../../../../shared/import/table-limits';
import { ImportFileError } from '../import-error';
import type { FileKind } from '../sniff-format';
import { openTable, type NumberedRow, type TabularSource } from './tabular-source';

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

type TableParseMessage = { type: 'batch'; records: unknown; count: number } | { type: 'progress'; done: number; total: number };

/**
 * Reads every row below the header, read as the analysis settled it (or as detected), into checked
 * records, batch by batch. Linear: one decode, one papaparse pass, one look at each row's mapped cells.
 * Open items go straight from each row into the batch's typed columns (OpenItemBatchBuilder), a slice of
 * rows at a time; the batches, progress and refusals are those of reading whole batches of rows
 * (parse-open-item-slices.test.ts holds the two to each other).
 */
export async function parseTabular(
  request: TableRequest & { readonly reading?: ImportReading; readonly mapping: ColumnMapping; readonly dialect: ImportDialect; readonly content?: TableContent },
  bytes: Uint8Array,
  post: (message: TableParseMessage) => void,
  sizes: { readonly batch: number; readonly slice: number } = { batch: BATCH_SIZE, slice: SLICE_SIZE },
): Promise<TableParseFields> {
  const source = (await openTable(bytes, request.kind, request.name)).read(request.reading ?? {});
  const { headers } = layout(source, request.name);
  if (headers.length === 0) throw new ImportFileError('empty', { file: request.name });
  const rejections: ImportRejection[] = [];
  const fields = { batchCount: 0, recordCount: 0, settledRows: 0, rowCount: 0, rejectionCount: 0 };
  const total = Math.max(1, source.lineCount);
  /** One batch's rows read: what the rows said besides their records, counted in, then the batch handed over. */
  const endBatch = (tally: Pick<NormalisedRows, 'rejections' | 'settledRows' | 'filledRows'>, records: unknown, count: number, lastRow: number) => {
    fields.rejectionCount += tally.rejections.length;
    if (rejections.length < MAX_REPORTED_REJECTIONS) rejections.push(...tally.rejections.slice(0, MAX_REPORTED_REJECTIONS - rejections.length));
    fields.settledRows += tally.settledRows;
    fields.rowCount += tally.filledRows;
    if (fields.rowCount > MAX_ROWS) throw new ImportFileError('tooManyRows', { file: request.name, limit: MAX_ROWS });
    if (count > 0) {
      post({ type: 'batch', records, count });
      fields.batchCount += 1;
      fields.recordCount += count;
    }
    post({ type: 'progress', done: lastRow, total });
  };

  if (request.content === 'customers') {
    // A customer export: contacts and addresses, country left to the debtor's when the file names none.
    source.rowsBelowHeader(sizes.batch, (rows, firstRow) => {
      const result = normaliseCustomerRows(rows, firstRow, request.mapping, '');
      endBatch({ ...result, settledRows: 0 }, result.records, result.records.length, firstRow + rows.length - 1);
    });
  } else {
    const seen = new SeenInvoices();
    const builder = new OpenItemBatchBuilder(sizes.batch);
    // A reader per batch, as when batches were read whole: its cache of dates lasts a batch.
    let reader = new OpenItemRowReader(request.mapping, request.dialect, seen);
    let tally = emptyTally();
    let lastRow: number | undefined;
    const addRecord = (record: OpenItemRecord, invoiceDay: number, dueDay: number) => builder.add(record, invoiceDay, dueDay);
    const flush = () => {
      const count = builder.count;
      endBatch(tally, count > 0 ? builder.take() : undefined, count, lastRow!);
      [reader, tally, lastRow] = [new OpenItemRowReader(request.mapping, request.dialect, seen), emptyTally(), undefined];
    };
    source.rowSlicesBelowHeader(sizes.batch, sizes.slice, (rows, firstRow, isBatchEnd) => {
      reader.read(rows, firstRow, tally, addRecord);
      lastRow = firstRow + rows.length - 1;
      if (isBatchEnd) flush();
    });
    if (lastRow !== undefined) flush();
  }
  if (fields.rowCount === 0) throw new ImportFileError('noRows', { file: request.name });
  return { ...fields, rejections };
}
