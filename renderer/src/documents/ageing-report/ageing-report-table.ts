import type { Content, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { AgeingReportRow, ReportFormat } from './ageing-report-data';
import { fittingFontSize, longer, longestWord } from '../fitting-font-size';
import { pdfSafeText } from '../pdf-safe-text';

/** The column headers of one ageing table, already translated. */
export interface AgeingTableColumns {
  readonly name: string;
  readonly buckets: readonly string[];
  readonly open: string;
  readonly overdue: string;
  /** Present only for tables whose rows carry days overdue or a risk score. */
  readonly daysOverdue?: string;
  readonly risk?: string;
}

export interface AgeingTableSpec {
  readonly heading: string;
  readonly columns: AgeingTableColumns;
  readonly rows: readonly AgeingReportRow[];
  readonly total?: { readonly label: string; readonly row: AgeingReportRow };
  /** Page width between the margins, in pt. */
  readonly width: number;
}

/** Rows above the data that pdfmake repeats on every page: the section heading and the column headers. */
const HEADER_ROWS = 2;
const CELL_PADDING = 4; // pdfmake's default, left and right of every cell
const NAME_WIDTH = 120; // kept for debtor names when amounts are wide
const FONT_SIZE = 7.5;
const MIN_FONT_SIZE = 5;
const RULE_COLOR = '#8c959f';
const STRIPE_COLOR = '#f3f4f6';

/**
 * One ageing table: name, one column per bucket, open, overdue and, for debtors, days overdue and risk.
 * The section heading is the table's first header row, so it repeats with the column headers on every
 * page the table spans and is never left alone at the foot of a page. Amounts are right-aligned; the
 * total row is bold under a rule; alternate rows are shaded so a wide landscape row is easy to follow.
 */
export function ageingTable(spec: AgeingTableSpec, format: ReportFormat): ContentTable {
  const { columns } = spec;
  const headers = [...columns.buckets, columns.open, columns.overdue];
  if (columns.daysOverdue !== undefined) headers.push(columns.daysOverdue);
  if (columns.risk !== undefined) headers.push(columns.risk);

  const widest = headers.map((header) => longestWord(header));
  const numbers = (row: AgeingReportRow): string[] => {
    const texts = columns.buckets.map((_, i) => format.money(row.bucketsMinor[i] ?? 0));
    texts.push(format.money(row.openMinor), format.money(row.overdueMinor));
    if (columns.daysOverdue !== undefined) texts.push(row.maxDaysOverdue === undefined ? '' : format.number(row.maxDaysOverdue));
    if (columns.risk !== undefined) texts.push(row.riskScore === undefined ? '' : format.number(row.riskScore));
    for (let i = 0; i < texts.length; i++) widest[i] = longer(widest[i] ?? '', texts[i] ?? '');
    return texts;
  };

  const rowNumbers = spec.rows.map(numbers);
  const totalNumbers = spec.total ? numbers(spec.total.row) : undefined;
  const fontSize = fittingFontSize({
    widestTexts: widest,
    availableWidth: spec.width,
    nameWidth: NAME_WIDTH,
    columnPadding: 2 * CELL_PADDING,
    preferred: FONT_SIZE,
    minimum: MIN_FONT_SIZE,
  });

  const body: TableCell[][] = [
    headingRow(spec.heading, headers.length + 1),
    [headerCell(columns.name, 'left'), ...headers.map((header) => headerCell(header, 'right'))],
  ];
  spec.rows.forEach((row, i) => {
    body.push([nameCell(row, fontSize - 1), ...(rowNumbers[i] ?? []).map((text) => numberCell(text, false))]);
  });
  if (spec.total && totalNumbers) {
    body.push([{ text: pdfSafeText(spec.total.label), bold: true }, ...totalNumbers.map((text) => numberCell(text, true))]);
  }

  return {
    table: {
      headerRows: HEADER_ROWS,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      // The name takes what the amounts leave; amounts never wrap (their spaces are no-break spaces).
      widths: ['*', ...headers.map(() => 'auto' as const)],
      body,
    },
    fontSize,
    layout: tableLayout(spec.total !== undefined),
  };
}

function headingRow(heading: string, columnCount: number): TableCell[] {
  const cells: TableCell[] = [{ text: pdfSafeText(heading), style: 'sectionHeading', colSpan: columnCount }];
  for (let i = 1; i < columnCount; i++) cells.push({});
  return cells;
}

function headerCell(text: string, alignment: 'left' | 'right'): TableCell {
  return { text: pdfSafeText(text), style: 'columnHeader', alignment };
}

function nameCell(row: AgeingReportRow, detailFontSize: number): Content {
  if (row.detail === undefined || row.detail === '') return pdfSafeText(row.label);
  return { text: [pdfSafeText(row.label), { text: `\n${pdfSafeText(row.detail)}`, style: 'rowDetail', fontSize: detailFontSize }] };
}

function numberCell(text: string, bold: boolean): TableCell {
  return { text: pdfSafeText(text), alignment: 'right', bold };
}

function tableLayout(hasTotal: boolean): CustomTableLayout {
  const isTotal = (row: number, rowCount: number): boolean => hasTotal && row === rowCount - 1;
  return {
    // Rules only under the column headers and above the total: lines between every row look busy in print.
    hLineWidth: (line, node) => (line === HEADER_ROWS || isTotal(line, node.table.body.length) ? 0.6 : 0),
    hLineColor: () => RULE_COLOR,
    vLineWidth: () => 0,
    paddingLeft: () => CELL_PADDING,
    paddingRight: () => CELL_PADDING,
    paddingTop: (row) => (row === 0 ? 10 : 2),
    paddingBottom: () => 2,
    fillColor: (row, node) => {
      const isData = row >= HEADER_ROWS && !isTotal(row, node.table.body.length);
      return isData && (row - HEADER_ROWS) % 2 === 1 ? STRIPE_COLOR : null;
    },
  };
}
