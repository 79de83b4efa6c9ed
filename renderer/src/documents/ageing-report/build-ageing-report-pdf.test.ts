import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../shared/format/format-money';
import { formatNumber, formatPercent } from '../../../../shared/format/format-number';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { AgeingReportData, AgeingReportRow, AgeingReportText, ReportFormat } from './ageing-report-data';
import { buildAgeingReportPdf } from './build-ageing-report-pdf';
import { pageLabelFromTemplate } from '../page-label';

/** What a reader sees on a page: its text in reading order, and where each piece of text sits. */
interface PrintedPage {
  readonly text: string;
  readonly pieces: readonly { readonly str: string; readonly x: number; readonly width: number; readonly font: string }[];
}

const A4_LANDSCAPE_WIDTH = 841.89;
const SIDE_MARGIN = 36;
const BUILD_TIMEOUT_MS = 120_000; // a generous ceiling for slow CI machines, not a performance assertion

/** Whitespace as a reader sees it: Intl's no-break spaces print as spaces. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function readPdf(bytes: Uint8Array): Promise<PrintedPage[]> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: PrintedPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const pieces = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: Number(item.transform[4]), width: item.width, font: item.fontName }] : []));
      pages.push({ text: spaced(pieces.map((piece) => piece.str).join(' ')), pieces });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The start of a page's text, as long as `expected`: what a reader sees first at the top of the page. */
const opening = (page: PrintedPage | undefined, expected: string): string | undefined => page?.text.slice(0, expected.length);

/** The font a text is printed in on a page (pdf.js names each embedded font, e.g. regular and bold). */
const fontOf = (page: PrintedPage | undefined, text: string): string | undefined => page?.pieces.find((piece) => piece.str === text)?.font;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function totalOf(label: string, rows: readonly AgeingReportRow[], bucketCount: number): AgeingReportRow {
  return {
    label,
    openMinor: sum(rows.map((row) => row.openMinor)),
    overdueMinor: sum(rows.map((row) => row.overdueMinor)),
    bucketsMinor: Array.from({ length: bucketCount }, (_, bucket) => sum(rows.map((row) => row.bucketsMinor[bucket] ?? 0))),
  };
}

const SWEDISH_NAMES = ['Åkerlunds Färg AB', 'Östgöta Plåt & Bygg AB', 'Sjöbergs Trädgård AB', 'Göteborgs Hamnlogistik AB', 'Älvdalens Snickeri AB', 'Nordström & Söner AB', 'Brännö Fisk AB', 'Kärnhuset Livs AB'];
const COUNTRIES = ['Sverige', 'Nederländerna', 'Storbritannien'];
const CURRENCIES = ['SEK Svensk krona', 'EUR Euro', 'GBP Brittiskt pund'];

/**
 * A Swedish portfolio of `debtorCount` debtors with deterministic amounts (minor units, öre); `scale`
 * multiplies them, to try very large portfolios. Debtor 7 is in credit on its current bucket.
 */
function swedishReport(debtorCount: number, bucketLabels: readonly string[], scale = 1): AgeingReportData {
  const debtors: AgeingReportRow[] = Array.from({ length: debtorCount }, (_, i) => {
    const buckets = bucketLabels.map((_, bucket) => ((i * 7_919 + bucket * 104_729) % 5_000_000) * scale);
    if (i === 7) buckets[0] = -125_050;
    const name = SWEDISH_NAMES[i % SWEDISH_NAMES.length] ?? '';
    return {
      label: i < SWEDISH_NAMES.length ? name : `${name} ${Math.floor(i / SWEDISH_NAMES.length) + 1}`,
      detail: `K-${10_000 + i} · ${COUNTRIES[i % COUNTRIES.length] ?? ''}`,
      openMinor: sum(buckets),
      overdueMinor: sum(buckets.slice(1)),
      bucketsMinor: buckets,
      maxDaysOverdue: i % 120,
      riskScore: (i * 37) % 101,
    };
  }).sort((a, b) => b.openMinor - a.openMinor);
  const group = (labels: readonly string[]) =>
    labels.map((label, k) => totalOf(label, debtors.filter((_, i) => i % labels.length === k), bucketLabels.length));
  const totals = totalOf('Portfölj', debtors, bucketLabels.length);
  return {
    asOf: '2026-11-24' as IsoDate,
    generatedAt: '2026-11-24T09:15:00.000Z',
    currency: 'SEK',
    bucketLabels,
    totals,
    kpis: [
      { label: 'DSO', value: '47 dagar' },
      { label: 'ADD', value: '12 dagar' },
      { label: 'CEI', value: formatPercent(0.875, 'sv-SE') },
      { label: 'Förfallet', value: swedish.money(totals.overdueMinor) },
    ],
    byCountry: group(COUNTRIES),
    byCurrency: group(CURRENCIES),
    debtors,
  };
}

const swedish: ReportFormat = {
  money: (minor) => formatMoney({ amountMinor: minor, currency: 'SEK' }, 'sv-SE'),
  number: (value) => formatNumber(value, 'sv-SE'),
};

const swedishText: AgeingReportText = {
  title: 'Åldersanalys',
  subtitle: 'Per 24 november 2026 · belopp i SEK',
  generated: 'Skapad 24 nov. 2026 10:15',
  summaryHeading: 'Sammanfattning',
  countryHeading: 'Per land',
  currencyHeading: 'Per valuta',
  debtorHeading: 'Kunder',
  columns: { name: 'Kund', open: 'Öppet', overdue: 'Förfallet', daysOverdue: 'Dagar sen', risk: 'Risk' },
  totalLabel: 'Totalt',
  page: (page, pages) => `Sida ${page} av ${pages}`,
};

const FIVE_BUCKETS = ['Ej förfallet', '1–30 dagar', '31–60 dagar', '61–90 dagar', 'Över 90 dagar'];

describe('the printable ageing report, in Swedish', () => {
  const report = swedishReport(300, FIVE_BUCKETS);
  let pages: PrintedPage[];

  beforeAll(async () => {
    const bytes = await buildAgeingReportPdf(report, swedishText, swedish);
    pages = await readPdf(bytes);
  }, BUILD_TIMEOUT_MS);

  it('opens with the title, the as-of subtitle, the generated line and the KPIs', () => {
    const first = pages[0]?.text ?? '';
    const opensWith = 'Åldersanalys Per 24 november 2026 · belopp i SEK Skapad 24 nov. 2026 10:15';
    expect(opening(pages[0], opensWith)).toBe(opensWith);
    expect(first).toContain('DSO 47 dagar');
    expect(first).toContain(`CEI ${spaced(formatPercent(0.875, 'sv-SE'))}`);
  });

  it('summarises the portfolio with every bucket of a five-bucket report, open and overdue, in Swedish amounts', () => {
    const total = report.totals;
    const amounts = [...total.bucketsMinor, total.openMinor, total.overdueMinor].map((minor) => spaced(swedish.money(minor)));
    expect(pages[0]?.text).toContain(`Sammanfattning ${FIVE_BUCKETS.join(' ')} Öppet Förfallet Totalt ${amounts.join(' ')}`);
    expect(spaced(swedish.money(total.openMinor))).toMatch(/^\d{1,3}( \d{3})+,\d\d kr$/);
  });

  it('breaks the portfolio down by country and by currency, each closed by a bold total', () => {
    const all = pages.map((page) => page.text).join(' ');
    const bold = fontOf(pages[0], 'Per land');
    expect(fontOf(pages[0], 'Totalt')).toBe(bold);
    expect(fontOf(pages[0], 'Sverige')).not.toBe(bold);
    const sweden = report.byCountry[0];
    expect(all).toContain(`Per land Kund ${FIVE_BUCKETS.join(' ')} Öppet Förfallet Sverige ${spaced(swedish.money(sweden?.bucketsMinor[0] ?? 0))}`);
    expect(all).toContain(`Per valuta Kund ${FIVE_BUCKETS.join(' ')} Öppet Förfallet SEK Svensk krona`);
  });

  it('lists the debtors with their Swedish names, and a credit balance with a real minus sign', () => {
    const all = pages.map((page) => page.text).join(' ');
    expect(all).toContain('Åkerlunds Färg AB K-10000 · Sverige');
    expect(all).toContain('Östgöta Plåt & Bygg AB');
    expect(all).toContain(`Kärnhuset Livs AB K-10007 · Nederländerna ${spaced(swedish.money(-125_050))}`);
    expect(spaced(swedish.money(-125_050))).toBe('−1 250,50 kr');
  });

  it('numbers every page "Sida n av N" with the as-of date beside it', () => {
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page.text).toContain(`Åldersanalys · Per 24 november 2026 · belopp i SEK Sida ${index + 1} av ${pages.length}`);
    });
  });

  it('repeats the debtor table header at the top of every page the table continues on', () => {
    const header = `Kunder Kund ${FIVE_BUCKETS.join(' ')} Öppet Förfallet Dagar sen Risk`;
    expect(opening(pages[1], header)).toBe(header);
    expect(opening(pages.at(-1), header)).toBe(header);
    expect(pages.at(-1)?.text).toContain(`Totalt ${spaced(swedish.money(report.totals.bucketsMinor[0] ?? 0))}`);
  });
});

describe('the printable ageing report with six buckets of very large amounts', () => {
  const sixBuckets = ['Ej förfallet', '1–30 dagar', '31–60 dagar', '61–90 dagar', '91–180 dagar', 'Över 180 dagar'];
  // Amounts far beyond any real portfolio (a trillion kronor a debtor, totals in the thousands of
  // trillions): at the usual type size these columns would run off the page.
  const report = swedishReport(40, sixBuckets, 20_000_000);
  let pages: PrintedPage[];

  beforeAll(async () => {
    pages = await readPdf(await buildAgeingReportPdf(report, swedishText, swedish));
  }, BUILD_TIMEOUT_MS);

  it('keeps every column inside the page margins', () => {
    expect(spaced(swedish.money(report.totals.openMinor))).toMatch(/^\d{1,3}( \d{3}){4},\d\d kr$/);
    const pieces = pages.flatMap((page) => page.pieces).filter((piece) => piece.str.trim() !== '');
    const leftmost = Math.min(...pieces.map((piece) => piece.x));
    const rightmost = Math.max(...pieces.map((piece) => piece.x + piece.width));
    expect(leftmost).toBeGreaterThanOrEqual(SIDE_MARGIN - 0.5);
    expect(rightmost).toBeLessThanOrEqual(A4_LANDSCAPE_WIDTH - SIDE_MARGIN + 0.5);
  });

  it('still shows every bucket, the open and overdue columns and the full totals', () => {
    const totals = [...report.totals.bucketsMinor, report.totals.openMinor, report.totals.overdueMinor].map((minor) => spaced(swedish.money(minor)));
    expect(pages[0]?.text).toContain(`${sixBuckets.join(' ')} Öppet Förfallet Totalt ${totals.join(' ')}`);
    expect(pages.at(-1)?.text).toContain(`Kunder Kund ${sixBuckets.join(' ')} Öppet Förfallet Dagar sen Risk`);
  });
});

describe('the printable ageing report, in English', () => {
  const buckets = ['Not due', '1–30 days', '31–60 days', 'Over 60 days'];
  const pounds: ReportFormat = {
    money: (minor) => formatMoney({ amountMinor: minor, currency: 'GBP' }, 'en-GB'),
    number: (value) => formatNumber(value, 'en-GB'),
  };
  const debtors: AgeingReportRow[] = [
    { label: 'Apex Tools Ltd', detail: 'C-1001 · United Kingdom', openMinor: 1_234_567, overdueMinor: 234_567, bucketsMinor: [1_000_000, 234_567, 0, 0], maxDaysOverdue: 14, riskScore: 35 },
    { label: 'Brighton Bakeries plc', openMinor: 50_000, overdueMinor: 50_000, bucketsMinor: [0, 0, 20_000, 30_000], maxDaysOverdue: 75 },
  ];
  const report: AgeingReportData = {
    asOf: '2026-11-24' as IsoDate,
    generatedAt: '2026-11-24T22:15:00.000Z',
    currency: 'GBP',
    bucketLabels: buckets,
    totals: totalOf('Portfolio', debtors, buckets.length),
    kpis: [{ label: 'DSO', value: '38 days' }],
    byCountry: [],
    byCurrency: [],
    debtors,
  };
  const text: AgeingReportText = {
    title: 'Ageing report',
    subtitle: 'As of 24 November 2026 · amounts in GBP',
    // As Intl writes an English time: a narrow no-break space before "PM", a glyph Roboto lacks.
    generated: 'Generated 24 Nov 2026, 10:15\u202FPM',
    summaryHeading: 'Summary',
    countryHeading: 'By country',
    currencyHeading: 'By currency',
    debtorHeading: 'Debtors',
    columns: { name: 'Debtor', open: 'Open', overdue: 'Overdue', daysOverdue: 'Days overdue', risk: 'Risk' },
    totalLabel: 'Total',
    page: pageLabelFromTemplate('Page {{page}} of {{pages}}'),
  };
  let pages: PrintedPage[];

  beforeAll(async () => {
    pages = await readPdf(await buildAgeingReportPdf(report, text, pounds));
  }, BUILD_TIMEOUT_MS);

  it('fits a small portfolio on one page, without the empty country and currency sections', () => {
    expect(pages).toHaveLength(1);
    const page = pages[0]?.text ?? '';
    const opensWith = 'Ageing report As of 24 November 2026 · amounts in GBP Generated 24 Nov 2026, 10:15 PM DSO 38 days';
    expect(opening(pages[0], opensWith)).toBe(opensWith);
    expect(page).not.toContain('By country');
    expect(page).not.toContain('By currency');
    expect(page).toContain('Ageing report · As of 24 November 2026 · amounts in GBP Page 1 of 1');
  });

  it('prints pounds the British way, leaves unknown risk empty and totals the debtors', () => {
    const page = pages[0]?.text ?? '';
    expect(page).toContain('Debtors Debtor Not due 1–30 days 31–60 days Over 60 days Open Overdue Days overdue Risk');
    expect(page).toContain('Apex Tools Ltd C-1001 · United Kingdom £10,000.00 £2,345.67 £0.00 £0.00 £12,345.67 £2,345.67 14 35');
    expect(page).toContain('Brighton Bakeries plc £0.00 £0.00 £200.00 £300.00 £500.00 £500.00 75 Total');
    expect(page).toContain('Total £10,000.00 £2,345.67 £200.00 £300.00 £12,845.67 £2,845.67 Ageing report ·');
  });
});
