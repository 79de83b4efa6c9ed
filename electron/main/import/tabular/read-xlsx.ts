import type ExcelJS from 'exceljs';
import { ImportFileError } from '../import-error';
import { MAX_COLUMNS } from '../../../../shared/import/table-limits';
import { checkWorkbookBounds } from './workbook-bounds';

export interface WorkbookSheet {
  readonly name: string;
  /** The sheet's rows by row number (index 0 is row 1); an empty row is an empty array. */
  readonly rows: readonly (readonly string[])[];
}

const NO_CELLS: readonly string[] = Object.freeze([]);

/**
 * The worksheets of an Excel workbook as rows of text, in the workbook's order. Date cells become
 * `YYYY-MM-DD` (Excel stores them as instants at midnight UTC), numbers their shortest decimal form with a
 * point, formulas their computed value; what a user typed as text stays as typed. The workbook is checked
 * against the limits first (workbook-bounds.ts); a workbook the library cannot open is damaged.
 */
export async function readXlsxSheets(bytes: Uint8Array, file: string): Promise<WorkbookSheet[]> {
  checkWorkbookBounds(bytes, file);
  // Loaded on first use: exceljs takes a third of a second to load, which every CSV job would pay.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('damagedWorkbook', { file });
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet, file) }));
}

/** One sheet's rows; a row wider than MAX_COLUMNS is refused before its cells are walked (linear in cells). */
function sheetRows(sheet: ExcelJS.Worksheet, file: string): (readonly string[])[] {
  const rows: (readonly string[])[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.cellCount > MAX_COLUMNS) throw new ImportFileError('tooManyColumns', { file, row: rowNumber, count: row.cellCount, limit: MAX_COLUMNS });
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    while (rows.length < rowNumber - 1) rows.push(NO_CELLS);
    rows.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('error' in value) return '';
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
  }
  return '';
}
