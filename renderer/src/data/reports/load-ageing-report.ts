import { ageingBuckets, DEFAULT_AGEING } from '../../../../shared/domain/ageing/ageing-config';
import { portfolioAsOf } from '../../../../shared/domain/dashboard/portfolio-as-of';
import { scoreDebtorRisk } from '../../../../shared/domain/risk/risk-score';
import { CurrencyAgeingSums, currencyOfSummary, type CurrencyAgeingRow } from '../../../../shared/domain/summaries/currency-ageing';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { AgeingReportData, AgeingReportRow } from '../../documents/ageing-report/ageing-report-data';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor, SummaryChunk } from '../db/schema';

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

/**
 * The ageing per invoice currency from the summaries, and from the ledger only for the chunks whose summaries
 * cannot tell (a debtor owing in several currencies, summaries of another day): the report read every ledger
 * for these rows, 60 MB of columns at tier L — most of its time (issue 14).
 */
async function currencyRows(db: KredoDb, summaryChunks: readonly SummaryChunk[], portfolio: { readonly asOf: IsoDate; readonly currency: string }, rates: ExchangeRateTable): Promise<CurrencyAgeingRow[]> {
  const sums = new CurrencyAgeingSums({ asOf: portfolio.asOf, currency: portfolio.currency, rates, bucketCount: ageingBuckets(DEFAULT_AGEING).length });
  // The ledgers are what is aged: a chunk without summaries is read, summaries without a ledger add nothing.
  const ledgerIds = new Set(await db.ledgerNumbers.toCollection().primaryKeys());
  const summarised = new Set(summaryChunks.map((chunk) => chunk.chunkId));
  const fromLedger = [...ledgerIds].filter((chunkId) => !summarised.has(chunkId));
  for (const chunk of summaryChunks) {
    if (!ledgerIds.has(chunk.chunkId)) continue;
    const codes = chunk.asOf === portfolio.asOf ? chunk.summaries.map((summary) => (summary.currency === portfolio.currency ? currencyOfSummary(summary) : undefined)) : [undefined];
    // portfolioAsOf converts a debtor's sums once per chunk even if it had two slots: such a chunk is read too.
    if (codes.includes(undefined) || new Set(chunk.summaries.map((summary) => summary.debtorId)).size !== chunk.summaries.length) fromLedger.push(chunk.chunkId);
    else chunk.summaries.forEach((summary, index) => codes[index] && sums.addSummary(summary, codes[index]));
  }
  if (fromLedger.length > 0) {
    const ledgers = (await db.ledgerNumbers.bulkGet(fromLedger)).filter((chunk) => chunk !== undefined);
    sums.addRows(portfolioAsOf(ledgers, { asOf: portfolio.asOf, config: DEFAULT_AGEING, rates, currency: portfolio.currency }).byCurrency);
  }
  return sums.rows();
}

/** What the report prints of a debtor: its name and customer number, and its grade for the risk score. */
type ReportDebtor = Pick<StoredDebtor, 'name' | 'customerCode' | 'grade'>;

/**
 * Each debtor's name, customer number and grade, by id: from each debtor chunk's worklist debtors kept beside
 * it (migration 0024), or from the chunk read whole where they are missing (a chunk written before 0024, or
 * one whose worklist debtors could not be worked out). At tier L the debtors read whole — addresses,
 * contacts, aliases — are some 14 MB against 2 MB for these (issue 14: the PDF ageing report ≤ 2 s). Chunks
 * in key order, as reading them all did, so a debtor id in two chunks reads as the later one.
 */
async function readReportDebtors(db: KredoDb): Promise<ReadonlyMap<string, ReportDebtor>> {
  const [chunkIds, kept] = await Promise.all([db.debtorChunks.toCollection().primaryKeys(), db.worklistDebtorChunks.toArray()]);
  const keptById = new Map(kept.map((chunk) => [chunk.chunkId, chunk]));
  const missing = chunkIds.filter((chunkId) => !keptById.has(chunkId));
  const whole = new Map((missing.length > 0 ? await db.debtorChunks.bulkGet(missing) : []).flatMap((chunk) => (chunk ? [[chunk.chunkId, chunk] as const] : [])));
  const debtors = new Map<string, ReportDebtor>();
  for (const chunkId of chunkIds) {
    const facts = keptById.get(chunkId);
    if (facts) facts.ids.forEach((id, index) => debtors.set(id, { name: facts.names[index]!, customerCode: facts.customerCodes[index]!, grade: facts.grades[index] }));
    else for (const debtor of whole.get(chunkId)?.debtors ?? []) debtors.set(debtor.id, debtor);
  }
  return debtors;
}

/** Reads what the PDF ageing report prints, as of `today`, from one consistent read of the store. */
export async function loadAgeingReport(db: KredoDb, request: { readonly today: IsoDate; readonly generatedAt: string }, labels: AgeingReportLabels): Promise<AgeingReportData | undefined> {
  const read = await db.transaction('r', [db.portfolio, db.policies, db.exchangeRates, db.ledgerNumbers, db.summaryChunks, db.debtorChunks, db.worklistDebtorChunks], async () => {
    // The summaries are of the policy's ageing (summaryContext's default): the report's buckets are theirs.
    const [portfolio, policy, rateRows, summaryChunks, debtors] = await Promise.all([db.portfolio.get('current'), db.policies.toCollection().first(), db.exchangeRates.toArray(), db.summaryChunks.toArray(), readReportDebtors(db)]);
    if (!portfolio || !policy) return undefined;
    const rates = new ExchangeRateTable(rateRows);
    return { portfolio, summaryChunks, debtors, byCurrency: await currencyRows(db, summaryChunks, portfolio, rates) };
  });
  if (!read) return undefined;
  const { portfolio, summaryChunks, debtors, byCurrency } = read;
  const firstIsNotDue = ageingBuckets(DEFAULT_AGEING)[0]?.isNotDue ?? false;

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
    byCurrency: byCurrency.flatMap((entry) =>
      entry.bucketsMinor ? [{ label: entry.currency, openMinor: sumOf(entry.bucketsMinor), overdueMinor: overdueOf(entry.bucketsMinor, firstIsNotDue), bucketsMinor: entry.bucketsMinor }] : [],
    ),
    debtors: listed,
    unconverted: byCurrency.filter((entry) => !entry.bucketsMinor).map((entry) => ({ amountMinor: entry.nativeOpenMinor, currency: entry.currency })),
  };
}
