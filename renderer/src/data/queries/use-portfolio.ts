import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredPortfolioSummary } from '../db/schema';
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
