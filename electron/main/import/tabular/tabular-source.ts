import type { ImportReading, TextEncoding } from '../../../../shared/ipc/import-contract';
import { findHeaderRow } from '../../../../shared/import/find-header-row';
import { guessMapping } from '../../../../shared/import/guess-mapping';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_HEADER_ROW } from '../../../../shared/import/table-limits';
import { decodeText, detectEncoding, isDamagedText } from '../decode-text';
import { ImportFileError } from '../import-error';
import type { FileKind } from '../sniff-format';
import { countNonBlankByteLines, countNonBlankLines } from './count-lines';
import { detectDelimiter, readDelimitedRows, type Delimiter } from './read-delimited';
import { readXlsxSheets, type WorkbookSheet } from './read-xlsx';

/** A row with the number it has in the file or sheet (1 is the first; a quoted field over lines is one row). */
export interface NumberedRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A table opened for reading, its reading settled: what was asked for, the rest detected. */
export interface TabularSource {
  /** Complete for the file's kind: encoding, delimiter and header row (text); sheet and header row (Excel). */
  readonly reading: ImportReading;
  readonly detected: ImportReading;
  readonly sheets: readonly string[];
  /** Non-blank rows in the whole file or sheet, header and anything above it included. */
  readonly lineCount: number;
  /** The first non-blank rows (from the first 256 KB of a text file). */
  head(limit: number): NumberedRow[];
  /** Every row below the header in batches, each with the row number of its first row. */
  rowsBelowHeader(batchSize: number, onBatch: (rows: string[][], firstRow: number) => void): void;
  /**
   * The same rows in slices of `sliceSize` (a divisor of `batchSize`), each saying whether it ends one of
   * the batches rowsBelowHeader(batchSize) hands over: a reader that keeps nothing of a row after reading
   * it holds a slice of rows at a time, not a batch, and still hands over the very same batches.
   */
  rowSlicesBelowHeader(batchSize: number, sliceSize: number, onSlice: (rows: string[][], firstRow: number, isBatchEnd: boolean) => void): void;
}

function checkSliceSize(batchSize: number, sliceSize: number): void {
  if (sliceSize < 1 || batchSize % sliceSize !== 0) throw new RangeError(`A slice of ${sliceSize} rows does not divide a batch of ${batchSize}`);
}

/** The first 256 KB of a text file: plenty for its headers, a sample and the conventions it writes in. */
const HEAD_BYTES = 256 * 1024;

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function nonBlank(rows: readonly (readonly string[])[], firstRow: number, limit: number): NumberedRow[] {
  const found: NumberedRow[] = [];
  for (let index = 0; index < rows.length && found.length < limit; index += 1) if (!isBlank(rows[index]!)) found.push({ row: firstRow + index, cells: rows[index]! });
  return found;
}

/**
 * The header's row number among the first rows, by findHeaderRow; 1 for a table with nothing in its
 * first MAX_HEADER_ROW rows (the header can be chosen only there; such a file reads as empty).
 */
function detectHeaderRow(head: readonly NumberedRow[]): number {
  const candidates = head.filter((row) => row.row <= MAX_HEADER_ROW).slice(0, HEADER_SEARCH_ROWS);
  // A row wider than any table is refused later; here it is only looked at as far as a table goes.
  const index = findHeaderRow(candidates.map((row) => row.cells.slice(0, MAX_COLUMNS + 1)));
  return index < 0 ? 1 : candidates[index]!.row;
}

/** A table decoded or unpacked once, to be read one way or another (as detected, as asked, as a profile says). */
export interface OpenedTable {
  read(asked: ImportReading): TabularSource;
}

function textSource(bytes: Uint8Array, file: string, asked: ImportReading, lineCounts: Map<string, number>): TabularSource {
  const detectedEncoding = detectEncoding(bytes);
  const encoding: TextEncoding = asked.encoding ?? detectedEncoding;
  const isUtf16 = encoding.startsWith('utf-16');
  const lineCountKey = isUtf16 ? encoding : 'bytes';
  const { text: headText } = decodeText(bytes.subarray(0, HEAD_BYTES), encoding);
  if (isDamagedText(headText)) throw new ImportFileError('damagedText', { file });
  const detectedDelimiter = detectDelimiter(headText);
  const delimiter: Delimiter = asked.delimiter ?? detectedDelimiter;
  const headRows = (limit: number, separator: Delimiter = delimiter) => {
    const rows: string[][] = [];
    readDelimitedRows(headText, separator, Number.MAX_SAFE_INTEGER, (batch) => rows.push(...batch));
    return nonBlank(rows, 1, limit);
  };
  const detectedHeaderRow = detectHeaderRow(headRows(HEADER_SEARCH_ROWS, detectedDelimiter));
  const headerRow = asked.headerRow ?? (asked.delimiter ? detectHeaderRow(headRows(HEADER_SEARCH_ROWS)) : detectedHeaderRow);
  return {
    reading: { encoding, delimiter, headerRow },
    detected: { encoding: detectedEncoding, delimiter: detectedDelimiter, headerRow: detectedHeaderRow },
    sheets: [],
    get lineCount() {
      let count = lineCounts.get(lineCountKey);
      if (count === undefined) lineCounts.set(lineCountKey, (count = isUtf16 ? countNonBlankLines(decodeText(bytes, encoding).text) : countNonBlankByteLines(bytes)));
      return count;
    },
    head: (limit) => headRows(limit),
    rowsBelowHeader(batchSize, onBatch) {
      const { text } = decodeText(bytes, encoding);
      if (isDamagedText(text)) throw new ImportFileError('damagedText', { file });
      readDelimitedRows(text, delimiter, batchSize, (rows, firstRow) => {
        const skip = Math.max(0, headerRow - firstRow + 1);
        if (skip < rows.length) onBatch(skip === 0 ? rows : rows.slice(skip), firstRow + skip);
      });
    },
    rowSlicesBelowHeader(batchSize, sliceSize, onSlice) {
      checkSliceSize(batchSize, sliceSize);
      const { text } = decodeText(bytes, encoding);
      if (isDamagedText(text)) throw new ImportFileError('damagedText', { file });
      // rowsBelowHeader's batches are counted from the file's first row, the header's included.
      readDelimitedRows(text, delimiter, sliceSize, (rows, firstRow) => {
        const skip = Math.max(0, headerRow - firstRow + 1);
        if (skip < rows.length) onSlice(skip === 0 ? rows : rows.slice(skip), firstRow + skip, (firstRow + rows.length - 1) % batchSize === 0);
      });
    },
  };
}

/** How many fields the header of a sheet names: the sheet naming the most is the one with the open items. */
function sheetScore(sheet: WorkbookSheet): number {
  const head = nonBlank(sheet.rows, 1, HEADER_SEARCH_ROWS);
  const index = findHeaderRow(head.map((row) => row.cells.slice(0, MAX_COLUMNS + 1)));
  return index < 0 ? -1 : Object.keys(guessMapping(head[index]!.cells).mapping).length;
}

function workbookSource(sheets: readonly WorkbookSheet[], asked: ImportReading): TabularSource {
  // The data is not always on the first sheet (a cover sheet, parameters, a summary come first).
  let detected = sheets[0];
  let best = -1;
  for (const sheet of sheets) {
    const score = sheetScore(sheet);
    if (score > best) [detected, best] = [sheet, score];
  }
  const sheet = sheets.find((candidate) => candidate.name === asked.sheet) ?? detected;
  const rows = sheet?.rows ?? [];
  const detectedHeaderRow = detectHeaderRow(nonBlank(detected?.rows ?? [], 1, HEADER_SEARCH_ROWS));
  const headerRow = asked.headerRow ?? (sheet === detected ? detectedHeaderRow : detectHeaderRow(nonBlank(rows, 1, HEADER_SEARCH_ROWS)));
  return {
    reading: { sheet: sheet?.name ?? '', headerRow },
    detected: { sheet: detected?.name ?? '', headerRow: detectedHeaderRow },
    sheets: sheets.map((candidate) => candidate.name),
    lineCount: rows.filter((row) => !isBlank(row)).length,
    head: (limit) => nonBlank(rows, 1, limit),
    rowsBelowHeader(batchSize, onBatch) {
      for (let start = headerRow; start < rows.length; start += batchSize) onBatch(rows.slice(start, start + batchSize) as string[][], start + 1);
    },
    rowSlicesBelowHeader(batchSize, sliceSize, onSlice) {
      checkSliceSize(batchSize, sliceSize);
      // rowsBelowHeader's batches are counted from the row below the header.
      for (let start = headerRow; start < rows.length; start += sliceSize) onSlice(rows.slice(start, start + sliceSize) as string[][], start + 1, (start + sliceSize - headerRow) % batchSize === 0);
    },
  };
}

/**
 * Opens a CSV, TSV or Excel table: decodes (text) or unpacks (Excel) it within the limits, and settles
 * how it is read — each part the user asked for as asked, the rest detected: encoding from the bytes,
 * delimiter from the first lines, sheet and header row from the column names (findHeaderRow).
 */
export async function openTable(bytes: Uint8Array, kind: FileKind, file: string): Promise<OpenedTable> {
  if (kind === 'xlsx') {
    const sheets = await readXlsxSheets(bytes, file);
    return { read: (asked) => workbookSource(sheets, asked) };
  }
  const lineCounts = new Map<string, number>();
  return { read: (asked) => textSource(bytes, file, asked, lineCounts) };
}
