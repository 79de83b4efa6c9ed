import { cellText } from '../../../shared/export/cell-text';
import { assertExportTable, columnHeading, DEFAULT_PERCENT_DIGITS, readExportCell, type ExportColumn, type ExportTable, type ExportValue } from '../../../shared/export/export-table';
import { neutraliseText } from '../../../shared/export/neutralise-cell';
import { minorUnitDigits } from '../../../shared/money/money';
import { isoDateToUtcMs } from '../../../shared/time/iso-date';
import { writeXlsx, type XlsxCell } from './xlsx-package';

/**
 * A grid as an Excel workbook of one sheet: a bold, frozen header row with a filter, numbers as numeric
 * cells with number formats (money `#,##0.00` with the currency in the header, percent `0.0%`, integers
 * `#,##0`), dates as real Excel dates shown `yyyy-mm-dd`, and text neutralised against formula injection.
 * Cells are only ever written as plain values, so nothing in the file is a formula; text columns are also
 * formatted as Text (`@`), so a user editing a cell does not turn it into one.
 *
 * The workbook is written by `xlsx-package.ts` (SpreadsheetML as text, zipped with fflate) — the same
 * workbook exceljs wrote (`build-xlsx.oracle.test.ts` compares them cell by cell) in about a fifth of the
 * time, which a tier-L export of 20,000 rows needs (issue 14). Runs in the data worker and under Node.
 */
export async function buildXlsx(table: ExportTable, options: { sheetName: string; createdAt?: Date }): Promise<Uint8Array> {
  assertExportTable(table);
  const headings = table.columns.map((column) => neutraliseText(columnHeading(column)));
  const widths = headings.map((heading) => heading.length + FILTER_BUTTON_WIDTH);
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
  return writeXlsx({
    sheetName: toSheetName(options.sheetName),
    title: table.title,
    creator: 'Kredo',
    createdAt: options.createdAt ?? new Date(),
    columns: table.columns.map((column, index) => ({ numberFormat: numberFormat(column), width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[index] ?? 0) + 1)) })),
    header: headings,
    rows,
    // Level 3 rather than 6: a fraction of the compression time of a tier-L export for a file some 15 %
    // larger, measured on the benchmark's portfolio (as with exceljs before).
    compressionLevel: 3,
  });
}

/** Column widths in characters: room for the header's filter button; long texts wrap no further than this. */
const FILTER_BUTTON_WIDTH = 3;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial day. */
const SERIAL_DAY_OF_UNIX_EPOCH = 25_569;

function cellValue(value: ExportValue): XlsxCell {
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
      // Excel stores a date as its serial day: days since 1899-12-30 (ECMA-376 Part 1, 18.17.4.1, the
      // 1900 date system), with no time zone.
      return isoDateToUtcMs(value.date) / MS_PER_DAY + SERIAL_DAY_OF_UNIX_EPOCH;
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
 * A name Excel accepts for a sheet: at most 31 characters, none of \ / ? * [ ] : and no quote at either
 * end. Screen titles such as "Ageing 31/03" would otherwise make the export fail.
 */
export function toSheetName(name: string): string {
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
