import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { testSummary } from '../../../../../shared/domain/summaries/test-summary';
import { buildCsv } from '../../../export/build-csv';
import { portfolioExportTable } from './grid-export';
import { portfolioColumns } from './portfolio-columns';
import { buildPortfolioRows } from './portfolio-row';

const rows = buildPortfolioRows({
  debtorChunks: [{ chunkId: 0, debtors: [{ id: 'd1', chunkId: 0, customerCode: '100001', name: '=HYPERLINK("http://evil")', country: 'SE', currency: 'SEK', paymentTermsDays: 30, language: 'sv', jurisdiction: 'SE', identifiers: [], contacts: [], segment: 'SME', createdOn: '2025-01-01' as never }] }],
  summaryChunks: [{ chunkId: 0, asOf: '2026-11-24', summaries: [testSummary({ debtorId: 'd1', open: 100_000_000_001, overdue: 1_005, maxDaysOverdue: 12, limit: 50_000_000_000 })] }],
  dunningActions: [],
});
const columns = portfolioColumns(2).filter((column) => ['name', 'country', 'exposure', 'utilisation', 'daysOverdue', 'bucket1', 'dso'].includes(column.id));

describe('exporting the portfolio grid', () => {
  const table = portfolioExportTable({ title: 'Kunder', rows, columns, currency: 'EUR', label: (column) => column.id, text: (column, row) => (column.id === 'country' ? 'Sverige' : row.name) });

  it('writes figures, not their screen text: amounts exact to the cent, ratios as ratios, unknowns empty', () => {
    const [line] = table.rows;
    expect(line).toEqual(['=HYPERLINK("http://evil")', 'Sverige', 100_000_000_001, 2.00000000002, 12, 1_005, null]);
  });

  it('makes a Swedish CSV Excel opens right, with the formula-looking name neutralised', () => {
    const csv = new TextDecoder().decode(buildCsv(table, { locale: 'sv' }));
    const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['name', 'country', 'exposure (EUR)', 'utilisation', 'daysOverdue', 'bucket1 (EUR)', 'dso']);
    expect(parsed[1]).toEqual(['\'=HYPERLINK("http://evil")', 'Sverige', '1000000000,01', '200,0', '12,0', '10,05', '']);
  });
});

describe('exporting debtors whose amounts have no exchange rate', () => {
  const gbp = { openMinor: 1_484_500, overdueMinor: 1_234_500, exposureMinor: 1_484_500, bucketsMinor: [250_000, 1_234_500], debtorCount: 1 };
  const noRate = buildPortfolioRows({
    debtorChunks: [{ chunkId: 0, debtors: [{ id: 'd2', chunkId: 0, customerCode: '2001', name: 'Harbour Tools Ltd', country: 'GB', currency: 'GBP', paymentTermsDays: 30, language: 'en', jurisdiction: 'GB', identifiers: [], contacts: [], segment: 'SME', createdOn: '2025-01-01' as never }] }],
    summaryChunks: [{ chunkId: 0, asOf: '2026-11-24', summaries: [{ ...testSummary({ debtorId: 'd2' }), unconvertedCurrencies: ['GBP'], unconverted: { GBP: gbp } }] }],
    dunningActions: [],
  });

  it('leaves their amounts empty instead of 0 and says in a column of its own what was not converted', () => {
    const table = portfolioExportTable({ title: 'Debtors', rows: noRate, columns, currency: 'EUR', label: (column) => column.id, text: (_column, row) => row.name, notConverted: { header: 'Not converted', text: () => '£14,845.00 not converted' } });
    expect(table.columns.at(-1)).toEqual({ header: 'Not converted', kind: 'text' });
    expect(table.rows[0]).toEqual(['Harbour Tools Ltd', 'Harbour Tools Ltd', null, null, null, null, null, '£14,845.00 not converted']);
    // Without such debtors the file has no such column.
    expect(portfolioExportTable({ title: 'Kunder', rows, columns, currency: 'EUR', label: (column) => column.id, text: (_column, row) => row.name, notConverted: { header: 'Not converted', text: () => 'x' } }).columns).toHaveLength(columns.length);
  });
});
