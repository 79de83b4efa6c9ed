import type { Table, Transaction } from 'dexie';
import type { DebtorChunk, SummaryChunk } from '../schema';
import { worklistDebtorsOf, type WorklistDebtorChunk } from '../worklist-debtors';
import { worklistSummariesOf, type WorklistSummaryChunk } from '../worklist-summaries';
import type { StoreMigration } from './migration';

/** Chunks read per request: a tier-L store's 200 chunks of summaries or debtors are never all in memory at once. */
const CHUNKS_PER_READ = 20;

/** Puts `derive`'s record of every chunk of `source` whose key is not yet in `target` (a chunk it cannot derive stays without one). */
async function fill<Chunk, Derived>(source: Table<Chunk, number>, target: Table<Derived, number>, derive: (chunk: Chunk) => Derived | undefined): Promise<void> {
  const have = new Set(await target.toCollection().primaryKeys());
  const missing = (await source.toCollection().primaryKeys()).filter((chunkId) => !have.has(chunkId));
  for (let first = 0; first < missing.length; first += CHUNKS_PER_READ) {
    const chunks = await source.bulkGet(missing.slice(first, first + CHUNKS_PER_READ));
    const derived = chunks.flatMap((chunk) => {
      const record = chunk && derive(chunk);
      return record ? [record] : [];
    });
    if (derived.length > 0) await target.bulkPut(derived);
  }
}

function debtorsOrNothing(chunk: DebtorChunk): WorklistDebtorChunk | undefined {
  try {
    return worklistDebtorsOf(chunk);
  } catch {
    return undefined; // As worklist-debtors-middleware.ts: that chunk is read whole, as before.
  }
}

/**
 * Each summary chunk's overdue debtors and risk figures as the Dunning worklist reads them
 * (worklist-summaries.ts), kept beside the chunk so the tier-L worklist need not read 20,000 summaries whole
 * (issue 14), and written with every write of the chunk or its sync delta (worklist-summaries-middleware.ts).
 * The upgrade works them out once for the chunks already stored (each read with its delta folded in), and
 * also each debtor chunk's worklist debtors (0024) a store from before 0024 still lacks, so the worklist of an
 * older store stops reading every debtor whole. Both are derived from tables a restore writes (and the
 * middlewares derive them on that write), so a backup from before this version still restores.
 */
export const migration0027: StoreMigration = {
  version: 27,
  description: 'Each summary chunk’s overdue debtors as the Dunning worklist reads them',
  stores: {
    worklistSummaryChunks: 'chunkId',
  },
  upgradeDerivesOnly: true,
  async upgrade(transaction: Transaction) {
    await fill(transaction.table<SummaryChunk, number>('summaryChunks'), transaction.table<WorklistSummaryChunk, number>('worklistSummaryChunks'), worklistSummariesOf);
    await fill(transaction.table<DebtorChunk, number>('debtorChunks'), transaction.table<WorklistDebtorChunk, number>('worklistDebtorChunks'), debtorsOrNothing);
  },
};
