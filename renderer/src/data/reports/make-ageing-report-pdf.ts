import { formatMoney } from '../../../../shared/format/format-money';
import { countryNamer } from '../../../../shared/format/country-name';
import { formatNumber } from '../../../../shared/format/format-number';
import { money } from '../../../../shared/money/money';
import { buildAgeingReportPdf } from '../../documents/ageing-report/build-ageing-report-pdf';
import { loadPdfMake } from '../../documents/load-pdfmake';
import { pageLabelFromTemplate } from '../../documents/page-label';
import type { KredoDb } from '../db/kredo-db';
import type { AgeingReportRequest } from './ageing-report-request';
import { loadAgeingReport } from './load-ageing-report';

/** Reads the report's figures and lays them out as a PDF, in the data worker (pdfmake takes seconds). */
export async function makeAgeingReportPdf(db: KredoDb, request: AgeingReportRequest): Promise<Uint8Array | undefined> {
  // pdfmake and its fonts (some 3 MB, loaded on first use) load while the store is read: the read mostly waits
  // for IndexedDB, so the two overlap instead of following each other (issue 14: the report ≤ 2 s). A failed
  // load is left to buildAgeingReportPdf, which loads again and reports it.
  loadPdfMake().catch(() => undefined);
  const countryName = countryNamer(request.formatLocale, request.text.unknownCountry);
  const count = new Intl.NumberFormat(request.formatLocale);
  const plural = new Intl.PluralRules(request.formatLocale);
  const data = await loadAgeingReport(db, request, {
    bucketLabels: request.bucketLabels,
    kpis: request.kpis,
    countryName,
    otherDebtors: (others) => request.text.otherDebtorsTemplates[plural.select(others) === 'one' ? 'one' : 'other'].replace('{{count}}', count.format(others)),
  });
  if (!data) return undefined;
  const { pageTemplate, otherDebtorsTemplates: _templates, notConvertedTemplate, unknownCountry: _unknown, ...text } = request.text;
  // Amounts without a rate are named under the title, in their own currencies, never dropped (issue 13).
  const unconverted = data.unconverted ?? [];
  const notConverted = unconverted.length > 0 && notConvertedTemplate ? notConvertedTemplate.replace('{{amounts}}', unconverted.map((amount) => formatMoney(money(amount.amountMinor, amount.currency), request.formatLocale)).join(' + ')) : undefined;
  return buildAgeingReportPdf(data, { ...text, page: pageLabelFromTemplate(pageTemplate), ...(notConverted && { notConverted }) }, {
    money: (minor) => formatMoney(money(minor, data.currency), request.formatLocale),
    number: (value) => formatNumber(value, request.formatLocale),
  });
}
