import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { extendLimitDelta, extendSummaryDelta, MAX_DELTA_ENTRIES } from '../db/chunk-deltas';
import { coverIdsOf, KEYS_VERSION } from '../db/insurer-keys';
import type { KredoDb } from '../db/kredo-db';
import type { LimitChunk, SummaryChunk } from '../db/schema';

/** A chunk as read (its delta folded in), what it holds now, and which of those entries changed. */
export interface LimitChunkChange {
  readonly chunk: LimitChunk;
  readonly limits: readonly CreditLimit[];
  /** The changed limits, in the order they were first changed. */
  readonly changed: readonly CreditLimit[];
}

export interface SummaryChunkChange {
  readonly chunk: SummaryChunk;
  readonly summaries: readonly DebtorSummary[];
  readonly changed: readonly DebtorSummary[];
}

/** How many changed debtors a chunk's delta may hold before the chunk is written whole; 0 writes every chunk whole. */
export interface DeltaOptions {
  readonly maxDeltaEntries?: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
};

/**
 * Writes changed limits: into the chunk's delta when few of its debtors changed (issue 14: a few KiB instead of
 * the whole chunk), else the chunk whole, which folds its delta in. A change that gives the chunk a cover id its
 * index does not list yet (a new cover) writes the chunk whole, so the `coverIds` index that finds a cover's
 * chunk (chunks-naming.ts, read-outbox.ts) stays true without reading deltas. Inside a transaction over
 * limitChunks and limitDeltas.
 */
export async function writeLimitChanges(db: KredoDb, changes: readonly LimitChunkChange[], options: DeltaOptions = {}): Promise<void> {
  const max = options.maxDeltaEntries ?? MAX_DELTA_ENTRIES;
  const candidates = max > 0 ? changes.filter(({ chunk, limits }) => chunk.keysVersion === KEYS_VERSION && sameSet(chunk.coverIds ?? [], coverIdsOf(limits))) : [];
  const kept = candidates.length > 0 ? await db.limitDeltas.bulkGet(candidates.map(({ chunk }) => chunk.chunkId)) : [];
  const deltas = candidates.map(({ chunk, changed }, index) => ({ chunkId: chunk.chunkId, limits: extendLimitDelta(kept[index]?.limits ?? [], changed) })).filter((delta) => delta.limits.length <= max);
  const asDelta = new Set(deltas.map((delta) => delta.chunkId));
  const whole = changes.filter(({ chunk }) => !asDelta.has(chunk.chunkId)).map(({ chunk, limits }) => ({ chunkId: chunk.chunkId, limits }));
  await Promise.all([deltas.length > 0 && db.limitDeltas.bulkPut(deltas), whole.length > 0 && db.limitChunks.bulkPut(whole)]);
}

/** Likewise changed summaries of chunks of the same day and currency. Inside a transaction over summaryChunks and summaryDeltas. */
export async function writeSummaryChanges(db: KredoDb, changes: readonly SummaryChunkChange[], options: DeltaOptions = {}): Promise<void> {
  const max = options.maxDeltaEntries ?? MAX_DELTA_ENTRIES;
  const kept = max > 0 && changes.length > 0 ? await db.summaryDeltas.bulkGet(changes.map(({ chunk }) => chunk.chunkId)) : [];
  const deltas = max > 0 ? changes.map(({ chunk, changed }, index) => ({ chunkId: chunk.chunkId, summaries: extendSummaryDelta(kept[index]?.summaries ?? [], changed) })).filter((delta) => delta.summaries.length <= max) : [];
  const asDelta = new Set(deltas.map((delta) => delta.chunkId));
  const whole = changes.filter(({ chunk }) => !asDelta.has(chunk.chunkId)).map(({ chunk, summaries }) => ({ chunkId: chunk.chunkId, asOf: chunk.asOf, summaries }));
  await Promise.all([deltas.length > 0 && db.summaryDeltas.bulkPut(deltas), whole.length > 0 && db.summaryChunks.bulkPut(whole)]);
}
