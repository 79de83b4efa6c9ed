import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../../shared/export/export-table';
import { buildXlsx, toSheetName } from './build-xlsx';

const table: ExportTable = {
  title: 'Open items',
  columns: [
    { header: 'Debtor', kind: 'text' },
    { header: 'Invoices', kind: 'integer' },
    { header: 'DSO', kind: 'decimal', fractionDigits: 1 },
    { header: 'Collected', kind: 'percent' },
    { header: 'Open amount', kind: 'money', currency: 'EUR' },
    { header: 'Due date', kind: 'date' },
    { header: 'Open amount', kind: 'money', currency: 'JPY' },
  ],
  rows: [
    ['Åkeri Östberg AB', 12345, 41.25, 0.85, 100000000001, '2026-03-31', 1000],
    ['Bakkerij Eëndracht', -3, -0.5, -0.125, -5, '2024-02-29', -7],
    ['=HYPERLINK("http://x")', null, null, null, null, null, null],
    ['+1', null, null, null, null, null, null],
    ['-2+3', null, null, null, null, null, null],
    ['@SUM(A1)', null, null, null, null, null, null],
  ],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // A fresh ArrayBuffer holding exactly the file: exceljs's types want one.
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no sheet');
  return sheet;
}

describe('buildXlsx', () => {
  it('writes a bold, frozen header row with a filter over the whole table', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Ageing 31/03' }));
    expect(sheet.name).toBe('Ageing 31-03');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Debtor', 'Invoices', 'DSO', 'Collected', 'Open amount (EUR)', 'Due date', 'Open amount (JPY)']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:G7');
  });

  it('writes money as numbers exact to the cent, with the currency digits as format', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Items' }));
    expect(sheet.getCell('E2').value).toBe(1000000000.01);
    expect(sheet.getCell('E2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('E3').value).toBe(-0.05);
    expect(sheet.getCell('G2').value).toBe(1000);
    expect(sheet.getCell('G2').numFmt).toBe('#,##0');
  });

  it('keeps numbers numeric, negative ones included, with their formats', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Items' }));
    expect(sheet.getCell('B2').value).toBe(12345);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0');
    expect(sheet.getCell('B3').value).toBe(-3);
    expect(sheet.getCell('C3').value).toBe(-0.5);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0.0');
    expect(sheet.getCell('D2').value).toBe(0.85);
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D3').value).toBe(-0.125);
  });

  it('writes dates as real Excel dates shown yyyy-mm-dd', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Items' }));
    const due = sheet.getCell('F2');
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('F3').value).toEqual(new Date('2024-02-29T00:00:00Z'));
  });

  it('stores text that looks like a formula as quoted text, and no cell as a formula', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Items' }));
    expect([2, 3, 4, 5, 6, 7].map((row) => sheet.getCell(row, 1).value)).toEqual([
      'Åkeri Östberg AB',
      'Bakkerij Eëndracht',
      `'=HYPERLINK("http://x")`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
    ]);
    const types = new Set<ExcelJS.ValueType>();
    sheet.eachRow((row) => row.eachCell((cell) => types.add(cell.type)));
    expect(types).not.toContain(ExcelJS.ValueType.Formula);
    expect(types).not.toContain(ExcelJS.ValueType.Hyperlink);
  });

  it('sizes columns to their contents', async () => {
    const sheet = await load(await buildXlsx(table, { sheetName: 'Items' }));
    const width = (column: number): number => sheet.getColumn(column).width ?? 0;
    expect(width(1)).toBeGreaterThanOrEqual('=HYPERLINK("http://x")'.length);
    expect(width(5)).toBeGreaterThanOrEqual('1,000,000,000.01'.length);
    expect(width(6)).toBeGreaterThanOrEqual('2026-03-31'.length);
    expect(width(6)).toBeLessThan(width(5));
  });

  it('builds 20,000 rows', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Debtor ${i}`, i, i / 7, i / 20_000, i * 101 - 1_000_000, '2026-01-15', i]);
    const bytes = await buildXlsx({ ...table, rows }, { sheetName: 'Items' });
    const sheet = await load(bytes);
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getCell('E20001').value).toBe(10_198.99); // 19,999 × 101 − 1,000,000 cents
  }, 120_000);
});

describe('toSheetName', () => {
  it('makes any title a name Excel accepts', () => {
    expect(toSheetName('Ageing 31/03')).toBe('Ageing 31-03');
    expect(toSheetName('Limits [SE]: *all*?')).toBe('Limits -SE-- -all--');
    expect(toSheetName("'Quoted'")).toBe('Quoted');
    expect(toSheetName('   ')).toBe('Sheet1');
    expect(toSheetName('History')).toBe('Sheet1');
    expect(toSheetName('Kreditgränser per kund och försäkringsgivare')).toHaveLength(31);
  });
});
