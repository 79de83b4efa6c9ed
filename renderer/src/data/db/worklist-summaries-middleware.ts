import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { holds } from './folded-records-middleware';
import type { SummaryChunk } from './schema';
import { worklistSummariesOf, type WorklistSummaryChunk } from './worklist-summaries';

export const WORKLIST_SUMMARIES_TABLE = 'worklistSummaryChunks';
const SUMMARIES_TABLE = 'summaryChunks';

/** Keeps the records derived from `values` (or deletes those that could not be derived), by chunk. */
async function keep(kept: DBCoreTable, trans: DBCoreTransaction, chunkIds: readonly number[], values: readonly (WorklistSummaryChunk | undefined)[]): Promise<void> {
  const derived = values.filter((value) => value !== undefined);
  const dropped = chunkIds.filter((_, index) => values[index] === undefined);
  if (derived.length > 0) await kept.mutate({ type: 'put', trans, values: derived });
  if (dropped.length > 0) await kept.mutate({ type: 'delete', trans, keys: dropped });
}

/**
 * Keeps each summary chunk's worklist summaries (worklist-summaries.ts, migration 0027) true to the chunk as
 * stored — written whole, without its sync delta — whoever writes it, like worklist-debtors-middleware.ts: a
 * write of summary chunks derives their records from the values written, a delete or clear deletes them.
 * A sync's delta (summaryDeltas, 0026) is not put into the record: the worklist folds it in as it reads
 * (worklistSummariesAsRead), as every reader of the chunk does. Putting it in read and rewrote ~80 records
 * in the write transaction of a sync of 100 changes, ~0.3 s of the 0.3 s target quiet (issue 14); a delta
 * written, replaced or deleted now leaves the record as it is, and it stays true. A chunk without a record (a
 * summary lacking a figure) is read whole by the worklist (load-worklist.ts). Every read-write transaction
 * over summary chunks is widened to the records.
 */
export const worklistSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'worklistSummaries',
  create(down) {
    const hasTable = down.schema.tables.some((table) => table.name === WORKLIST_SUMMARIES_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = hasTable && mode === 'readwrite' && stores.includes(SUMMARIES_TABLE) && !stores.includes(WORKLIST_SUMMARIES_TABLE) ? [...stores, WORKLIST_SUMMARIES_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!hasTable || name !== SUMMARIES_TABLE) return table;
        const kept = down.table(WORKLIST_SUMMARIES_TABLE);
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const { trans } = request;
            if (!holds(trans, WORKLIST_SUMMARIES_TABLE)) return table.mutate(request);
            const result = await table.mutate(request);
            if (request.type === 'deleteRange') await kept.mutate({ type: 'deleteRange', trans, range: request.range });
            else if (request.type === 'delete') await kept.mutate({ type: 'delete', trans, keys: request.keys });
            else {
              const written = (request.values as readonly SummaryChunk[]).filter((_, index) => !result.failures[index]);
              await keep(kept, trans, written.map((chunk) => chunk.chunkId), written.map(worklistSummariesOf));
            }
            return result;
          },
        };
      },
    };
  },
};
