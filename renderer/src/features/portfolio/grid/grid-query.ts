import type { RiskBand } from '../../../../../shared/domain/risk/risk-score';
import type { PortfolioColumn } from './portfolio-columns';
import type { LimitState } from '../../../../../shared/domain/limits/credit-limit';
import type { PortfolioRow } from './portfolio-row';

export interface GridFilters {
  readonly country?: string;
  readonly currency?: string;
  readonly limitState?: LimitState;
  readonly riskBand?: RiskBand;
  readonly isOverLimit?: boolean;
  readonly isDisputed?: boolean;
  /** Overdue amount strictly above this, in minor units of the policy currency. */
  readonly overdueAboveMinor?: number;
  /** Oldest overdue item more than this many days late. */
  readonly overdueDaysAbove?: number;
}

export interface GridSort {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

export interface GridQuery {
  readonly search: string;
  readonly filters: GridFilters;
  readonly sort: GridSort;
}

export const DEFAULT_GRID_QUERY: GridQuery = { search: '', filters: {}, sort: { column: 'risk', direction: 'desc' } };

function matches(row: PortfolioRow, filters: GridFilters, search: string): boolean {
  const { summary } = row;
  if (filters.country !== undefined && row.country !== filters.country) return false;
  if (filters.currency !== undefined && row.currency !== filters.currency) return false;
  if (filters.limitState !== undefined && row.limitState !== filters.limitState) return false;
  if (filters.riskBand !== undefined && row.riskBand !== filters.riskBand) return false;
  // As the portfolio's over-limit count: exposure without any limit is uncovered, not over a limit.
  if (filters.isOverLimit && !(summary.overLimitMinor > 0 && summary.limitMinor > 0)) return false;
  if (filters.isDisputed && !(summary.disputedMinor > 0)) return false;
  if (filters.overdueAboveMinor !== undefined && !(summary.overdueMinor > filters.overdueAboveMinor)) return false;
  if (filters.overdueDaysAbove !== undefined && !(summary.overdueMinor > 0 && summary.maxDaysOverdue > filters.overdueDaysAbove)) return false;
  return search === '' || row.searchText.includes(search);
}

/**
 * Text columns are ranked once per row set with the language's collator (so "Ångström" sorts as Swedes
 * expect), after which sorting on them compares integers: a collator comparison per pair would take a
 * tier-L sort over the 50 ms budget.
 */
const textRanks = new WeakMap<readonly PortfolioRow[], Map<string, Map<string, number>>>();

function rankOf(rows: readonly PortfolioRow[], column: PortfolioColumn, locale: string): Map<string, number> {
  let byColumn = textRanks.get(rows);
  if (!byColumn) textRanks.set(rows, (byColumn = new Map()));
  const key = `${column.id}|${locale}`;
  let ranks = byColumn.get(key);
  if (!ranks) {
    const values = [...new Set(rows.map((row) => column.sortValue(row)).filter((value): value is string => typeof value === 'string'))];
    values.sort(new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare);
    ranks = new Map(values.map((value, index) => [value, index]));
    byColumn.set(key, ranks);
  }
  return ranks;
}

/**
 * The rows the grid shows: filtered, searched (case-insensitive, on name, customer code and company
 * identifiers) and sorted, ties broken by name rank then debtor id so the order is stable.
 */
export function applyGridQuery(rows: readonly PortfolioRow[], query: GridQuery, columns: readonly PortfolioColumn[], locale: string): PortfolioRow[] {
  const search = query.search.trim().toLocaleLowerCase();
  const filtered = rows.filter((row) => matches(row, query.filters, search));
  const column = columns.find((candidate) => candidate.id === query.sort.column) ?? columns[0]!;
  const isText = column.kind === 'text' || column.kind === 'code' || column.kind === 'state' || column.kind === 'date';
  const ranks = isText ? rankOf(rows, column, locale) : undefined;
  const nameRanks = rankOf(rows, columns.find((candidate) => candidate.id === 'name') ?? column, locale);
  const keyOf = (row: PortfolioRow): number | undefined => {
    const value = column.sortValue(row);
    if (value === undefined) return undefined;
    return typeof value === 'string' ? ranks!.get(value) : value;
  };
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const keyed = filtered.map((row) => ({ row, key: keyOf(row), name: nameRanks.get(row.name) ?? 0 }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      return (a.key - b.key) * sign;
    }
    return a.name - b.name || (a.row.debtorId < b.row.debtorId ? -1 : 1);
  });
  return keyed.map((entry) => entry.row);
}
