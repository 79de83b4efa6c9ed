import Dexie, { type DBCore, type DBCoreCursor, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';

/** Every key: Dexie's own AnyRange (DBCoreRangeType.Any), which it does not export. */
const ANY_RANGE = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

/** Whether the transaction holds the table (not an upgrade to a version before the table's migration, say). */
export function holds(transaction: DBCoreTransaction, table: string): boolean {
  const names = (transaction as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names?.contains(table) ?? false;
}

/** A chunk table's side table (keyed by chunkId) and how its record folds into a chunk as read. */
export interface FoldedTable<Chunk, Side> {
  readonly table: string;
  readonly fold: (chunk: Chunk, side: Side | undefined) => Chunk;
  /**
   * The side record is another chunk table's (and dropped with that table's writes): it is folded into
   * reads of this one, and a write here leaves it. Such a fold must give the same whether or not the chunk
   * written already holds it (open-invoices-overlay.ts).
   */
  readonly readsOnly?: boolean;
}

type AnyFold = (chunk: unknown, side: unknown) => unknown;
/** A FoldedTable of any chunk and side record (parameters as never, so every FoldedTable is one). */
type SomeFoldedTable = { readonly table: string; readonly fold: (chunk: never, side: never) => unknown; readonly readsOnly?: boolean };

/**
 * A Dexie DBCore middleware that keeps small records beside chunk records — what changed since the chunk
 * was last written whole — and folds each into every read of its chunk (get, bulkGet, toArray, where…, each),
 * dropping it on every write or delete of the chunk: no reader can tell a chunk with a side record from one
 * written whole, and no writer can leave a side record behind that its whole write already holds (what it
 * writes was read with the record folded in, or replaces it). Every transaction over a chunk table is widened
 * to its side table; the side record is asked for in the same synchronous step as the chunk, so a live query
 * watches it too. Used by the insurer sync's limit and summary deltas (chunk-deltas-middleware.ts) and the
 * bank import's ledger overlays (ledger-overlays-middleware.ts), which also fold into the open invoices kept
 * beside each chunk without being dropped by their writes (`readsOnly`).
 */
export function foldedRecordsMiddleware(name: string, sides: Readonly<Record<string, SomeFoldedTable>>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      const present = new Set(down.schema.tables.map((table) => table.name));
      const active = (table: string) => sides[table] !== undefined && present.has(sides[table].table);
      return {
        ...down,
        transaction(stores, mode, options) {
          const extra = stores.filter((store) => active(store)).map((store) => sides[store]!.table).filter((table) => !stores.includes(table));
          return down.transaction(extra.length > 0 ? [...stores, ...new Set(extra)] : stores, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (!active(tableName)) return table;
          const { table: sideName, fold: foldSide, readsOnly } = sides[tableName]!;
          const side: DBCoreTable = down.table(sideName);
          const fold = (chunk: unknown, record: unknown) => (chunk === undefined || chunk === null ? chunk : (foldSide as AnyFold)(chunk, record ?? undefined));
          const allSide = (trans: DBCoreTransaction) =>
            side.query({ trans, values: true, query: { index: side.schema.primaryKey, range: ANY_RANGE } }).then((response) => new Map(response.result.map((record: { chunkId: number }) => [record.chunkId, record])));
          const chunkIdOf = (chunk: unknown) => (chunk as { chunkId: number }).chunkId;
          return {
            ...table,
            // Dexie's own promises, not async functions: their callbacks run in the caller's transaction zone, so
            // whoever awaits a read in a transaction (readStoredChunk, say) stays in it (a native await lost it
            // and the transaction committed early — PrematureCommitError in change-debtor's unit tests).
            get(request) {
              if (!holds(request.trans, sideName)) return table.get(request);
              return Dexie.Promise.all([table.get(request), side.get({ trans: request.trans, key: request.key })]).then(([chunk, record]) => fold(chunk, record));
            },
            getMany(request) {
              if (!holds(request.trans, sideName)) return table.getMany(request);
              return Dexie.Promise.all([table.getMany(request), side.getMany({ trans: request.trans, keys: request.keys })]).then(([chunks, found]) => chunks.map((chunk, index) => fold(chunk, found[index])));
            },
            query(request) {
              if (!request.values || !holds(request.trans, sideName)) return table.query(request);
              return Dexie.Promise.all([table.query(request), allSide(request.trans)]).then(([response, byChunk]) =>
                byChunk.size === 0 ? response : { ...response, result: response.result.map((chunk) => fold(chunk, byChunk.get(chunkIdOf(chunk)))) },
              );
            },
            openCursor(request) {
              if (!request.values || !holds(request.trans, sideName)) return table.openCursor(request);
              return Dexie.Promise.all([table.openCursor(request), allSide(request.trans)]).then(([cursor, byChunk]) => {
                if (!cursor || byChunk.size === 0) return cursor;
                // As Dexie's own middlewares wrap a cursor: only the value differs, the stepping is the cursor's.
                return Object.create(cursor, { value: { get: () => fold(cursor.value, byChunk.get(chunkIdOf(cursor.value))) } }) as DBCoreCursor;
              });
            },
            // An async function, as the other middlewares write: a Dexie promise here ended a restore's transaction early.
            async mutate(request: DBCoreMutateRequest) {
              const result = await table.mutate(request);
              const { trans } = request;
              if (readsOnly || !holds(trans, sideName)) return result;
              if (request.type === 'deleteRange') await side.mutate({ type: 'deleteRange', trans, range: request.range });
              else if (request.type === 'delete') await side.mutate({ type: 'delete', trans, keys: request.keys });
              else {
                const written = request.values.filter((_, index) => !result.failures[index]).map(chunkIdOf);
                if (written.length > 0) await side.mutate({ type: 'delete', trans, keys: written });
              }
              return result;
            },
          };
        },
      };
    },
  };
}
