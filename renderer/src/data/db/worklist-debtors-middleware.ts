import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { holds } from './folded-records-middleware';
import type { DebtorChunk } from './schema';
import { worklistDebtorsOf, type WorklistDebtorChunk } from './worklist-debtors';

export const WORKLIST_DEBTORS_TABLE = 'worklistDebtorChunks';
const DEBTORS_TABLE = 'debtorChunks';

/**
 * The chunk's worklist debtors, or nothing when a debtor in it is not as the domain type says (a record an
 * older or hand-made store holds without a contacts list, say): the chunk's write is the controller's data
 * and must never fail for a shortcut; without the record the worklist reads the chunk whole, as before 0024.
 */
function derivedOrNothing(chunk: DebtorChunk): WorklistDebtorChunk | undefined {
  try {
    return worklistDebtorsOf(chunk);
  } catch {
    return undefined;
  }
}

/**
 * Keeps each debtor chunk's worklist debtors (worklist-debtors.ts, migration 0024) true to the chunk, whoever
 * writes it (an import, a merge, an edit on the debtor page, a restore, an upgrade), as a Dexie DBCore
 * middleware like open-invoices-middleware.ts: a chunk record always holds all its debtors, so every write
 * of one writes its worklist debtors from the values in hand, in the same transaction, and a delete or clear
 * deletes them. A chunk without them (written before migration 0024) is read whole by the worklist
 * (load-worklist.ts). Every read-write transaction over the debtor chunks is widened to them.
 */
export const worklistDebtorsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'worklistDebtors',
  create(down) {
    const hasTable = down.schema.tables.some((table) => table.name === WORKLIST_DEBTORS_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = hasTable && mode === 'readwrite' && stores.includes(DEBTORS_TABLE) && !stores.includes(WORKLIST_DEBTORS_TABLE) ? [...stores, WORKLIST_DEBTORS_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!hasTable || name !== DEBTORS_TABLE) return table;
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const result = await table.mutate(request);
            const { trans } = request;
            if (!holds(trans, WORKLIST_DEBTORS_TABLE)) return result;
            const kept = down.table(WORKLIST_DEBTORS_TABLE);
            if (request.type === 'deleteRange') await kept.mutate({ type: 'deleteRange', trans, range: request.range });
            else if (request.type === 'delete') await kept.mutate({ type: 'delete', trans, keys: request.keys });
            else {
              const written = (request.values as readonly DebtorChunk[]).filter((_, index) => !result.failures[index]);
              const values = written.map(derivedOrNothing);
              const derived = values.filter((value) => value !== undefined);
              const underived = written.filter((_, index) => values[index] === undefined).map((chunk) => chunk.chunkId);
              if (derived.length > 0) await kept.mutate({ type: 'put', trans, values: derived });
              if (underived.length > 0) await kept.mutate({ type: 'delete', trans, keys: underived });
            }
            return result;
          },
        };
      },
    };
  },
};
