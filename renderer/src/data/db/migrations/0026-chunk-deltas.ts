import type { StoreMigration } from './migration';

/**
 * The limits and summaries an insurer sync changed in a chunk since it was last written whole, kept beside
 * the chunk (chunk-deltas.ts) instead of rewriting 100 debtors' limits and summaries for each change (issue
 * 14). Every read of limitChunks and summaryChunks folds them in (chunk-deltas-middleware.ts). New tables
 * only and no upgrade: an older store or backup simply has no delta, its chunks hold everything.
 */
export const migration0026: StoreMigration = {
  version: 26,
  description: 'The limits and summaries a sync changed, beside their chunks',
  stores: {
    limitDeltas: 'chunkId',
    summaryDeltas: 'chunkId',
  },
};
