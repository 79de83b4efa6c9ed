import type { Transaction } from 'dexie';
import type { SummaryChunkDelta } from '../chunk-deltas';
import type { WorklistSummaryChunk } from '../worklist-summaries';
import type { StoreMigration } from './migration';

/**
 * Each summary chunk's worklist summaries (0027) now hold the chunk as stored, and the worklist folds the
 * chunk's sync delta in as it reads (worklist-summaries-middleware.ts): a sync no longer reads and rewrites
 * them, ~0.3 s of a sync of 100 changes at tier L (issue 14). Up to version 27 a delta's summaries were put
 * into the record, so the record of a chunk that has a delta may already hold it: folding in a later delta
 * that left out one of its debtors, or no delta after one deleted on its own, would then read stale figures.
 * The upgrade deletes those records (no table changes): the worklist reads those chunks whole, as it does a
 * chunk without one, until the chunk is next written whole (the daily refresh writes every chunk whole), which
 * derives its record again. It only deletes what a restore derives again, so a backup of version 27 (or
 * older) still restores.
 */
export const migration0028: StoreMigration = {
  version: 28,
  description: 'Each summary chunk’s worklist summaries as the chunk is stored, its sync delta folded in as read',
  stores: {},
  upgradeDerivesOnly: true,
  async upgrade(transaction: Transaction) {
    const withDelta = await transaction.table<SummaryChunkDelta, number>('summaryDeltas').toCollection().primaryKeys();
    if (withDelta.length > 0) await transaction.table<WorklistSummaryChunk, number>('worklistSummaryChunks').bulkDelete(withDelta);
  },
};
