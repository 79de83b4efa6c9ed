import { hasUnconverted, unconvertedAmounts, type UnconvertedFigures } from '../../../../../shared/domain/summaries/unconverted';
import type { ExportCell, ExportColumn, ExportTable } from '../../../../../shared/export/export-table';
import { BUCKET_COLUMN_PREFIX, type PortfolioColumn } from './portfolio-columns';
import type { PortfolioRow } from './portfolio-row';

/** How each kind of grid column is written to a file: the figure itself, not its on-screen text. */
function exportColumn(column: PortfolioColumn, header: string, currency: string): ExportColumn {
  switch (column.kind) {
    case 'money': return { header, kind: 'money', currency };
    case 'percent': return { header, kind: 'percent' };
    case 'days': return { header, kind: 'decimal', fractionDigits: 1 };
    case 'integer':
    case 'score': return { header, kind: 'integer' };
    case 'date': return { header, kind: 'date' };
    default: return { header, kind: 'text' };
  }
}

/** The part of a money column's figure that has no rate, read from the summary's unconverted figures. */
function unconvertedPart(column: PortfolioColumn): ((figures: UnconvertedFigures) => number) | undefined {
  if (column.id.startsWith(BUCKET_COLUMN_PREFIX)) {
    const bucket = Number(column.id.slice(BUCKET_COLUMN_PREFIX.length));
    return (figures) => figures.bucketsMinor[bucket] ?? 0;
  }
  if (column.id === 'exposure') return (figures) => figures.exposureMinor;
  if (column.id === 'overdue') return (figures) => figures.overdueMinor;
  return undefined;
}

function exportCell(column: PortfolioColumn, row: PortfolioRow, text: (column: PortfolioColumn, row: PortfolioRow) => string): ExportCell {
  const { summary } = row;
  // A figure that is all foreign amount without a rate is left empty, never written as 0: the "not
  // converted" column beside it says what it is (issue 13).
  const part = unconvertedPart(column);
  if (part && unconvertedAmounts(summary.unconverted, part).length > 0 && (column.sortValue(row) ?? 0) === 0) return null;
  if (column.id.startsWith(BUCKET_COLUMN_PREFIX)) return summary.bucketsMinor[Number(column.id.slice(BUCKET_COLUMN_PREFIX.length))] ?? 0;
  switch (column.kind) {
    case 'money':
    case 'integer':
    case 'score':
    case 'percent': {
      const value = column.sortValue(row);
      return typeof value === 'number' ? value : null;
    }
    case 'days': {
      if (column.id === 'daysOverdue') return summary.overdueMinor > 0 ? summary.maxDaysOverdue : null;
      const value = column.sortValue(row);
      // Days are ratios (DSO, ADD): one decimal, as on screen.
      return typeof value === 'number' ? Math.round(value * 10) / 10 : null;
    }
    case 'date': return summary.lastPaymentDate ?? null;
    // Text, codes and states as the controller reads them on screen (country names, statuses in the UI language).
    default: return text(column, row);
  }
}

/** The grid as shown (filtered, sorted, chosen columns) as a table for the CSV and Excel builders. */
export function portfolioExportTable(input: {
  readonly title: string;
  readonly rows: readonly PortfolioRow[];
  readonly columns: readonly PortfolioColumn[];
  readonly currency: string;
  readonly label: (column: PortfolioColumn) => string;
  readonly text: (column: PortfolioColumn, row: PortfolioRow) => string;
  /** When any row owes in a currency without a rate: a text column saying what was not converted. */
  readonly notConverted?: { readonly header: string; readonly text: (row: PortfolioRow) => string };
}): ExportTable {
  const notConverted = input.notConverted && input.rows.some((row) => hasUnconverted(row.summary.unconverted)) ? input.notConverted : undefined;
  return {
    title: input.title,
    columns: [...input.columns.map((column) => exportColumn(column, input.label(column), input.currency)), ...(notConverted ? [{ header: notConverted.header, kind: 'text' as const }] : [])],
    rows: input.rows.map((row) => [
      ...input.columns.map((column) => exportCell(column, row, input.text)),
      ...(notConverted ? [hasUnconverted(row.summary.unconverted) ? notConverted.text(row) : null] : []),
    ]),
  };
}
