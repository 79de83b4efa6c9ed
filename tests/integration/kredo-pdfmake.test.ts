import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { ageingReportDocument } from '../../renderer/src/documents/ageing-report/ageing-report-document';
import type { AgeingReportData, AgeingReportRow } from '../../renderer/src/documents/ageing-report/ageing-report-data';
import { pageLabelFromTemplate } from '../../renderer/src/documents/page-label';
import { loadPdfMake, type PdfMake } from '../../renderer/src/documents/load-pdfmake';
import { formatMoney } from '../../shared/format/format-money';
import { formatNumber } from '../../shared/format/format-number';
import { money } from '../../shared/money/money';

const BUILD_TIMEOUT_MS = 300_000; // a ceiling for slow CI machines, not a performance assertion

/**
 * pdfmake as it comes, evaluated afresh beside Kredo's (its own classes, none of Kredo's changes to them:
 * fonts parsed once, words shaped once, stream lines joined), with the same fonts.
 */
function plainPdfMake(): PdfMake {
  const require = createRequire(import.meta.url);
  const path = require.resolve('pdfmake/build/pdfmake.js');
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    const pdfMake = require(path) as PdfMake;
    pdfMake.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js') as Parameters<PdfMake['addVirtualFileSystem']>[0]);
    pdfMake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

/** A letter-like document: lines in the regular and bold cuts, a coloured table with rules, dated so that its bytes depend on its content alone. */
function document(lines: readonly string[], rows: readonly (readonly string[])[]): TDocumentDefinitions {
  return {
    info: { title: lines[0], creator: 'Kredo', producer: 'Kredo', creationDate: new Date(Date.UTC(2026, 11, 7)) },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, fontSize: 7, color: '#57606a' }),
    content: [
      ...lines.map((text, index) => ({ text, bold: index % 2 === 1 })),
      { table: { headerRows: 1, widths: ['*', 'auto'], body: [['Invoice', 'Open'], ...rows.map((row) => [...row])] }, layout: 'lightHorizontalLines', color: '#1f2328' },
    ],
  };
}

async function pdfBytes(pdfMake: PdfMake, definition: TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

const WORDS = ['Betalningspåminnelse', 'Förfallet', 'belopp:', '12\u00a0500,00\u00a0kr', '€\u00a01.234,56', '\u2212450,00', 'Åsa', 'Öberg', 'first', 'office', 'AVANT', 'Total', '(8\u00a0%)', '£14,845.00', '&', 'K-10023', 'Wm.', 'naïve'];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const definition = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(line, line), { maxLength: 40 })).map(([lines, rows]) => document(lines, rows));

/** An ageing report of `count` debtors in the locale's amounts: every amount a word of its own, as at tier L. */
function ageingReport(count: number, locale: string, currency: string) {
  const labels = ['Not due', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days'];
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const debtors: AgeingReportRow[] = Array.from({ length: count }, (_, i) => {
    const buckets = labels.map((_, bucket) => ((i * 7_919 + bucket * 104_729) % 9_000_000) - (i % 11 === 0 && bucket === 0 ? 4_000_000 : 0));
    return { label: `Debtor ${i} B.V.`, detail: `K-${10_000 + i} · NL`, openMinor: sum(buckets), overdueMinor: sum(buckets.slice(1)), bucketsMinor: buckets, maxDaysOverdue: i % 120, riskScore: (i * 37) % 101 };
  });
  const totals: AgeingReportRow = { label: 'Total', openMinor: sum(debtors.map((row) => row.openMinor)), overdueMinor: sum(debtors.map((row) => row.overdueMinor)), bucketsMinor: labels.map((_, bucket) => sum(debtors.map((row) => row.bucketsMinor[bucket] ?? 0))) };
  const data: AgeingReportData = { asOf: '2026-11-24' as AgeingReportData['asOf'], generatedAt: '2026-11-24T09:00:00.000Z', currency, bucketLabels: labels, totals, kpis: [{ label: 'DSO', value: '43.5' }], byCountry: [{ ...totals, label: 'Nederland' }], byCurrency: [{ ...totals, label: currency }], debtors };
  const text = { title: 'Ageing report', subtitle: 'As of 24 Nov 2026', generated: 'Generated 24 Nov 2026, 09:00', summaryHeading: 'Portfolio', countryHeading: 'By country', currencyHeading: 'By currency', debtorHeading: 'Debtors', columns: { name: 'Debtor', open: 'Open', overdue: 'Overdue', daysOverdue: 'Days overdue', risk: 'Risk' }, totalLabel: 'Total', page: pageLabelFromTemplate('Page {{page}} of {{pages}}') };
  return ageingReportDocument(data, text, { money: (minor) => formatMoney(money(minor, currency), locale), number: (value) => formatNumber(value, locale) });
}

describe("Kredo's pdfmake prints what pdfmake prints (issue 14: fonts parsed once, words shaped once, lines joined)", () => {
  let kredo: PdfMake;
  let plain: PdfMake;
  beforeAll(async () => {
    kredo = await loadPdfMake();
    plain = plainPdfMake();
  }, BUILD_TIMEOUT_MS);

  it('compares with a pdfmake of its own', async () => {
    const kredoDocument = Object.getPrototypeOf(await kredo.createPdf({ content: [] }).getStream()) as object;
    const plainDocument = Object.getPrototypeOf(await plain.createPdf({ content: [] }).getStream()) as object;
    expect(plainDocument).not.toBe(kredoDocument);
  }, BUILD_TIMEOUT_MS);

  it('prints the same bytes for every document, one after another, whatever came before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(definition, { minLength: 1, maxLength: 3 }), async (documents) => {
        for (const each of documents) expect(await pdfBytes(kredo, each)).toEqual(await pdfBytes(plain, each));
      }),
      { numRuns: 15 },
    );
  }, BUILD_TIMEOUT_MS);

  it('prints the ageing report byte for byte as pdfmake does, its amounts laid out without shaping, in English, Dutch and Swedish', async () => {
    for (const [locale, currency] of [['en-GB', 'GBP'], ['nl-NL', 'EUR'], ['sv-SE', 'SEK']] as const) {
      const report = ageingReport(120, locale, currency);
      expect(await pdfBytes(kredo, report)).toEqual(await pdfBytes(plain, report));
    }
  }, BUILD_TIMEOUT_MS);
});
