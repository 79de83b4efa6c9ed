import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import { portfolioAsOf } from '../../../../shared/domain/dashboard/portfolio-as-of';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { AgeingReportData, AgeingReportRow } from '../../documents/ageing-report/ageing-report-data';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { loadSummaryContext } from '../store/summary-context';

/**
 * How many debtors the printed report lists one by one, largest open amount first; the rest share one
 * "other debtors" line so every total still adds up. A tier-L portfolio listed in full is some 870 pages
 * and takes pdfmake most of a minute: nobody prints that, and the Excel export has every debtor.
 */
export const REPORT_DEBTOR_LINES = 500;

export interface AgeingReportLabels {
  readonly bucketLabels: readonly string[];
  readonly kpis: AgeingReportData['kpis'];
  readonly countryName: (code: string) => string;
  /** "{{count}} other debtors", already pluralised by the caller for any count (the count is filled here). */
  readonly otherDebtors: (count: number) => string;
}

const overdueOf = (buckets: readonly number[], firstIsNotDue: boolean) => buckets.reduce((sum, amount, index) => sum + (index === 0 && firstIsNotDue ? 0 : amount), 0);
const sumOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

/** Reads what the PDF ageing report prints, as of `today`, from one consistent read of the store. */
export async function loadAgeingReport(db: KredoDb, request: { readonly today: IsoDate; readonly generatedAt: string }, labels: AgeingReportLabels): Promise<AgeingReportData | undefined> {
  const read = await db.transaction('r', [db.portfolio, db.policies, db.exchangeRates, db.limitChunks, db.ledgerNumbers, db.summaryChunks, db.debtorChunks], async () => {
    const [portfolio, context] = await Promise.all([db.portfolio.get('current'), loadSummaryContext(db, request.today)]);
    if (!portfolio || !context) return undefined;
    // The ledgers first, aged and let go before the summaries and debtors are read: their 60 MB of
    // columns at tier L made the garbage collector walk the 20,000 summaries and debtors again and again
    // when all were read at once (a quarter of the report's time, profiled for issue 14).
    const current = portfolioAsOf(await db.ledgerNumbers.toArray(), { asOf: portfolio.asOf, config: context.ageing, rates: context.rates, currency: portfolio.currency });
    const [summaryChunks, debtorChunks] = await Promise.all([db.summaryChunks.toArray(), db.debtorChunks.toArray()]);
    return { portfolio, context, current, summaryChunks, debtorChunks };
  });
  if (!read) return undefined;
  const { portfolio, context, current, summaryChunks, debtorChunks } = read;
  const firstIsNotDue = ageingBuckets(context.ageing)[0]?.isNotDue ?? false;

  const debtors = new Map<string, StoredDebtor>(debtorChunks.flatMap((chunk) => chunk.debtors.map((debtor) => [debtor.id, debtor] as const)));
  const open = summaryChunks.flatMap((chunk) => chunk.summaries).filter((summary) => summary.openItemCount > 0).sort((a, b) => b.openMinor - a.openMinor);
  const debtorRow = (summary: DebtorSummary): AgeingReportRow => {
    const debtor = debtors.get(summary.debtorId);
    return {
      label: debtor?.name ?? summary.debtorId,
      detail: `${debtor?.customerCode ?? ''} · ${labels.countryName(summary.country)}`,
      openMinor: summary.openMinor,
      overdueMinor: summary.overdueMinor,
      bucketsMinor: summary.bucketsMinor,
      maxDaysOverdue: summary.overdueMinor > 0 ? summary.maxDaysOverdue : 0,
      riskScore: scoreDebtorRisk(summary, debtor?.grade).score,
    };
  };
  const listed = open.slice(0, REPORT_DEBTOR_LINES).map(debtorRow);
  const rest = open.slice(REPORT_DEBTOR_LINES);
  if (rest.length > 0) {
    const buckets = portfolio.bucketsMinor.map((_, index) => sumOf(rest.map((summary) => summary.bucketsMinor[index] ?? 0)));
    listed.push({ label: labels.otherDebtors(rest.length), openMinor: sumOf(rest.map((summary) => summary.openMinor)), overdueMinor: sumOf(rest.map((summary) => summary.overdueMinor)), bucketsMinor: buckets });
  }

  return {
    asOf: portfolio.asOf,
    generatedAt: request.generatedAt,
    currency: portfolio.currency,
    bucketLabels: labels.bucketLabels,
    totals: { label: '', openMinor: portfolio.openMinor, overdueMinor: portfolio.overdueMinor, bucketsMinor: portfolio.bucketsMinor },
    kpis: labels.kpis,
    byCountry: portfolio.byCountry.map((segment) => ({ label: labels.countryName(segment.key), detail: String(segment.debtorCount), openMinor: segment.openMinor, overdueMinor: segment.overdueMinor, bucketsMinor: segment.bucketsMinor })),
    byCurrency: current.byCurrency.flatMap((entry) =>
      entry.bucketsMinor ? [{ label: entry.currency, openMinor: sumOf(entry.bucketsMinor), overdueMinor: overdueOf(entry.bucketsMinor, firstIsNotDue), bucketsMinor: entry.bucketsMinor }] : [],
    ),
    debtors: listed,
    unconverted: current.byCurrency.filter((entry) => !entry.bucketsMinor).map((entry) => ({ amountMinor: sumOf(entry.nativeBucketsMinor), currency: entry.currency })),
  };
}
