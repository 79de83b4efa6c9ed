import Dexie, { type DBCore, type DBCoreCursor, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { withNumbersOverlay, withTextsOverlay, type LedgerNumbersOverlay, type LedgerTextsOverlay } from '../../../../shared/domain/ledger/ledger-overlay';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';

export const NUMBER_OVERLAYS_TABLE = 'ledgerNumberOverlays';
export const TEXT_OVERLAYS_TABLE = 'ledgerTextOverlays';

/** Every key: Dexie's own AnyRange (DBCoreRangeType.Any), which it does not export. */
const ANY_RANGE = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as const;

type Fold = (half: never, overlay: never) => unknown;

/** Each ledger half with the table of its overlays and how an overlay folds into it as read. */
const OVERLAYS: Readonly<Record<string, { readonly table: string; readonly fold: Fold }>> = {
  ledgerNumbers: { table: NUMBER_OVERLAYS_TABLE, fold: withNumbersOverlay as (half: LedgerChunkNumbers, overlay: LedgerNumbersOverlay | undefined) => LedgerChunkNumbers },
  ledgerTexts: { table: TEXT_OVERLAYS_TABLE, fold: withTextsOverlay as (half: LedgerChunkTexts, overlay: LedgerTextsOverlay | undefined) => LedgerChunkTexts },
};

/** Whether the transaction holds the table (not an upgrade to a version before migration 0025, say). */
function holds(transaction: DBCoreTransaction, table: string): boolean {
  const names = (transaction as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return names?.contains(table) ?? false;
}

/**
 * Folds each ledger chunk's overlay (ledger-overlay.ts, migration 0025: the payment, allocation and open-amount
 * columns a bank import booked, kept beside the chunk instead of rewriting it whole) into every read of
 * ledgerNumbers and ledgerTexts — get, bulkGet, toArray, where…, each — and drops it on every write or delete
 * of that half, as a Dexie DBCore middleware: no reader can tell an overlaid chunk from one written whole, and
 * no writer can leave an overlay behind that its whole write already holds (what it writes was read with the
 * overlay folded in, or replaces it). Every transaction over a ledger half is widened to its overlays' table;
 * the overlay is asked for in the same synchronous step as the chunk, so a live query watches it too.
 * The same pattern as chunk-deltas-middleware.ts (limits and summaries).
 */
export const ledgerOverlaysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ledgerOverlays',
  create(down) {
    const present = new Set(down.schema.tables.map((table) => table.name));
    const active = (name: string) => OVERLAYS[name] !== undefined && present.has(OVERLAYS[name].table);
    return {
      ...down,
      transaction(stores, mode, options) {
        const extra = stores.filter((store) => active(store)).map((store) => OVERLAYS[store]!.table).filter((table) => !stores.includes(table));
        return down.transaction(extra.length > 0 ? [...stores, ...new Set(extra)] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!active(name)) return table;
        const { table: overlayName, fold: foldHalf } = OVERLAYS[name]!;
        const overlays: DBCoreTable = down.table(overlayName);
        const fold = (half: unknown, overlay: unknown) => (half === undefined || half === null ? half : (foldHalf as (h: unknown, o: unknown) => unknown)(half, overlay ?? undefined));
        const allOverlays = (trans: DBCoreTransaction) =>
          overlays.query({ trans, values: true, query: { index: overlays.schema.primaryKey, range: ANY_RANGE } }).then((response) => new Map(response.result.map((overlay: { chunkId: number }) => [overlay.chunkId, overlay])));
        const chunkIdOf = (half: unknown) => (half as { chunkId: number }).chunkId;
        return {
          ...table,
          // Dexie's own promises, not async functions: their callbacks run in the caller's transaction zone, so
          // whoever awaits a read in a transaction (readStoredChunk, say) stays in it (a native await lost it
          // and the transaction committed early — PrematureCommitError in change-debtor's unit tests).
          get(request) {
            if (!holds(request.trans, overlayName)) return table.get(request);
            return Dexie.Promise.all([table.get(request), overlays.get({ trans: request.trans, key: request.key })]).then(([half, overlay]) => fold(half, overlay));
          },
          getMany(request) {
            if (!holds(request.trans, overlayName)) return table.getMany(request);
            return Dexie.Promise.all([table.getMany(request), overlays.getMany({ trans: request.trans, keys: request.keys })]).then(([halves, found]) => halves.map((half, index) => fold(half, found[index])));
          },
          query(request) {
            if (!request.values || !holds(request.trans, overlayName)) return table.query(request);
            return Dexie.Promise.all([table.query(request), allOverlays(request.trans)]).then(([response, byChunk]) =>
              byChunk.size === 0 ? response : { ...response, result: response.result.map((half) => fold(half, byChunk.get(chunkIdOf(half)))) },
            );
          },
          openCursor(request) {
            if (!request.values || !holds(request.trans, overlayName)) return table.openCursor(request);
            return Dexie.Promise.all([table.openCursor(request), allOverlays(request.trans)]).then(([cursor, byChunk]) => {
              if (!cursor || byChunk.size === 0) return cursor;
              // As Dexie's own middlewares wrap a cursor: only the value differs, the stepping is the cursor's.
              return Object.create(cursor, {
                value: { get: () => fold(cursor.value, byChunk.get(chunkIdOf(cursor.value))) },
              }) as DBCoreCursor;
            });
          },
          // An async function, as chunk-deltas-middleware.ts writes: a Dexie promise here ended a restore's transaction early.
          async mutate(request: DBCoreMutateRequest) {
            const result = await table.mutate(request);
            const { trans } = request;
            if (!holds(trans, overlayName)) return result;
            if (request.type === 'deleteRange') await overlays.mutate({ type: 'deleteRange', trans, range: request.range });
            else if (request.type === 'delete') await overlays.mutate({ type: 'delete', trans, keys: request.keys });
            else {
              const written = request.values.filter((_, index) => !result.failures[index]).map(chunkIdOf);
              if (written.length > 0) await overlays.mutate({ type: 'delete', trans, keys: written });
            }
            return result;
          },
        };
      },
    };
  },
};
