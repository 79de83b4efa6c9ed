import Papa from 'papaparse';
import { cellText } from '../../../shared/export/cell-text';
import { assertExportTable, columnHeading, readExportCell, type ExportTable } from '../../../shared/export/export-table';
import { neutraliseText } from '../../../shared/export/neutralise-cell';

export type CsvLocale = 'en' | 'nl' | 'sv';

/**
 * A grid as a CSV file that Excel opens correctly in the user's language: UTF-8 with a byte-order mark
 * (without it Excel reads å, ë and € as Windows-1252), CRLF line ends (RFC 4180), and the separator and
 * decimal mark Excel expects there — `,` and `.` in English; `;` and `,` in Dutch and Swedish, where the
 * comma is the decimal mark. No thousands separators, dates as YYYY-MM-DD, money as its exact decimal,
 * percentages as the percentage (85.0) — see shared/export/cell-text.ts. Text is neutralised against
 * formula injection here rather than with papaparse's `escapeFormulae`, which would also quote negative
 * numbers ("-0,05" is a string by the time papaparse sees it).
 */
export function buildCsv(table: ExportTable, options: { locale: CsvLocale }): Uint8Array {
  assertExportTable(table);
  const decimalComma = options.locale !== 'en';
  const lines: string[][] = [table.columns.map((column) => neutraliseText(columnHeading(column)))];
  table.rows.forEach((row, rowIndex) => {
    lines.push(
      table.columns.map((column, columnIndex) => {
        const value = readExportCell(column, row[columnIndex], rowIndex);
        const text = cellText(column, value);
        return decimalComma && (value.kind === 'number' || value.kind === 'money') ? text.replace('.', ',') : text;
      }),
    );
  });
  const csv = Papa.unparse(lines, { delimiter: decimalComma ? ';' : ',', newline: '\r\n', quotes: false, escapeFormulae: false });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}
