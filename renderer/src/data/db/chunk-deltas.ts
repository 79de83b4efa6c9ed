import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { LimitChunk, SummaryChunk } from './schema';

/**
 * A few debtors' limits or summaries changed since their chunk was last written whole (migration 0026). An
 * insurer sync of 100 changes lands in ~80 chunks of 100 debtors: rewriting each chunk's limits and summaries
 * whole cost ~130 KiB of structured clone per chunk (issue 14); this record holds only the changed debtors'
 * limits or summaries, and every read of the chunk sees them folded in (chunk-deltas-middleware.ts), so no
 * reader can tell the two apart. The next whole write of the chunk (an import, the daily refresh, a merge, a
 * restore, a sync changing many of its debtors) folds them in for good and drops the record.
 */
export interface LimitChunkDelta {
  readonly chunkId: number;
  /** Limits that replace the chunk's limit of the same debtor and source, or are added after its limits. */
  readonly limits: readonly CreditLimit[];
}

export interface SummaryChunkDelta {
  readonly chunkId: number;
  /** Summaries that replace the chunk's summary of the same debtor (never added: a chunk's debtors do not change here). */
  readonly summaries: readonly DebtorSummary[];
}

export const LIMIT_DELTAS_TABLE = 'limitDeltas';
export const SUMMARY_DELTAS_TABLE = 'summaryDeltas';

/**
 * Above this many debtors in one chunk's delta the chunk is written whole instead: the delta stays small next
 * to its chunk (a fifth of it), so every whole read of the table costs at most a little more than before.
 */
export const MAX_DELTA_ENTRIES = 20;

const sameLimit = (a: CreditLimit, b: CreditLimit) => a.debtorId === b.debtorId && a.source === b.source;

/** The limits with `changed` put in: each replaces the first limit of its debtor and source, or is added at the end. */
export function withLimits(limits: readonly CreditLimit[], changed: readonly CreditLimit[]): CreditLimit[] {
  const merged = [...limits];
  for (const limit of changed) {
    const index = merged.findIndex((candidate) => sameLimit(candidate, limit));
    if (index >= 0) merged[index] = limit;
    else merged.push(limit);
  }
  return merged;
}

/** The summaries with `changed` put in, each in place of the summary of its debtor. */
export function withSummaries(summaries: readonly DebtorSummary[], changed: readonly DebtorSummary[]): DebtorSummary[] {
  if (changed.length === 0) return [...summaries];
  const byDebtor = new Map(changed.map((summary) => [summary.debtorId, summary]));
  return summaries.map((summary) => byDebtor.get(summary.debtorId) ?? summary);
}

export const mergeLimitDelta = (chunk: LimitChunk, delta: LimitChunkDelta | undefined): LimitChunk => (delta ? { ...chunk, limits: withLimits(chunk.limits, delta.limits) } : chunk);

export const mergeSummaryDelta = (chunk: SummaryChunk, delta: SummaryChunkDelta | undefined): SummaryChunk => (delta ? { ...chunk, summaries: withSummaries(chunk.summaries, delta.summaries) } : chunk);

/** A delta with more changes put in: the earlier ones of the same debtor replaced in place, new ones added in order. */
export const extendLimitDelta = (delta: readonly CreditLimit[], changed: readonly CreditLimit[]): CreditLimit[] => withLimits(delta, changed);

export function extendSummaryDelta(delta: readonly DebtorSummary[], changed: readonly DebtorSummary[]): DebtorSummary[] {
  const byDebtor = new Map(delta.map((summary) => [summary.debtorId, summary]));
  for (const summary of changed) byDebtor.set(summary.debtorId, summary);
  return [...byDebtor.values()];
}
