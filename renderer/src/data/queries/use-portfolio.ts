import { useLiveQuery } from 'dexie-react-hooks';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { StoredDebtor, StoredPortfolioSummary } from '../db/schema';
import { uiDb } from './ui-db';

export type PortfolioStatus = 'loading' | 'empty' | 'ready';

/** Whether the store holds a portfolio; drives the choice between the welcome screen and the app. */
export function usePortfolioStatus(): PortfolioStatus {
  const count = useLiveQuery(() => uiDb.portfolio.count(), []);
  if (count === undefined) return 'loading';
  return count === 0 ? 'empty' : 'ready';
}

/** The portfolio's totals and KPIs, kept current by every write (a single small record). */
export function usePortfolioSummary(): StoredPortfolioSummary | null | undefined {
  return useLiveQuery(async () => (await uiDb.portfolio.get('current')) ?? null, []);
}

export interface DebtorRow {
  readonly debtor: StoredDebtor;
  readonly summary: DebtorSummary;
}

/** The debtors with the largest exposure, with their summaries. */
export function useLargestExposures(limit: number): readonly DebtorRow[] | undefined {
  return useLiveQuery(async () => {
    const summaries = (await uiDb.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries.map((summary) => ({ chunkId: chunk.chunkId, summary })));
    const largest = [...summaries].sort((a, b) => b.summary.exposureMinor - a.summary.exposureMinor).slice(0, limit);
    const chunks = await uiDb.debtorChunks.bulkGet([...new Set(largest.map((row) => row.chunkId))]);
    const debtors = new Map(chunks.flatMap((chunk) => chunk?.debtors ?? []).map((debtor) => [debtor.id, debtor]));
    return largest.flatMap(({ summary }) => {
      const debtor = debtors.get(summary.debtorId);
      return debtor ? [{ debtor, summary }] : [];
    });
  }, [limit]);
}
