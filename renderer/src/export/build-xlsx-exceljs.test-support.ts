import type ExcelJS from 'exceljs';
import { cellText } from '../../../shared/export/cell-text';
import { assertExportTable, columnHeading, DEFAULT_PERCENT_DIGITS, readExportCell, type ExportColumn, type ExportTable, type ExportValue } from '../../../shared/export/export-table';
import { neutraliseText } from '../../../shared/export/neutralise-cell';
import { minorUnitDigits } from '../../../shared/money/money';
import { isoDateToUtcMs } from '../../../shared/time/iso-date';

/**
 * The Excel export as exceljs wrote it until issue 14 (3.8–4.1 s for 20,000 rows at tier L), kept as the
 * oracle `build-xlsx.oracle.test.ts` holds the hand-written workbook to: what a user sees must not change.
 *
 * A grid as an Excel workbook of one sheet: a bold, frozen header row with a filter, numbers as numeric
 * cells with number formats (money `#,##0.00` with the currency in the header, percent `0.0%`, integers
 * `#,##0`), dates as real Excel dates shown `yyyy-mm-dd`, and text neutralised against formula injection.
 * Cells are only ever written as plain values — never `{ formula }` objects — so nothing in the file is a
 * formula; text columns are also formatted as Text (`@`), so a user editing a cell does not turn it into one.
 *
 * exceljs is loaded on first use (it is large); its browser build runs in the data worker, its Node build
 * under vitest.
 */
export async function buildXlsxWithExceljs(table: ExportTable, options: { sheetName: string }): Promise<Uint8Array> {
  assertExportTable(table);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Kredo';
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(toSheetName(options.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  const headings = table.columns.map((column) => neutraliseText(columnHeading(column)));
  const widths = headings.map((heading) => heading.length + FILTER_BUTTON_WIDTH);
  // One style object per column, given to every cell of it: exceljs would otherwise copy the column's style
  // into each new cell, and then look each of the 500,000 copies of a tier-L export up in its style table
  // by value (it recognises a style it has seen by identity); styles once is the library's fast path.
  const styles = table.columns.map((column) => ({ numFmt: numberFormat(column) }));
  sheet.columns = styles.map((style) => ({ style }));
  sheet.addRow(headings).font = { bold: true };

  const rows = table.rows.map((row, rowIndex) =>
    table.columns.map((column, columnIndex) => {
      const value = readExportCell(column, row[columnIndex], rowIndex);
      const width = widths[columnIndex] ?? 0;
      // Only a cell that could be wider than the column so far is measured: formatting a number as text
      // (Intl rounding) for each of 500,000 cells took a fifth of a tier-L export (issue 14).
      if (!(lengthAtMost(column, value) <= width)) widths[columnIndex] = Math.max(width, displayLength(column, value));
      return cellValue(value);
    }),
  );
  for (const row of sheet.addRows(rows)) {
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cell.style = styles[columnNumber - 1]!;
    });
  }

  table.columns.forEach((_, index) => {
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[index] ?? 0) + 1));
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };
  }
  // Deflate at level 3 instead of 6: a quarter of the compression time of a tier-L export (20,000 rows)
  // for a file some 18 % larger (3.1 MB instead of 2.7 MB), measured on the benchmark's portfolio.
  // exceljs types the result as ArrayBuffer but returns a Buffer (a Uint8Array) in Node and in its browser
  // build; `new Uint8Array` accepts both, and copies into a plain array the worker can transfer.
  return new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 3 } } }));
}

/** Column widths in characters: room for the header's filter button; long texts wrap no further than this. */
const FILTER_BUTTON_WIDTH = 3;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function cellValue(value: ExportValue): ExcelJS.CellValue {
  switch (value.kind) {
    case 'empty':
      return null;
    case 'text':
      return neutraliseText(value.text);
    case 'number':
      return value.value;
    case 'money':
      // The one place money becomes a double: an Excel cell holds an IEEE 754 number. It is parsed from
      // the exact decimal text, so it is the double nearest to the true amount (15 significant digits, i.e.
      // exact to the cent below 10 trillion), never the product of float arithmetic on minor units.
      return Number(value.decimal);
    case 'date':
      // Excel stores a date as days since 1899-12-30 with no time zone; exceljs converts from UTC.
      return new Date(isoDateToUtcMs(value.date));
  }
}

function numberFormat(column: ExportColumn): string {
  switch (column.kind) {
    case 'text':
      return '@';
    case 'integer':
      return '#,##0';
    case 'decimal':
      return column.fractionDigits === undefined ? 'General' : withDecimals('#,##0', column.fractionDigits);
    case 'percent':
      return `${withDecimals('0', column.fractionDigits ?? DEFAULT_PERCENT_DIGITS)}%`;
    case 'money':
      return withDecimals('#,##0', minorUnitDigits(column.currency ?? ''));
    case 'date':
      return 'yyyy-mm-dd';
  }
}

function withDecimals(pattern: string, digits: number): string {
  return digits > 0 ? `${pattern}.${'0'.repeat(digits)}` : pattern;
}

/** About how many characters the cell shows: its plain text plus the thousands separators of `#,##0`. */
function displayLength(column: ExportColumn, value: ExportValue): number {
  const text = cellText(column, value);
  if (value.kind !== 'number' && value.kind !== 'money') return text.length;
  const start = text.startsWith('-') ? 1 : 0;
  const point = text.indexOf('.');
  const integerDigits = (point < 0 ? text.length : point) - start;
  return text.length + Math.floor((integerDigits - 1) / 3) + (column.kind === 'percent' ? 1 : 0);
}

/**
 * A bound on displayLength that needs no formatting, for numbers shown with a fixed number of decimals:
 * sign, integer digits (two more than log10 gives, for its rounding and a carry such as 9.96 → 10.0),
 * separators, decimals, the percent sign. Infinity where there is none (text, money, dates, plain decimals).
 */
function lengthAtMost(column: ExportColumn, value: ExportValue): number {
  if (value.kind !== 'number') return Number.POSITIVE_INFINITY;
  const decimals = column.kind === 'integer' ? 0 : column.kind === 'percent' ? (column.fractionDigits ?? DEFAULT_PERCENT_DIGITS) : column.kind === 'decimal' ? column.fractionDigits : undefined;
  if (decimals === undefined) return Number.POSITIVE_INFINITY;
  const magnitude = Math.abs(value.value) * (column.kind === 'percent' ? 100 : 1);
  const integerDigits = (magnitude < 1 ? 1 : Math.floor(Math.log10(magnitude)) + 1) + 2;
  return 1 + integerDigits + Math.floor((integerDigits - 1) / 3) + (decimals > 0 ? 1 + decimals : 0) + (column.kind === 'percent' ? 1 : 0);
}

/**
 * (The oracle's copy of toSheetName.) A name Excel accepts for a sheet: at most 31 characters, none of \ / ? * [ ] : and no quote at either
 * end. Screen titles such as "Ageing 31/03" would otherwise make the export fail.
 */
function toSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are as invalid as the rest
  const cleaned = name.replace(/[\\/?*[\]:\u0000-\u001f]/g, '-').trim();
  let shortened = '';
  for (const character of cleaned) {
    if (shortened.length + character.length > 31) break; // Excel counts UTF-16 units; never split a pair
    shortened += character;
  }
  const unquoted = shortened.replace(/^'+|'+$/g, '').trim();
  return unquoted === '' || unquoted.toLowerCase() === 'history' ? 'Sheet1' : unquoted;
}
