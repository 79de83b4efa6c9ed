import Dexie, { type DBCore, type DBCoreCursor, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { LIMIT_DELTAS_TABLE, mergeLimitDelta, mergeSummaryDelta, SUMMARY_DELTAS_TABLE, type LimitChunkDelta, type SummaryChunkDelta } from './chunk-deltas';
import type { LimitChunk, SummaryChunk } from './schema';

/** Every key: Dexie's own AnyRange (DBCoreRangeType.Any), which it does not export. */
const ANY_RANGE = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

type Merge = (chunk: never, delta: never) => unknown;

/** Each chunk table with the table of its deltas and how a delta folds into a chunk as read. */
const DELTAS: Readonly<Record<string, { readonly table: string; readonly merge: Merge }>> = {
  limitChunks: { table: LIMIT_DELTAS_TABLE, merge: mergeLimitDelta as (chunk: LimitChunk, delta: LimitChunkDelta | undefined) => LimitChunk },
  summaryChunks: { table: SUMMARY_DELTAS_TABLE, merge: mergeSummaryDelta as (chunk: SummaryChunk, delta: SummaryChunkDelta | undefined) => SummaryChunk },
};

/** Whether the transaction holds the table (not an upgrade to a version before migration 0026, say). */
function holds(transaction: DBCoreTransaction, table: string): boolean {
  const names = (transaction as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names?.contains(table) ?? false;
}

/**
 * Folds each chunk's delta (chunk-deltas.ts, migration 0026) into every read of limitChunks and summaryChunks
 * — get, bulkGet, toArray, where…, each — and drops it on every write or delete of the chunk, as a Dexie DBCore
 * middleware: no reader sees a chunk without its latest changes and no writer can leave a delta behind that
 * its whole write already holds (what it writes was read with the delta folded in, or replaces it). Every
 * transaction over a chunk table is widened to its deltas' table. The delta is asked for in the same
 * synchronous step as the chunk, so a live query (the portfolio grid, the Limits screen) also watches it
 * and runs again when a sync writes only deltas.
 */
export const chunkDeltasMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'chunkDeltas',
  create(down) {
    const present = new Set(down.schema.tables.map((table) => table.name));
    const active = (name: string) => DELTAS[name] !== undefined && present.has(DELTAS[name].table);
    return {
      ...down,
      transaction(stores, mode, options) {
        const extra = stores.filter((store) => active(store)).map((store) => DELTAS[store]!.table).filter((table) => !stores.includes(table));
        return down.transaction(extra.length > 0 ? [...stores, ...new Set(extra)] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!active(name)) return table;
        const { table: deltaName, merge } = DELTAS[name]!;
        const deltas: DBCoreTable = down.table(deltaName);
        const fold = (chunk: unknown, delta: unknown) => (chunk === undefined || chunk === null ? chunk : (merge as (c: unknown, d: unknown) => unknown)(chunk, delta ?? undefined));
        const allDeltas = (trans: DBCoreTransaction): Promise<Map<number, unknown>> =>
          deltas.query({ trans, values: true, query: { index: deltas.schema.primaryKey, range: ANY_RANGE } }).then((response) => new Map(response.result.map((delta: { chunkId: number }) => [delta.chunkId, delta])));
        const chunkIdOf = (chunk: unknown) => (chunk as { chunkId: number }).chunkId;
        return {
          ...table,
          get(request) {
            if (!holds(request.trans, deltaName)) return table.get(request);
            return Dexie.Promise.all([table.get(request), deltas.get({ trans: request.trans, key: request.key })]).then(([chunk, delta]) => fold(chunk, delta));
          },
          getMany(request) {
            if (!holds(request.trans, deltaName)) return table.getMany(request);
            return Dexie.Promise.all([table.getMany(request), deltas.getMany({ trans: request.trans, keys: request.keys })]).then(([chunks, found]) => chunks.map((chunk, index) => fold(chunk, found[index])));
          },
          query(request) {
            if (!request.values || !holds(request.trans, deltaName)) return table.query(request);
            return Dexie.Promise.all([table.query(request), allDeltas(request.trans)]).then(([response, byChunk]) => (byChunk.size === 0 ? response : { ...response, result: response.result.map((chunk) => fold(chunk, byChunk.get(chunkIdOf(chunk)))) }));
          },
          openCursor(request) {
            if (!request.values || !holds(request.trans, deltaName)) return table.openCursor(request);
            return Dexie.Promise.all([table.openCursor(request), allDeltas(request.trans)]).then(([cursor, byChunk]) => {
              if (!cursor || byChunk.size === 0) return cursor;
              // As Dexie's own middlewares wrap a cursor: only the value differs, the stepping is the cursor's.
              return Object.create(cursor, { value: { get: () => fold(cursor.value, byChunk.get(chunkIdOf(cursor.value))) } }) as DBCoreCursor;
            });
          },
          mutate(request: DBCoreMutateRequest) {
            const { trans } = request;
            if (!holds(trans, deltaName)) return table.mutate(request);
            return table.mutate(request).then((result) => {
              const dropped: DBCoreMutateRequest | undefined =
                request.type === 'deleteRange'
                  ? { type: 'deleteRange', trans, range: request.range }
                  : request.type === 'delete'
                    ? { type: 'delete', trans, keys: request.keys }
                    : { type: 'delete', trans, keys: request.values.filter((_, index) => !result.failures[index]).map(chunkIdOf) };
              return dropped.type === 'delete' && dropped.keys.length === 0 ? result : deltas.mutate(dropped).then(() => result);
            });
          },
        };
      },
    };
  },
};
