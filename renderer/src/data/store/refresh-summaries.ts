import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk } from '../../../../shared/domain/summaries/summarise-chunk';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadSummaryContext } from './summary-context';

/**
 * Recomputes every debtor's summary and the portfolio's for a new day (buckets move as invoices age,
 * limits lapse and reductions take effect). Reads only the ledgers' number columns. Returns undefined
 * when there is no portfolio yet.
 */
export async function refreshSummaries(db: KredoDb, asOf: IsoDate): Promise<PortfolioSummary | undefined> {
  const context = await loadSummaryContext(db, asOf);
  if (!context) return undefined;
  const chunks = await db.ledgerNumbers.toArray();
  const all: DebtorSummary[] = [];
  const summaryChunks = chunks.map((numbers) => {
    const summaries = summariseChunk(numbers, context);
    all.push(...summaries);
    return { chunkId: numbers.chunkId, asOf, summaries };
  });
  const portfolio = summarisePortfolio(all, { asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length });
  await db.transaction('rw', db.summaryChunks, db.portfolio, async () => {
    await db.summaryChunks.bulkPut(summaryChunks);
    await db.portfolio.put({ id: 'current', ...portfolio });
  });
  return portfolio;
}
