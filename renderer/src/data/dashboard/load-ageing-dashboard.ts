import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import { ageingTrend } from '../../../../shared/domain/dashboard/ageing-trend';
import { exposureConcentration } from '../../../../shared/domain/dashboard/concentration';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadSummaryContext } from '../store/summary-context';
import type { AgeingDashboardData } from './ageing-dashboard-data';

/**
 * Builds the ageing dashboard from the store: the as-of ageing of today and of the last twelve month-ends
 * over every ledger chunk (number columns only), and the largest exposures from the debtor summaries.
 * Everything is read in one read transaction, so an import committing meanwhile is seen whole or not at
 * all. Returns undefined when there is no portfolio yet.
 */
export async function loadAgeingDashboard(db: KredoDb, today: IsoDate, onProgress?: (done: number, total: number) => void): Promise<AgeingDashboardData | undefined> {
  const read = await db.transaction('r', [db.policies, db.exchangeRates, db.limitChunks, db.ledgerNumbers, db.summaryChunks, db.debtorChunks], async () => {
    const context = await loadSummaryContext(db, today);
    if (!context) return undefined;
    const [chunks, summaryChunks] = await Promise.all([db.ledgerNumbers.toArray(), db.summaryChunks.toArray()]);
    const summaries = summaryChunks.flatMap((chunk) => chunk.summaries.map((summary) => ({ chunkId: chunk.chunkId, summary })));
    const concentration = exposureConcentration(summaries.map(({ summary }) => summary));
    // Only the chunks holding the largest debtors are read for their names.
    const chunkOf = new Map(summaries.map(({ chunkId, summary }) => [summary.debtorId, chunkId]));
    const debtorChunks = await db.debtorChunks.bulkGet([...new Set(concentration.top.map((entry) => chunkOf.get(entry.debtorId)!))]);
    const debtors = new Map(debtorChunks.flatMap((chunk) => chunk?.debtors ?? []).map((debtor) => [debtor.id, debtor]));
    return { context, chunks, concentration, debtors };
  });
  if (!read) return undefined;

  const { context, chunks, concentration, debtors } = read;
  const trend = ageingTrend(chunks, { today, config: context.ageing, rates: context.rates, currency: context.policy.currency, ...(onProgress && { onProgress }) });
  return {
    asOf: today,
    currency: context.policy.currency,
    ageing: context.ageing,
    buckets: ageingBuckets(context.ageing),
    current: trend.today,
    trend: trend.points,
    historyStart: trend.historyStart,
    concentration: {
      ...concentration,
      top: concentration.top.map((entry) => {
        const debtor = debtors.get(entry.debtorId);
        return { ...entry, name: debtor?.name ?? entry.debtorId, country: debtor?.country ?? '' };
      }),
    },
  };
}
