import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { portfolioAfterLimitChanges } from '../../../../shared/domain/summaries/portfolio-after-limits';
import { summarisePortfolio } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk, type SummaryContext } from '../../../../shared/domain/summaries/summarise-chunk';
import type { KredoDb } from '../db/kredo-db';

/**
 * Fresh summaries for the chunks whose limits changed, and the portfolio with them. When nothing but limits
 * changed for those debtors (their old summaries are of the same day and terms), the portfolio's limit
 * figures move by the difference (portfolioAfterLimitChanges) instead of all 20,000 summaries being read and
 * added up again (issue 14); otherwise everything is added up, as before. Must run inside a transaction over
 * ledgerNumbers, summaryChunks and portfolio.
 */
export async function refreshSummariesOf(db: KredoDb, chunkIds: readonly number[], context: SummaryContext): Promise<void> {
  const [numbers, stored, portfolio] = await Promise.all([db.ledgerNumbers.bulkGet([...chunkIds]), db.summaryChunks.bulkGet([...chunkIds]), db.portfolio.get('current')]);
  const before: DebtorSummary[] = [];
  const after: DebtorSummary[] = [];
  const fresh = numbers.flatMap((chunk, index) => {
    if (!chunk) return [];
    const summaries = summariseChunk(chunk, context);
    before.push(...(stored[index]?.summaries ?? []));
    after.push(...summaries);
    return [{ chunkId: chunk.chunkId, asOf: context.asOf, summaries }];
  });
  await db.summaryChunks.bulkPut(fresh);
  const totals = { asOf: context.asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length };
  const moved = portfolio && portfolioAfterLimitChanges(portfolio, before, after, totals);
  if (moved) {
    await db.portfolio.put({ ...moved, id: 'current' });
    return;
  }
  const all: DebtorSummary[] = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
  await db.portfolio.put({ id: 'current', ...summarisePortfolio(all, totals) });
}
