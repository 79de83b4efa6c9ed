import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { portfolioAfterLimitChanges } from '../../../../shared/domain/summaries/portfolio-after-limits';
import { summarisePortfolio } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk, type SummaryContext } from '../../../../shared/domain/summaries/summarise-chunk';
import { summaryWithLimits } from '../../../../shared/domain/summaries/summary-with-limits';
import type { KredoDb } from '../db/kredo-db';
import type { SummaryChunk } from '../db/schema';
import { writeSummaryChanges, type DeltaOptions, type SummaryChunkChange } from './write-chunk-changes';

/**
 * Fresh summaries for debtors whose limits changed (by chunk), and the portfolio with them, costing what
 * changed (issue 14). A chunk whose summaries are of the same day and currency keeps its ledger figures and
 * has only those debtors' limit figures computed again (summaryWithLimits); any other is summarised whole
 * from its ledger. The portfolio's limit figures then move by the difference between those debtors' old and
 * new summaries (portfolioAfterLimitChanges); when that cannot be told, every summary is added up again.
 * A same-day chunk's changed summaries go into its delta (write-chunk-changes.ts) rather than the chunk whole.
 * Must run inside a transaction over ledgerNumbers, summaryChunks, summaryDeltas and portfolio.
 */
export async function refreshSummariesOf(db: KredoDb, changed: ReadonlyMap<number, ReadonlySet<string>>, context: SummaryContext, options: DeltaOptions = {}): Promise<void> {
  const chunkIds = [...changed.keys()].sort((a, b) => a - b);
  const [stored, portfolio] = await Promise.all([db.summaryChunks.bulkGet(chunkIds), db.portfolio.get('current')]);
  const sameDay = (chunk: SummaryChunk | undefined): boolean => chunk !== undefined && chunk.asOf === context.asOf && chunk.summaries.every((summary) => summary.currency === context.policy.currency);
  const stale = chunkIds.filter((_, index) => !sameDay(stored[index]));
  const numbers = new Map((await db.ledgerNumbers.bulkGet(stale)).flatMap((chunk) => (chunk ? [[chunk.chunkId, chunk] as const] : [])));
  const before: DebtorSummary[] = [];
  const after: DebtorSummary[] = [];
  const sameDayChanges: SummaryChunkChange[] = [];
  const fresh = chunkIds.flatMap((chunkId, index) => {
    const old = stored[index];
    if (old && sameDay(old)) {
      const debtors = changed.get(chunkId)!;
      const changedSummaries: DebtorSummary[] = [];
      const summaries = old.summaries.map((summary) => {
        if (!debtors.has(summary.debtorId)) return summary;
        const next = summaryWithLimits(summary, context.limitsOf(summary.debtorId), context.policy);
        before.push(summary);
        after.push(next);
        changedSummaries.push(next);
        return next;
      });
      sameDayChanges.push({ chunk: old, summaries, changed: changedSummaries });
      return [];
    }
    const ledger = numbers.get(chunkId);
    if (!ledger) return [];
    const summaries = summariseChunk(ledger, context);
    before.push(...(old?.summaries ?? []));
    after.push(...summaries);
    return [{ chunkId, asOf: context.asOf, summaries }];
  });
  await Promise.all([db.summaryChunks.bulkPut(fresh), writeSummaryChanges(db, sameDayChanges, options)]);
  const totals = { asOf: context.asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length };
  const moved = portfolio && portfolioAfterLimitChanges(portfolio, before, after, totals);
  if (moved) {
    await db.portfolio.put({ ...moved, id: 'current' });
    return;
  }
  const all: DebtorSummary[] = (await db.summaryChunks.toArray()).flatMap((chunk) => chunk.summaries);
  await db.portfolio.put({ id: 'current', ...summarisePortfolio(all, totals) });
}
