import { LIMIT_DELTAS_TABLE, mergeLimitDelta, mergeSummaryDelta, SUMMARY_DELTAS_TABLE, type LimitChunkDelta, type SummaryChunkDelta } from './chunk-deltas';
import { foldedRecordsMiddleware, type FoldedTable } from './folded-records-middleware';
import type { LimitChunk, SummaryChunk } from './schema';

const limits: FoldedTable<LimitChunk, LimitChunkDelta> = { table: LIMIT_DELTAS_TABLE, fold: mergeLimitDelta };
const summaries: FoldedTable<SummaryChunk, SummaryChunkDelta> = { table: SUMMARY_DELTAS_TABLE, fold: mergeSummaryDelta };

/**
 * Folds each chunk's delta (chunk-deltas.ts, migration 0026: the few limits and summaries an insurer sync
 * changed, kept beside the chunk instead of rewriting its 100 debtors) into every read of limitChunks and
 * summaryChunks and drops it on every write or delete of the chunk (folded-records-middleware.ts). A live
 * query (the portfolio grid, the Limits screen) also watches the delta and runs again when a sync writes only
 * deltas.
 */
export const chunkDeltasMiddleware = foldedRecordsMiddleware('chunkDeltas', { limitChunks: limits, summaryChunks: summaries });
