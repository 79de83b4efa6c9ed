import type { Table } from 'dexie';
import type { InsurerCover } from '../../../../shared/sync/insurer-cover';
import { KEYS_VERSION, KEYS_VERSION_FIELD } from '../db/insurer-keys';
import type { KredoDb } from '../db/kredo-db';
import type { DebtorChunk, LimitChunk } from '../db/schema';

/** Covers per chunk in a batch above which every chunk is read rather than looked up. */
const FULL_READ_COVERS_PER_CHUNK = 10;
/** Chunks rewritten at a time when keying chunks from before the keys: memory stays bounded at tier L. */
const KEYING_BATCH = 20;

/** Writes again, as they are, the chunks that lack this version's keys: the middleware adds them. */
async function keyUnkeyed<T>(table: Table<T, number>): Promise<void> {
  const [all, keyed] = await Promise.all([table.toCollection().primaryKeys(), table.where(KEYS_VERSION_FIELD).equals(KEYS_VERSION).primaryKeys()]);
  if (all.length === keyed.length) return;
  const done = new Set(keyed);
  const unkeyed = all.filter((chunkId) => !done.has(chunkId));
  for (let start = 0; start < unkeyed.length; start += KEYING_BATCH) {
    await table.bulkPut((await table.bulkGet(unkeyed.slice(start, start + KEYING_BATCH))).filter((record): record is T => record !== undefined));
  }
}

/**
 * Gives the keys to chunk records written without them: a store from before migration 0014, or whatever
 * was written past the middleware. Reads only primary keys when every chunk has them, as it nearly always
 * has. Must run inside a transaction over debtorChunks and limitChunks.
 */
export async function ensureInsurerKeys(db: KredoDb): Promise<void> {
  await Promise.all([keyUnkeyed(db.debtorChunks), keyUnkeyed(db.limitChunks)]);
}

/**
 * The chunks whose index lists any of `keys`. One request per key, all sent at once: IndexedDB answers them
 * in a row without a round trip to JavaScript in between, where one cursor over `anyOf` waits for each step
 * (a resync page of 500 covers took seconds that way on a busy machine).
 */
async function chunksListing(table: Table<DebtorChunk, number> | Table<LimitChunk, number>, index: string, keys: readonly string[]): Promise<number[]> {
  const found = await Promise.all(keys.map((key) => table.where(index).equals(key).primaryKeys()));
  return found.flat();
}

/** The names of one chunk's debtors, by position: a worklist debtors record (0024) or the debtor chunk itself. */
export interface ChunkNames {
  readonly ids: readonly string[];
  readonly names: readonly string[];
}

/** What applying covers reads: the limit chunks they land in, the debtors to match by reference, and the names. */
export interface ChunksNamed {
  readonly limitChunks: LimitChunk[];
  /** The debtor chunks a cover may be matched to by customer number or buyer id (every chunk holding one of them). */
  readonly debtorChunks: DebtorChunk[];
  /** The names of the debtors of every chunk in limitChunks. */
  readonly names: ChunkNames[];
}

const namesOf = (chunk: DebtorChunk): ChunkNames => ({ ids: chunk.debtors.map((debtor) => debtor.id), names: chunk.debtors.map((debtor) => debtor.name) });

/**
 * The chunks that name any of the covers — by cover id (any the limits have had), or for a cover no chunk
 * knows by its id, by customer number or insurer buyer id — in chunk order, found through the indexes of
 * migration 0014: a sync of 100 changes reads the few chunks they land in rather than all 20,000 debtors and
 * limits (issue 14). Every chunk holding a debtor a cover could be matched to is among them, so matching over
 * these finds what matching over every chunk would. Debtor chunks are read whole only where a cover is matched
 * by reference: the names the change list shows come from each chunk's worklist debtors (0024, derived from
 * every write of the chunk in the same transaction, so never stale), a tenth of the chunk's bytes, and from the
 * debtor chunk where that record is missing (a store from before 0024, a debtor it could not be derived from).
 * Must run inside a transaction over debtorChunks, limitChunks and worklistDebtorChunks.
 */
export async function chunksNaming(db: KredoDb, covers: readonly InsurerCover[]): Promise<ChunksNamed> {
  if (covers.length === 0) return { debtorChunks: [], limitChunks: [], names: [] };
  // A batch with many more covers than there are chunks (the full resync: 100 a chunk) lands in every chunk:
  // reading them all in one go costs less than a look-up per cover. A feed page of 500 is looked up.
  if (covers.length >= FULL_READ_COVERS_PER_CHUNK * (await db.debtorChunks.count())) {
    const [debtorChunks, limitChunks] = await Promise.all([db.debtorChunks.toArray(), db.limitChunks.toArray()]);
    return { debtorChunks, limitChunks, names: debtorChunks.map(namesOf) };
  }
  await ensureInsurerKeys(db);
  const coverIds = [...new Set(covers.map((cover) => cover.coverId))];
  const byCover = await Promise.all(coverIds.map(async (coverId) => ({ coverId, chunkIds: await db.limitChunks.where('coverIds').equals(coverId).primaryKeys() })));
  const known = new Set(byCover.filter((found) => found.chunkIds.length > 0).map((found) => found.coverId));
  const refs = [...new Set(covers.filter((cover) => !known.has(cover.coverId)).flatMap((cover) => [...(cover.customerReference ? [`ref:${cover.customerReference}`] : []), `buyer:${cover.companyId}`]))];
  const byRef = [...new Set(await chunksListing(db.debtorChunks, 'insurerRefs', refs))].sort((a, b) => a - b);
  const chunkIds = [...new Set([...byCover.flatMap((found) => found.chunkIds), ...byRef])].sort((a, b) => a - b);
  const [debtorChunks, limitChunks, kept] = await Promise.all([db.debtorChunks.bulkGet(byRef), db.limitChunks.bulkGet(chunkIds), db.worklistDebtorChunks.bulkGet(chunkIds)]);
  const read = new Map(debtorChunks.flatMap((chunk) => (chunk ? [[chunk.chunkId, chunk] as const] : [])));
  const missing = chunkIds.filter((chunkId, index) => !kept[index] && !read.has(chunkId));
  for (const chunk of missing.length > 0 ? await db.debtorChunks.bulkGet(missing) : []) if (chunk) read.set(chunk.chunkId, chunk);
  const names = chunkIds.flatMap((chunkId, index): ChunkNames[] => {
    const worklist = kept[index];
    if (worklist) return [worklist];
    const chunk = read.get(chunkId);
    return chunk ? [namesOf(chunk)] : [];
  });
  return { debtorChunks: debtorChunks.filter((chunk) => chunk !== undefined), limitChunks: limitChunks.filter((chunk) => chunk !== undefined), names };
}
