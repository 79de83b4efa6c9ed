import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import { holds } from './folded-records-middleware';
import type { LedgerChunkNumbers, LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import { openInvoicesOf } from '../../../../shared/domain/ledger/open-invoices';

export const OPEN_INVOICES_TABLE = 'openInvoiceChunks';
const LEDGER_TABLES: ReadonlySet<string> = new Set(['ledgerNumbers', 'ledgerTexts']);

/** The halves of each ledger chunk written so far in one transaction: the last written of each. */
type Written = Map<number, { numbers?: LedgerChunkNumbers; texts?: LedgerChunkTexts }>;
const writtenIn = new WeakMap<DBCoreTransaction, Written>();

/**
 * Keeps each ledger chunk's open invoices (migration 0021) true to its ledger, whoever writes it (an
 * import, a bank import, a merge, a restore, an upgrade), as a Dexie DBCore middleware: no writer can
 * forget them or leave stale ones behind. A transaction that writes a chunk's numbers and texts writes its
 * open invoices from them, without reading anything back; one that writes only one half (or deletes the
 * chunk) deletes them, and the worklist reads that chunk's ledger until it is next written whole
 * (load-worklist.ts). Every read-write transaction over a ledger table is widened to the open invoices.
 */
export const openInvoicesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'openInvoices',
  create(down) {
    const hasTable = down.schema.tables.some((table) => table.name === OPEN_INVOICES_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = hasTable && mode === 'readwrite' && stores.some((store) => LEDGER_TABLES.has(store)) && !stores.includes(OPEN_INVOICES_TABLE) ? [...stores, OPEN_INVOICES_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!hasTable || !LEDGER_TABLES.has(name)) return table;
        const half = name === 'ledgerNumbers' ? 'numbers' : 'texts';
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const result = await table.mutate(request);
            const { trans } = request;
            if (!holds(trans, OPEN_INVOICES_TABLE)) return result;
            const openInvoices = down.table(OPEN_INVOICES_TABLE);
            let written = writtenIn.get(trans);
            if (!written) writtenIn.set(trans, (written = new Map()));
            // A half deleted is gone from the store too; the other half written in this transaction stays known.
            if (request.type === 'deleteRange') {
              for (const halves of written.values()) delete halves[half];
              await openInvoices.mutate({ type: 'deleteRange', trans, range: request.range });
              return result;
            }
            if (request.type === 'delete') {
              for (const key of request.keys) delete written.get(key as number)?.[half];
              await openInvoices.mutate({ type: 'delete', trans, keys: request.keys });
              return result;
            }
            const derived = [];
            const stale: number[] = [];
            for (const [index, value] of (request.values as readonly (LedgerChunkNumbers | LedgerChunkTexts)[]).entries()) {
              if (result.failures[index]) continue;
              const halves = { ...written.get(value.chunkId), [half]: value };
              written.set(value.chunkId, halves);
              if (halves.numbers && halves.texts) derived.push(openInvoicesOf({ numbers: halves.numbers, texts: halves.texts }));
              else stale.push(value.chunkId);
            }
            if (derived.length > 0) await openInvoices.mutate({ type: 'put', trans, values: derived });
            if (stale.length > 0) await openInvoices.mutate({ type: 'delete', trans, keys: stale });
            return result;
          },
        };
      },
    };
  },
};
