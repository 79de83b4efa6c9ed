import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from '../import-error';
import { MAX_PACKING_RATIO, MAX_SHEET_ROWS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_CELLS, MAX_ZIP_ENTRIES, RATIO_CHECKED_FROM_BYTES } from '../import-limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packedBytes: number;
  readonly unpackedBytes: number;
  readonly headerOffset: number;
}

const damaged = (file: string): never => {
  throw new ImportFileError('damagedWorkbook', { file });
};

/** The zip's table of contents (APPNOTE.TXT §4.3.12, §4.3.16): read from the end, one pass over the entries. */
function readDirectory(bytes: Buffer, file: string): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let position = bytes.length - 22; position >= Math.max(0, bytes.length - 22 - 65_535); position -= 1) {
    if (bytes.readUInt32LE(position) === END_OF_DIRECTORY) {
      end = position;
      break;
    }
  }
  if (end < 0) return damaged(file);
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  // Zip64 (a workbook over 4 GB or 65,535 parts) is far beyond any export: such a file is refused below.
  if (count > MAX_ZIP_ENTRIES || count === 0xffff) throw new ImportFileError('workbookTooLarge', { file, limitMb: MAX_UNPACKED_BYTES / 1_048_576 });
  const entries: ZipEntry[] = [];
  let position = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (position + 46 > bytes.length || bytes.readUInt32LE(position) !== DIRECTORY_ENTRY) return damaged(file);
    const nameLength = bytes.readUInt16LE(position + 28);
    const skip = nameLength + bytes.readUInt16LE(position + 30) + bytes.readUInt16LE(position + 32);
    entries.push({
      method: bytes.readUInt16LE(position + 10),
      packedBytes: bytes.readUInt32LE(position + 20),
      unpackedBytes: bytes.readUInt32LE(position + 24),
      headerOffset: bytes.readUInt32LE(position + 42),
      name: bytes.toString('utf8', position + 46, position + 46 + nameLength),
    });
    position += 46 + skip;
  }
  return entries;
}

/** Unpacks one part, never past the size its directory entry declares (a part that lies is damaged). */
function unpack(bytes: Buffer, entry: ZipEntry, file: string): Buffer {
  const header = entry.headerOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) return damaged(file);
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const packed = bytes.subarray(start, start + entry.packedBytes);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) return damaged(file);
  try {
    // maxOutputLength stops inflating at the declared size: a bomb cannot grow past it.
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpackedBytes) });
  } catch {
    return damaged(file);
  }
}

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
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = readDirectory(bytes, file);
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) throw new ImportFileError('notWorkbook', { file });
  const declared = entries.reduce((sum, entry) => sum + entry.unpackedBytes, 0);
  if (declared > MAX_UNPACKED_BYTES) throw new ImportFileError('workbookTooLarge', { file, limitMb: MAX_UNPACKED_BYTES / 1_048_576 });
  let cells = 0;
  for (const entry of entries) {
    if (entry.unpackedBytes >= RATIO_CHECKED_FROM_BYTES && entry.unpackedBytes > entry.packedBytes * MAX_PACKING_RATIO) {
      throw new ImportFileError('workbookPackedTooTight', { file, ratio: Math.round(entry.unpackedBytes / Math.max(1, entry.packedBytes)), limit: MAX_PACKING_RATIO });
    }
    // Every part is unpacked here, within its declared size: the library would unpack a lying part whole.
    const unpacked = unpack(bytes, entry, file);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const sheet = unpacked.toString('utf8');
    cells += countMatches(sheet, CELL_TAG);
    if (cells > MAX_WORKBOOK_CELLS) throw new ImportFileError('workbookTooManyCells', { file, limit: MAX_WORKBOOK_CELLS });
    if (highestRow(sheet) > MAX_SHEET_ROWS) throw new ImportFileError('sheetTooLong', { file, limit: MAX_SHEET_ROWS });
  }
}
