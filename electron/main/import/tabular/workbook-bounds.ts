import { ImportFileError } from '../import-error';
import { MAX_PACKING_RATIO, MAX_SHEET_ROWS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_CELLS, MAX_ZIP_ENTRIES, RATIO_CHECKED_FROM_BYTES } from '../import-limits';
import { asBuffer, readZipDirectory, unpackZipEntry, type ZipRefusals } from '../bounded-zip';

const refusals = (file: string): ZipRefusals => ({
  damaged: () => {
    throw new ImportFileError('damagedWorkbook', { file });
  },
  // Zip64 (a workbook over 4 GB or 65,535 parts) is far beyond any export, and so are thousands of parts.
  tooManyEntries: () => {
    throw new ImportFileError('workbookTooLarge', { file, limitMb: MAX_UNPACKED_BYTES / 1_048_576 });
  },
});

/** Start tags of cells and rows, with or without a namespace prefix (`<c `, `<x:c>`). Linear: no backtracking. */
const CELL_TAG = /<(?:[A-Za-z]\w*:)?c[\s>/]/g;
const ROW_NUMBER = /<(?:[A-Za-z]\w*:)?row\b[^>]*?\sr="(\d{1,12})"/g;

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count += 1;
  return count;
}

function highestRow(text: string): number {
  ROW_NUMBER.lastIndex = 0;
  let highest = 0;
  for (let match = ROW_NUMBER.exec(text); match; match = ROW_NUMBER.exec(text)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/**
 * Checks a workbook before the spreadsheet library unpacks it, which it would do whole, into objects of
 * some 350 bytes a cell: a 9 KB zip bomb grew the import worker past 1.5 GB. Refused are a directory
 * that cannot be read (damaged), more parts, unpacked bytes or cells than any export has, parts packed
 * far tighter than real worksheets, and sheets beyond Excel's own row limit. Every part is unpacked once,
 * bounded by its declared size, and scanned once: time and memory are linear in the unpacked size,
 * which is capped at MAX_UNPACKED_BYTES.
 */
export function checkWorkbookBounds(data: Uint8Array, file: string): void {
  const bytes = asBuffer(data);
  const refuse = refusals(file);
  const entries = readZipDirectory(bytes, MAX_ZIP_ENTRIES, refuse);
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) throw new ImportFileError('notWorkbook', { file });
  const declared = entries.reduce((sum, entry) => sum + entry.unpackedBytes, 0);
  if (declared > MAX_UNPACKED_BYTES) throw new ImportFileError('workbookTooLarge', { file, limitMb: MAX_UNPACKED_BYTES / 1_048_576 });
  let cells = 0;
  for (const entry of entries) {
    if (entry.unpackedBytes >= RATIO_CHECKED_FROM_BYTES && entry.unpackedBytes > entry.packedBytes * MAX_PACKING_RATIO) {
      throw new ImportFileError('workbookPackedTooTight', { file, ratio: Math.round(entry.unpackedBytes / Math.max(1, entry.packedBytes)), limit: MAX_PACKING_RATIO });
    }
    // Every part is unpacked here, within its declared size: the library would unpack a lying part whole.
    const unpacked = unpackZipEntry(bytes, entry, refuse);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const sheet = unpacked.toString('utf8');
    cells += countMatches(sheet, CELL_TAG);
    if (cells > MAX_WORKBOOK_CELLS) throw new ImportFileError('workbookTooManyCells', { file, limit: MAX_WORKBOOK_CELLS });
    if (highestRow(sheet) > MAX_SHEET_ROWS) throw new ImportFileError('sheetTooLong', { file, limit: MAX_SHEET_ROWS });
  }
}
