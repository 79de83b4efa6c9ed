import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AgeingReportData, AgeingReportRow, AgeingReportText, ReportFormat } from './ageing-report-data';
import { ageingTable, type AgeingTableColumns } from './ageing-report-table';
import { pdfSafeText } from '../pdf-safe-text';

/** A4 landscape is 841.89 × 595.28 pt; half-inch side margins leave about 770 pt for the tables. */
const PAGE_MARGINS: [number, number, number, number] = [36, 32, 36, 40];
const CONTENT_WIDTH = 841.89 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const TEXT_COLOR = '#1f2328';
const MUTED_COLOR = '#57606a';
const KPI_FILL = '#f3f4f6';

const styles: StyleDictionary = {
  title: { fontSize: 16, bold: true },
  subtitle: { fontSize: 10, margin: [0, 2, 0, 0] },
  generated: { fontSize: 7.5, color: MUTED_COLOR, margin: [0, 2, 0, 10] },
  kpiLabel: { fontSize: 7, color: MUTED_COLOR },
  kpiValue: { fontSize: 11, bold: true },
  sectionHeading: { fontSize: 10.5, bold: true },
  columnHeader: { bold: true, color: MUTED_COLOR },
  rowDetail: { color: MUTED_COLOR },
  footer: { fontSize: 7, color: MUTED_COLOR },
  notConverted: { fontSize: 9, bold: true, color: '#9a3412', margin: [0, 0, 0, 8] },
};

/**
 * The pdfmake document of an ageing report: title block, KPI strip, portfolio summary, the country and
 * currency breakdowns, then every debtor. Pure data in, pure data out: no fonts, no pdfmake runtime.
 */
export function ageingReportDocument(data: AgeingReportData, text: AgeingReportText, format: ReportFormat): TDocumentDefinitions {
  const base = { name: text.columns.name, buckets: data.bucketLabels, open: text.columns.open, overdue: text.columns.overdue };
  const total = { label: text.totalLabel, row: data.totals };
  const footerText = pdfSafeText(`${text.title} · ${text.subtitle}`);
  const generatedAt = new Date(data.generatedAt);

  const content: Content[] = [
    { text: pdfSafeText(text.title), style: 'title' },
    { text: pdfSafeText(text.subtitle), style: 'subtitle' },
    { text: pdfSafeText(text.generated), style: 'generated' },
  ];
  if (text.notConverted) content.push({ text: pdfSafeText(text.notConverted), style: 'notConverted' });
  if (data.kpis.length > 0) content.push(kpiStrip(data.kpis));
  const section = (heading: string, rows: readonly AgeingReportRow[], columns: AgeingTableColumns): Content =>
    ageingTable({ heading, columns, rows, total, width: CONTENT_WIDTH }, format);
  content.push(section(text.summaryHeading, [], { ...base, name: '' }));
  if (data.byCountry.length > 0) content.push(section(text.countryHeading, data.byCountry, withOptionalColumns(base, data.byCountry, text)));
  if (data.byCurrency.length > 0) content.push(section(text.currencyHeading, data.byCurrency, withOptionalColumns(base, data.byCurrency, text)));
  content.push(section(text.debtorHeading, data.debtors, withOptionalColumns(base, data.debtors, text)));

  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    // The report's own instant rather than "now", so the same report always gives the same metadata.
    info: { title: footerText, creator: 'Kredo', producer: 'Kredo', ...(Number.isNaN(generatedAt.getTime()) ? {} : { creationDate: generatedAt }) },
    defaultStyle: { font: 'Roboto', fontSize: 7.5, color: TEXT_COLOR },
    styles,
    footer: (page, pages) => ({
      columns: [
        { text: footerText, style: 'footer' },
        { text: pdfSafeText(text.page(page, pages)), style: 'footer', alignment: 'right', width: 'auto' },
      ],
      columnGap: 12,
      margin: [PAGE_MARGINS[0], 14, PAGE_MARGINS[2], 0],
    }),
    content,
  };
}

/** Days overdue and risk get a column only when some row of the table has them (debtors, usually). */
function withOptionalColumns(base: AgeingTableColumns, rows: readonly AgeingReportRow[], text: AgeingReportText): AgeingTableColumns {
  const hasDays = rows.some((row) => row.maxDaysOverdue !== undefined);
  const hasRisk = rows.some((row) => row.riskScore !== undefined);
  return {
    ...base,
    ...(hasDays ? { daysOverdue: text.columns.daysOverdue } : {}),
    ...(hasRisk ? { risk: text.columns.risk } : {}),
  };
}

function kpiStrip(kpis: AgeingReportData['kpis']): Content {
  return {
    table: {
      widths: kpis.map(() => '*' as const),
      body: [
        kpis.map((kpi) => ({
          stack: [
            { text: pdfSafeText(kpi.label), style: 'kpiLabel' },
            { text: pdfSafeText(kpi.value), style: 'kpiValue' },
          ],
        })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (line) => (line === 0 || line === kpis.length ? 0 : 4),
      vLineColor: () => '#ffffff',
      fillColor: () => KPI_FILL,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 4],
  };
}
