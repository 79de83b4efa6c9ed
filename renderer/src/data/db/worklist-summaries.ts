import type { RiskSummary } from '../../../../shared/domain/risk/risk-score';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import type { SummaryChunkDelta } from './chunk-deltas';
import type { SummaryChunk } from './schema';

/**
 * One summary chunk's debtors as the Dunning worklist reads them (migration 0027): which are overdue and the
 * figures of their risk score, column by column. A tier-L worklist read all 20,000 summaries (~18.5 MB of
 * objects: buckets, KPIs, currencies) to find the overdue debtors and score them (issue 14). Derived from
 * every whole write of the chunk (worklist-summaries-middleware.ts): it holds the chunk as stored, and the
 * chunk's sync delta is folded in as it is read (worklistSummariesAsRead), as mergeSummaryDelta folds it
 * into the chunk.
 */
export interface WorklistSummaryChunk {
  readonly chunkId: number;
  /** Every debtor of the chunk, in the chunk's order (a sync delta, folded in, replaces a debtor's figures in place). */
  readonly debtorIds: readonly string[];
  /** Per debtor, FIGURES.length numbers in FIGURES' order; NaN for an internal limit not set. */
  readonly figures: Float64Array;
}

/** The numbers of a summary the risk score reads (risk-score.ts), in the order they are kept. */
const FIGURES = ['openMinor', 'overdueMinor', 'maxDaysOverdue', 'exposureMinor', 'limitMinor', 'internalLimitMinor', 'disputedMinor', 'daysLateWeighted', 'daysLateAmount', 'recentWeighted', 'recentAmount'] as const;
const STRIDE = FIGURES.length;
const OVERDUE = FIGURES.indexOf('overdueMinor');

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const isSums = (value: unknown): value is DebtorSummary['daysLate'] => typeof value === 'object' && value !== null && isNumber((value as DebtorSummary['daysLate']).weightedDaysMinor) && isNumber((value as DebtorSummary['daysLate']).amountMinor);

/**
 * Writes the summary's figures at `at`; false when a figure is not a number (a record an older or hand-made
 * store holds without one, say): such a chunk is left without its record, and the worklist reads it whole.
 */
function writeFigures(figures: Float64Array, at: number, summary: DebtorSummary): boolean {
  const { openMinor, overdueMinor, maxDaysOverdue, exposureMinor, limitMinor, internalLimitMinor, disputedMinor, daysLate, daysLateRecent } = summary;
  if (![openMinor, overdueMinor, maxDaysOverdue, exposureMinor, limitMinor, disputedMinor].every(isNumber) || !isSums(daysLate) || !isSums(daysLateRecent)) return false;
  if (internalLimitMinor !== undefined && !isNumber(internalLimitMinor)) return false;
  figures.set([openMinor, overdueMinor, maxDaysOverdue, exposureMinor, limitMinor, internalLimitMinor ?? Number.NaN, disputedMinor, daysLate.weightedDaysMinor, daysLate.amountMinor, daysLateRecent.weightedDaysMinor, daysLateRecent.amountMinor], at * STRIDE);
  return true;
}

/** The chunk's worklist summaries, or nothing when a summary lacks a figure the worklist reads. */
export function worklistSummariesOf(chunk: Pick<SummaryChunk, 'chunkId' | 'summaries'>): WorklistSummaryChunk | undefined {
  const { summaries } = chunk;
  const figures = new Float64Array(summaries.length * STRIDE);
  for (let index = 0; index < summaries.length; index += 1) if (!writeFigures(figures, index, summaries[index]!)) return undefined;
  return { chunkId: chunk.chunkId, debtorIds: summaries.map((summary) => summary.debtorId), figures };
}

/**
 * The record with a sync delta's summaries put in, each in place of its debtor's (as mergeSummaryDelta puts
 * them into the chunk), or nothing when a summary's debtor is not in the chunk or lacks a figure: then the
 * worklist reads the chunk (with its delta folded in) whole.
 */
export function withWorklistSummaries(record: WorklistSummaryChunk, changed: readonly DebtorSummary[]): WorklistSummaryChunk | undefined {
  const figures = record.figures.slice();
  const indexOf = new Map(record.debtorIds.map((debtorId, index) => [debtorId, index]));
  for (const summary of changed) {
    const index = indexOf.get(summary.debtorId);
    if (index === undefined || !writeFigures(figures, index, summary)) return undefined;
  }
  return { ...record, figures };
}

/**
 * The chunk's worklist summaries as every reader sees the chunk — the record of the chunk as stored with its
 * sync delta (0026) folded in — or nothing when the delta cannot be put in (withWorklistSummaries): then the
 * worklist reads that chunk whole.
 */
export function worklistSummariesAsRead(record: WorklistSummaryChunk, delta: SummaryChunkDelta | undefined): WorklistSummaryChunk | undefined {
  return delta ? withWorklistSummaries(record, delta.summaries) : record;
}

/** The overdue debtors' figures of the risk score, by debtor id in the chunk's order; with `only`, of those debtors alone. */
export function overdueRiskSummaries(record: WorklistSummaryChunk, only: ReadonlySet<string> | undefined): Map<string, RiskSummary> {
  const overdue = new Map<string, RiskSummary>();
  const { debtorIds, figures } = record;
  for (let index = 0; index < debtorIds.length; index += 1) {
    const at = index * STRIDE;
    if (!(figures[at + OVERDUE]! > 0)) continue;
    const debtorId = debtorIds[index]!;
    if (only && !only.has(debtorId)) continue;
    const internalLimitMinor = figures[at + 5]!;
    overdue.set(debtorId, {
      debtorId,
      openMinor: figures[at]!,
      overdueMinor: figures[at + 1]!,
      maxDaysOverdue: figures[at + 2]!,
      exposureMinor: figures[at + 3]!,
      limitMinor: figures[at + 4]!,
      ...(!Number.isNaN(internalLimitMinor) && { internalLimitMinor }),
      disputedMinor: figures[at + 6]!,
      daysLate: { weightedDaysMinor: figures[at + 7]!, amountMinor: figures[at + 8]! },
      daysLateRecent: { weightedDaysMinor: figures[at + 9]!, amountMinor: figures[at + 10]! },
    });
  }
  return overdue;
}
