import type { PortfolioRow } from './portfolio-row';

/**
 * The portfolio grid's columns, independent of React: the grid renders them, the query sorts on them and
 * the export writes them. Bucket columns are numbered from the ageing configuration ("bucket0" = not due).
 */
export type ColumnKind = 'text' | 'code' | 'money' | 'percent' | 'days' | 'integer' | 'score' | 'date' | 'state';

export interface PortfolioColumn {
  readonly id: string;
  readonly kind: ColumnKind;
  /** The value sorted on; undefined sorts last in either direction. */
  readonly sortValue: (row: PortfolioRow) => number | string | undefined;
  readonly isVisibleByDefault: boolean;
  /** Width in rem, so the grid's columns line up without measuring. */
  readonly width: number;
}

const column = (id: string, kind: ColumnKind, sortValue: PortfolioColumn['sortValue'], isVisibleByDefault: boolean, width = 8): PortfolioColumn => ({ id, kind, sortValue, isVisibleByDefault, width });

export const BUCKET_COLUMN_PREFIX = 'bucket';

export function portfolioColumns(bucketCount: number): readonly PortfolioColumn[] {
  const buckets = Array.from({ length: bucketCount }, (_, index) => column(`${BUCKET_COLUMN_PREFIX}${index}`, 'money', (row) => row.summary.bucketsMinor[index] ?? 0, index > 0, 8));
  return [
    column('name', 'text', (row) => row.name, true, 16),
    column('customerCode', 'code', (row) => row.customerCode, false, 7),
    column('country', 'text', (row) => row.country, true, 10),
    column('currency', 'code', (row) => row.currency, false, 5),
    column('segment', 'text', (row) => row.segment, false, 8),
    column('risk', 'score', (row) => row.riskScore, true, 7.5),
    column('grade', 'integer', (row) => row.grade, true, 5),
    column('exposure', 'money', (row) => row.summary.exposureMinor, true, 9),
    column('limit', 'money', (row) => row.summary.limitMinor, true, 9),
    column('utilisation', 'percent', (row) => row.summary.utilisation, true, 7.5),
    column('limitState', 'state', (row) => row.limitState, false, 9),
    column('internalLimit', 'money', (row) => row.summary.internalLimitMinor, false, 9),
    column('overdue', 'money', (row) => row.summary.overdueMinor, true, 9),
    column('daysOverdue', 'days', (row) => (row.summary.overdueMinor > 0 ? row.summary.maxDaysOverdue : 0), true, 8),
    ...buckets,
    column('disputed', 'money', (row) => row.summary.disputedMinor, false, 8),
    column('dso', 'days', (row) => row.summary.dso, true, 5.5),
    column('add', 'days', (row) => row.summary.averageDaysDelinquent, true, 5.5),
    column('lastPayment', 'date', (row) => row.summary.lastPaymentDate, false, 7),
    column('dunningStage', 'state', (row) => row.dunningStage, true, 10),
    column('nextAction', 'state', (row) => row.nextAction?.on, true, 12),
  ];
}

export function defaultVisibleColumns(columns: readonly PortfolioColumn[]): string[] {
  return columns.filter((candidate) => candidate.isVisibleByDefault).map((candidate) => candidate.id);
}
