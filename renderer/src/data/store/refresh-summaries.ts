import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk } from '../../../../shared/domain/summaries/summarise-chunk';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { loadSummaryContext } from './summary-context';

/**
 * How many ledger chunks are read at a time: while one batch is summarised here, the browser's storage
 * process already reads the next, and writes the summaries of the last (issue 14: the daily refresh of
 * tier L in ≤ 1 s, where reading everything, then summarising, then writing took 1.9 s). 20 chunks are
 * some 2,000 debtors and 6 MB of columns.
 */
const BATCH_CHUNKS = 20;

/**
 * Recomputes every debtor's summary and the portfolio's for a new day (buckets move as invoices age,
 * limits lapse and reductions take effect). Reads only the ledgers' number columns. Returns undefined
 * when there is no portfolio yet. One transaction: the summaries written are those of the ledgers read,
 * even when an import commits at the same moment.
 */
export async function refreshSummaries(db: KredoDb, asOf: IsoDate): Promise<PortfolioSummary | undefined> {
  return db.transaction('rw', [db.policies, db.exchangeRates, db.limitChunks, db.ledgerNumbers, db.summaryChunks, db.portfolio], async () => {
    const chunkIdsRead = db.ledgerNumbers.toCollection().primaryKeys();
    const batchOf = (chunkIds: readonly number[], start: number) => db.ledgerNumbers.bulkGet(chunkIds.slice(start, start + BATCH_CHUNKS));
    // The first batch is asked for with the policy, rates and limits, not after them: the storage process
    // reads it while they are decoded here (at tier L the page otherwise sat idle some 70 ms at the start).
    const firstBatch = chunkIdsRead.then((chunkIds) => batchOf(chunkIds, 0));
    const context = await loadSummaryContext(db, asOf);
    if (!context) return undefined;
    const chunkIds = await chunkIdsRead;
    const batchAt = (start: number) => batchOf(chunkIds, start);
    const all: DebtorSummary[] = [];
    const writes: Promise<unknown>[] = [];
    let next = firstBatch;
    for (let start = 0; start < chunkIds.length; start += BATCH_CHUNKS) {
      const batch = await next;
      if (start + BATCH_CHUNKS < chunkIds.length) next = batchAt(start + BATCH_CHUNKS);
      const summaryChunks = batch.flatMap((numbers) => {
        if (!numbers) return [];
        const summaries = summariseChunk(numbers, context);
        for (const summary of summaries) all.push(summary);
        return [{ chunkId: numbers.chunkId, asOf, summaries }];
      });
      writes.push(db.summaryChunks.bulkPut(summaryChunks));
    }
    const portfolio = summarisePortfolio(all, { asOf, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length });
    writes.push(db.portfolio.put({ id: 'current', ...portfolio }));
    await Promise.all(writes);
    return portfolio;
  });
}
