import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportCell, ExportColumn, ExportTable } from '../../../shared/export/export-table';
import { buildXlsxWithExceljs } from './build-xlsx-exceljs.test-support';
import { buildXlsx } from './build-xlsx';

/**
 * The hand-written workbook against the one exceljs wrote before (issue 14), both read back by exceljs as
 * a spreadsheet program would: what the user sees — sheet, header, values, number formats, widths,
 * frozen header, filter — must be the same.
 */
const columns: readonly ExportColumn[] = [
  { header: 'Debtor', kind: 'text' },
  { header: 'Code', kind: 'text' },
  { header: 'Risk', kind: 'integer' },
  { header: 'DSO', kind: 'decimal', fractionDigits: 1 },
  { header: 'Ratio', kind: 'decimal' },
  { header: 'Utilisation', kind: 'percent' },
  { header: 'Paid', kind: 'percent', fractionDigits: 2 },
  { header: 'Exposure', kind: 'money', currency: 'EUR' },
  { header: 'Exposure', kind: 'money', currency: 'JPY' },
  { header: 'Exposure', kind: 'money', currency: 'KWD' },
  { header: 'Last payment', kind: 'date' },
];

const awkwardTexts = ['Åkeri Östberg AB', 'Bakkerij <De Eendracht> & "Zonen"', "O'Brien's", '=SUM(A1)', '+31 6 1234', '-minus', '@home', '  two spaces ', 'tab\tinside', 'line\nbreak', 'bell\u0007 and nul\u0000', '€ £ − 😀', ''];

/** A deterministic generator (no Math.random: a failure must be reproducible). */
function generatedRows(count: number): ExportCell[][] {
  let seed = 20261207;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, index) =>
    columns.map((column): ExportCell => {
      if (index > 0 && next() < 0.1) return null;
      switch (column.kind) {
        case 'text':
          return awkwardTexts[index % awkwardTexts.length]! + (column.header === 'Code' ? ` ${index}` : '');
        case 'integer':
          return Math.round((next() - 0.3) * 10 ** Math.floor(next() * 12));
        case 'decimal':
        case 'percent':
          return (next() - 0.3) * 10 ** Math.floor(next() * 8 - 3);
        case 'money':
          return Math.round((next() - 0.2) * 10 ** Math.floor(next() * 15));
        case 'date':
          return `${2000 + Math.floor(next() * 40)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      }
    }),
  );
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

/** What a spreadsheet program shows of a sheet: every cell's value, kind, format and weight, and the sheet's layout. */
function seen(workbook: ExcelJS.Workbook) {
  const sheet = workbook.worksheets[0]!;
  const cells: unknown[] = [];
  for (let row = 1; row <= sheet.rowCount; row++) {
    for (let column = 1; column <= columns.length; column++) {
      const cell = sheet.getCell(row, column);
      const isEmpty = cell.value === null || cell.value === undefined;
      // An empty cell takes its column's format, whether or not the file lists it.
      cells.push(isEmpty ? [row, column, null] : [row, column, cell.value, cell.type, cell.numFmt, cell.font?.bold === true]);
    }
  }
  return {
    title: workbook.title,
    creator: workbook.creator,
    sheetName: sheet.name,
    rowCount: sheet.rowCount,
    view: { state: sheet.views[0]?.state, ySplit: (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit, topLeftCell: (sheet.views[0] as { topLeftCell?: string } | undefined)?.topLeftCell },
    autoFilter: sheet.autoFilter,
    columns: columns.map((_, index) => ({ width: sheet.getColumn(index + 1).width, numFmt: sheet.getColumn(index + 1).numFmt })),
    cells,
  };
}

describe('the Excel export against the exceljs workbook it replaces', () => {
  it('shows the same sheet, cells, formats, widths, frozen header and filter for awkward and generated content', async () => {
    const table: ExportTable = { title: 'Debtors & <limits>', columns, rows: generatedRows(600) };
    const [written, oracle] = await Promise.all([buildXlsx(table, { sheetName: 'Debtors 31/03' }), buildXlsxWithExceljs(table, { sheetName: 'Debtors 31/03' })]);
    expect(seen(await read(written))).toEqual(seen(await read(oracle)));
  }, 120_000);

  it('shows the same for a table without rows', async () => {
    const table: ExportTable = { title: 'Nothing', columns, rows: [] };
    const [written, oracle] = await Promise.all([buildXlsx(table, { sheetName: 'Empty' }), buildXlsxWithExceljs(table, { sheetName: 'Empty' })]);
    expect(seen(await read(written))).toEqual(seen(await read(oracle)));
  }, 120_000);
});
