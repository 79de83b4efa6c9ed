import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { SUMMARY_DELTAS_TABLE, type SummaryChunkDelta } from './chunk-deltas';
import { holds } from './folded-records-middleware';
import type { SummaryChunk } from './schema';
import { withWorklistSummaries, worklistSummariesOf, type WorklistSummaryChunk } from './worklist-summaries';

export const WORKLIST_SUMMARIES_TABLE = 'worklistSummaryChunks';
const SUMMARIES_TABLE = 'summaryChunks';

/** Whether `delta` leaves out a debtor `before` (the chunk's delta it replaces) held. */
function dropsDebtor(before: SummaryChunkDelta | undefined, delta: SummaryChunkDelta): boolean {
  if (!before) return false;
  const now = new Set(delta.summaries.map((summary) => summary.debtorId));
  return before.summaries.some((summary) => !now.has(summary.debtorId));
}

/** Keeps the records derived from `values` (or deletes those that could not be derived), by chunk. */
async function keep(kept: DBCoreTable, trans: DBCoreTransaction, chunkIds: readonly number[], values: readonly (WorklistSummaryChunk | undefined)[]): Promise<void> {
  const derived = values.filter((value) => value !== undefined);
  const dropped = chunkIds.filter((_, index) => values[index] === undefined);
  if (derived.length > 0) await kept.mutate({ type: 'put', trans, values: derived });
  if (dropped.length > 0) await kept.mutate({ type: 'delete', trans, keys: dropped });
}

/**
 * Keeps each summary chunk's worklist summaries (worklist-summaries.ts, migration 0027) true to the chunk as
 * every reader sees it — the chunk with its sync delta folded in (chunk-deltas-middleware.ts) — whoever
 * writes it, like worklist-debtors-middleware.ts:
 * - a write of summary chunks derives their records from the values written (a chunk is always written
 *   whole; its delta is dropped with it), a delete or clear deletes them;
 * - a write of a sync delta puts its summaries into the chunk's record in place (a delta never adds a debtor);
 * - a delta deleted on its own (not by a write of its chunk, which goes below this middleware) drops the
 *   chunk's record, as the chunk as read then changes back: the worklist reads that chunk whole.
 * A chunk without a record (a summary lacking a figure, or dropped as above) is read whole by the worklist
 * (load-worklist.ts). Registered above chunkDeltasMiddleware, so that its own deletes of a delta, made when
 * the chunk is written whole, do not pass through here. Every read-write transaction over summary chunks or
 * deltas is widened to the records.
 */
export const worklistSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'worklistSummaries',
  create(down) {
    const hasTable = down.schema.tables.some((table) => table.name === WORKLIST_SUMMARIES_TABLE);
    const watched = (name: string) => name === SUMMARIES_TABLE || name === SUMMARY_DELTAS_TABLE;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = hasTable && mode === 'readwrite' && stores.some(watched) && !stores.includes(WORKLIST_SUMMARIES_TABLE) ? [...stores, WORKLIST_SUMMARIES_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!hasTable || !watched(name)) return table;
        const kept = down.table(WORKLIST_SUMMARIES_TABLE);
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const { trans } = request;
            if (!holds(trans, WORKLIST_SUMMARIES_TABLE)) return table.mutate(request);
            if (name === SUMMARIES_TABLE) {
              const result = await table.mutate(request);
              if (request.type === 'deleteRange') await kept.mutate({ type: 'deleteRange', trans, range: request.range });
              else if (request.type === 'delete') await kept.mutate({ type: 'delete', trans, keys: request.keys });
              else {
                const written = (request.values as readonly SummaryChunk[]).filter((_, index) => !result.failures[index]);
                await keep(kept, trans, written.map((chunk) => chunk.chunkId), written.map(worklistSummariesOf));
              }
              return result;
            }
            if (request.type === 'delete' || request.type === 'deleteRange') {
              // Only chunks that had a delta change as read: find them before they are gone.
              const had = request.type === 'delete' ? (await table.getMany({ trans, keys: request.keys })).filter((delta) => delta !== undefined).map((delta: SummaryChunkDelta) => delta.chunkId) : (await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range: request.range } })).result as number[];
              const result = await table.mutate(request);
              if (had.length > 0) await kept.mutate({ type: 'delete', trans, keys: had });
              return result;
            }
            const values = request.values as readonly SummaryChunkDelta[];
            const before = (await table.getMany({ trans, keys: values.map((delta) => delta.chunkId) })) as (SummaryChunkDelta | undefined)[];
            const result = await table.mutate(request);
            const written = values.map((delta, index) => ({ delta, before: before[index] })).filter((_, index) => !result.failures[index]);
            if (written.length === 0) return result;
            const records = (await kept.getMany({ trans, keys: written.map(({ delta }) => delta.chunkId) })) as (WorklistSummaryChunk | undefined)[];
            // A chunk without a record stays without one: the worklist reads it, delta folded in, whole.
            const present = written.map((change, index) => ({ ...change, record: records[index] })).filter(({ record }) => record !== undefined);
            await keep(
              kept,
              trans,
              present.map(({ delta }) => delta.chunkId),
              // A delta that no longer holds a debtor the one before held changes that debtor back to the chunk's summary, which the record no longer knows.
              present.map(({ delta, before: earlier, record }) => (dropsDebtor(earlier, delta) ? undefined : withWorklistSummaries(record!, delta.summaries))),
            );
            return result;
          },
        };
      },
    };
  },
};
