import { describe, expect, it } from 'vitest';
import { testSummary, type TestSummaryValues } from '../../../../../shared/domain/summaries/test-summary';
import { applyGridQuery, DEFAULT_GRID_QUERY, type GridQuery } from './grid-query';
import { portfolioColumns } from './portfolio-columns';
import { buildPortfolioRows } from './portfolio-row';
import type { StoredDebtor } from '../../../data/db/schema';

function debtor(id: string, name: string, country: string, grade?: number): StoredDebtor {
  return {
    id, chunkId: 0, customerCode: `C-${id}`, name, country, currency: country === 'SE' ? 'SEK' : 'EUR', paymentTermsDays: 30, language: 'en', jurisdiction: 'EU',
    identifiers: [{ type: 'NL_KVK', value: `8000000${id}` }], contacts: [], segment: 'SME', createdOn: '2025-01-01' as never,
    ...(grade !== undefined && { grade: { scale: 'allianz-trade', value: grade, updatedOn: '2026-01-01' as never } }),
  };
}

const DEBTORS: [StoredDebtor, TestSummaryValues][] = [
  [debtor('1', 'Ångström Verktyg AB', 'SE', 8), { open: 900_000, overdue: 600_000, maxDaysOverdue: 95, limit: 500_000 }],
  [debtor('2', 'Bakkerij de Zon BV', 'NL', 2), { open: 100_000, limit: 1_000_000 }],
  [debtor('3', 'Zeeland Logistiek BV', 'NL', 5), { open: 300_000, overdue: 300_000, maxDaysOverdue: 20, limit: 400_000, disputed: 50_000 }],
  [debtor('4', 'Apex Tools Ltd', 'GB'), { open: 50_000 }],
];

const rows = buildPortfolioRows({
  debtorChunks: [{ chunkId: 0, debtors: DEBTORS.map(([record]) => record) }],
  summaryChunks: [{ chunkId: 0, asOf: '2026-11-24', summaries: DEBTORS.map(([record, values]) => testSummary({ ...values, debtorId: record.id, country: record.country })) }],
  dunningActions: [{ id: 'a', debtorId: '3', step: 'reminder-1', itemIds: [], plannedOn: '2026-11-01' as never, doneOn: '2026-11-01' as never, status: 'done', note: '' }, { id: 'b', debtorId: '3', step: 'phone-call', itemIds: [], plannedOn: '2026-11-28' as never, status: 'planned', note: '' }],
});
const columns = portfolioColumns(2);
const names = (query: Partial<GridQuery>, locale = 'en') => applyGridQuery(rows, { ...DEFAULT_GRID_QUERY, ...query }, columns, locale).map((row) => row.name);

describe('the portfolio grid query', () => {
  it('opens with the riskiest debtors first', () => {
    expect(names({})[0]).toBe('Ångström Verktyg AB');
    expect(names({}).at(-1)).toBe('Bakkerij de Zon BV');
  });

  it('sorts any column both ways, empty values last either way', () => {
    expect(names({ sort: { column: 'exposure', direction: 'asc' } })).toEqual(['Apex Tools Ltd', 'Bakkerij de Zon BV', 'Zeeland Logistiek BV', 'Ångström Verktyg AB']);
    expect(names({ sort: { column: 'grade', direction: 'asc' } }).at(-1)).toBe('Apex Tools Ltd');
    expect(names({ sort: { column: 'grade', direction: 'desc' } }).at(-1)).toBe('Apex Tools Ltd');
  });

  it('sorts names the way the language does: Å after Z in Swedish, with A in English', () => {
    expect(names({ sort: { column: 'name', direction: 'asc' } }, 'sv')).toEqual(['Apex Tools Ltd', 'Bakkerij de Zon BV', 'Zeeland Logistiek BV', 'Ångström Verktyg AB']);
    expect(names({ sort: { column: 'name', direction: 'asc' } }, 'en')).toEqual(['Ångström Verktyg AB', 'Apex Tools Ltd', 'Bakkerij de Zon BV', 'Zeeland Logistiek BV']);
  });

  it('filters on country, over-limit, disputes, overdue amount and age, and limit state', () => {
    expect(names({ filters: { country: 'NL' } }).sort()).toEqual(['Bakkerij de Zon BV', 'Zeeland Logistiek BV']);
    expect(names({ filters: { isOverLimit: true } })).toEqual(['Ångström Verktyg AB']);
    expect(names({ filters: { isDisputed: true } })).toEqual(['Zeeland Logistiek BV']);
    expect(names({ filters: { overdueAboveMinor: 300_000 } })).toEqual(['Ångström Verktyg AB']);
    expect(names({ filters: { overdueDaysAbove: 30 } })).toEqual(['Ångström Verktyg AB']);
    expect(names({ filters: { limitState: 'APPROVED', currency: 'EUR' } }).sort()).toEqual(['Bakkerij de Zon BV', 'Zeeland Logistiek BV']);
    expect(names({ filters: { limitState: 'NONE' } })).toEqual(['Apex Tools Ltd']);
  });

  it('searches name, customer code and company identifiers, ignoring case', () => {
    expect(names({ search: 'zeeland' })).toEqual(['Zeeland Logistiek BV']);
    expect(names({ search: 'c-4' })).toEqual(['Apex Tools Ltd']);
    expect(names({ search: '80000002' })).toEqual(['Bakkerij de Zon BV']);
  });

  it('shows each debtor’s dunning stage and next planned step', () => {
    const zeeland = rows.find((row) => row.debtorId === '3')!;
    expect(zeeland.dunningStage).toBe('reminder-1');
    expect(zeeland.nextAction).toEqual({ step: 'phone-call', on: '2026-11-28' });
  });
});
