import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../../shared/export/export-table';
import { buildCsv } from './build-csv';

const table: ExportTable = {
  title: 'Open items',
  columns: [
    { header: 'Debtor', kind: 'text' },
    { header: 'Invoices', kind: 'integer' },
    { header: 'DSO', kind: 'decimal', fractionDigits: 1 },
    { header: 'Collected %', kind: 'percent' },
    { header: 'Open amount', kind: 'money', currency: 'SEK' },
    { header: 'Due date', kind: 'date' },
  ],
  rows: [
    ['Åkeri Östberg AB', 12345, 41.25, 0.85, 100000000001, '2026-03-31'],
    ['Bakkerij Eëndracht; € B.V.', -3, -0.5, -0.125, -5, null],
    ['=HYPERLINK("http://x")', null, null, null, null, null],
    ['+1', null, null, null, null, null],
    ['-2+3', null, null, null, null, null],
    ['@SUM(A1)', null, null, null, null, null],
    ['line one\r\nline two', null, null, null, null, null],
  ],
};

function parse(bytes: Uint8Array, delimiter: ',' | ';'): { bom: boolean; text: string; rows: string[][] } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom ? 3 : 0));
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { bom, text, rows: result.data };
}

describe('buildCsv', () => {
  it('writes Swedish and Dutch files with ";" and a decimal comma, UTF-8 with BOM and CRLF', () => {
    for (const locale of ['sv', 'nl'] as const) {
      const { bom, text, rows } = parse(buildCsv(table, { locale }), ';');
      expect(bom).toBe(true);
      expect(text.split('\r\n')[0]).toBe('Debtor;Invoices;DSO;Collected %;Open amount (SEK);Due date');
      expect(text.split('\r\n')[1]).toBe('Åkeri Östberg AB;12345;41,3;85,0;1000000000,01;2026-03-31');
      expect(rows[0]).toEqual(['Debtor', 'Invoices', 'DSO', 'Collected %', 'Open amount (SEK)', 'Due date']);
      expect(rows[2]).toEqual(['Bakkerij Eëndracht; € B.V.', '-3', '-0,5', '-12,5', '-0,05', '']);
    }
  });

  it('writes English files with "," and a decimal point, without thousands separators', () => {
    const { bom, text, rows } = parse(buildCsv(table, { locale: 'en' }), ',');
    expect(bom).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Debtor,Invoices,DSO,Collected %,Open amount (SEK),Due date');
    expect(rows[1]).toEqual(['Åkeri Östberg AB', '12345', '41.3', '85.0', '1000000000.01', '2026-03-31']);
    expect(rows[2]).toEqual(['Bakkerij Eëndracht; € B.V.', '-3', '-0.5', '-12.5', '-0.05', '']);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every line ends in CRLF
  });

  it('neutralises text that a spreadsheet would run as a formula, and keeps negative numbers numeric', () => {
    const { rows } = parse(buildCsv(table, { locale: 'en' }), ',');
    expect(rows.slice(3, 7).map((row) => row[0])).toEqual([`'=HYPERLINK("http://x")`, "'+1", "'-2+3", "'@SUM(A1)"]);
    expect(rows[2]?.[4]).toBe('-0.05');
    expect(rows[7]?.[0]).toBe('line one\r\nline two');
  });

  it('neutralises a header that looks like a formula', () => {
    const { rows } = parse(buildCsv({ title: 't', columns: [{ header: '=cmd', kind: 'text' }], rows: [] }, { locale: 'en' }), ',');
    expect(rows).toEqual([["'=cmd"]]);
  });

  it('refuses a cell that does not fit its column', () => {
    const bad: ExportTable = { title: 't', columns: [{ header: 'Amount', kind: 'money', currency: 'EUR' }], rows: [[12.5]] };
    expect(() => buildCsv(bad, { locale: 'en' })).toThrow(TypeError);
  });

  it('builds 20,000 rows', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Debtor ${i}`, i, i / 7, i / 20_000, i * 101 - 1_000_000, '2026-01-15']);
    const bytes = buildCsv({ ...table, rows }, { locale: 'nl' });
    expect(parse(bytes, ';').rows).toHaveLength(20_001);
  });
});

