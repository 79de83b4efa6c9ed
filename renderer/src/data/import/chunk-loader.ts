import { decodeLedgerChunk, type LedgerChunkNumbers, type LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import type { CustomerLines } from '../../../../shared/import/open-item-lines';
import { InOrderCheck, itemRowRanges, unchangedOpenItems, type ItemRowRanges, type UnchangedOpenItems } from '../../../../shared/import/unchanged-open-items';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import type { ChunkUpdate } from './rewrite-chunks';

/** How many debtors a chunk holds at most; the generator writes 100 (see ledger-chunk.ts for why). */
export const DEBTORS_PER_CHUNK = 100;

/** Where every stored debtor is, by the customer code imports match on. */
export interface StoreIndex {
  readonly byCustomerCode: ReadonlyMap<string, StoredDebtor>;
  readonly byId: ReadonlyMap<string, StoredDebtor>;
  readonly debtorCount: number;
  /** The chunk with the highest id and how full it is: new debtors fill it up before a new chunk starts. */
  readonly lastChunk: { readonly chunkId: number; readonly size: number } | undefined;
}

export async function loadStoreIndex(db: KredoDb): Promise<StoreIndex> {
  const byCustomerCode = new Map<string, StoredDebtor>();
  const byId = new Map<string, StoredDebtor>();
  let debtorCount = 0;
  let lastChunk: StoreIndex['lastChunk'];
  // One request for every chunk rather than a cursor, which waits for a round trip to the browser per chunk.
  for (const chunk of await db.debtorChunks.toArray()) {
    for (const debtor of chunk.debtors) {
      byId.set(debtor.id, debtor);
      if (!byCustomerCode.has(debtor.customerCode)) byCustomerCode.set(debtor.customerCode, debtor);
    }
    debtorCount += chunk.debtors.length;
    if (!lastChunk || chunk.chunkId > lastChunk.chunkId) lastChunk = { chunkId: chunk.chunkId, size: chunk.debtors.length };
  }
  return { byCustomerCode, byId, debtorCount, lastChunk };
}

/** A chunk as an editable update: its debtors with their ledgers decoded, in the same order. */
export interface EditableChunk extends ChunkUpdate {
  readonly debtors: StoredDebtor[];
  readonly ledgers: DebtorLedger[];
}

/** A chunk's four records as stored, not yet decoded. */
export interface StoredChunk {
  readonly debtorChunk: { readonly debtors: readonly StoredDebtor[] } | undefined;
  readonly limitChunk: { readonly limits: readonly CreditLimit[] } | undefined;
  readonly numbers: LedgerChunkNumbers | undefined;
  readonly texts: LedgerChunkTexts | undefined;
}

async function readStoredChunk(db: KredoDb, chunkId: number): Promise<StoredChunk> {
  const [debtorChunk, limitChunk, numbers, texts] = await Promise.all([db.debtorChunks.get(chunkId), db.limitChunks.get(chunkId), db.ledgerNumbers.get(chunkId), db.ledgerTexts.get(chunkId)]);
  return { debtorChunk, limitChunk, numbers, texts };
}

export async function loadEditableChunk(db: KredoDb, chunkId: number): Promise<EditableChunk> {
  return editableChunk(chunkId, await readStoredChunk(db, chunkId));
}

function editableChunk(chunkId: number, { debtorChunk, limitChunk, numbers, texts }: StoredChunk): EditableChunk {
  const decoded = new Map((numbers && texts ? decodeLedgerChunk({ numbers, texts }) : []).map((ledger) => [ledger.debtorId, ledger]));
  const debtors = [...(debtorChunk?.debtors ?? [])];
  return {
    chunkId,
    debtors,
    ledgers: debtors.map((debtor) => decoded.get(debtor.id) ?? { debtorId: debtor.id, items: [], payments: [], allocations: [] }),
    limits: limitChunk?.limits ?? [],
  };
}

/** Chunks an operation edits, loaded once each, and new ones started as debtors are added. */
export class ChunkEditor {
  private readonly chunks = new Map<number, EditableChunk>();
  /** Chunks read (or being read) but not decoded: most of an import's chunks are only compared, never edited. */
  private readonly stored = new Map<number, Promise<StoredChunk>>();
  /** The chunks of `stored` that have been read, for comparing lines the moment they arrive. */
  private readonly arrived = new Map<number, StoredChunk>();
  /** Debtors whose lines are compared as they arrive (`follow`), by debtor id; null once two sets of lines claim one debtor. */
  private readonly checks = new Map<string, { readonly lines: CustomerLines; check: InOrderCheck | undefined } | null>();
  private readonly ranges = new Map<number, ItemRowRanges | undefined>();
  /** Chunks something was changed in; others were only read. */
  private readonly dirty = new Set<number>();
  private nextChunkId: number;
  private filling: number | undefined;

  constructor(
    private readonly db: KredoDb,
    index: StoreIndex,
  ) {
    this.nextChunkId = (index.lastChunk?.chunkId ?? -1) + 1;
    this.filling = index.lastChunk && index.lastChunk.size < DEBTORS_PER_CHUNK ? index.lastChunk.chunkId : undefined;
  }

  /** Starts reading a chunk (an import does so while the file is still being parsed); nothing is decoded. */
  prefetch(chunkId: number): Promise<StoredChunk> {
    let stored = this.stored.get(chunkId);
    if (!stored) {
      stored = readStoredChunk(this.db, chunkId).then((chunk) => {
        this.arrived.set(chunkId, chunk);
        return chunk;
      });
      this.stored.set(chunkId, stored);
    }
    return stored;
  }

  /** Where a debtor's items are in its chunk as stored, if the chunk has been read and holds the debtor. */
  private rowsOf(debtor: StoredDebtor, numbers: LedgerChunkNumbers): { start: number; end: number } | undefined {
    if (!this.ranges.has(debtor.chunkId)) this.ranges.set(debtor.chunkId, itemRowRanges(numbers));
    const starts = this.ranges.get(debtor.chunkId);
    const slot = numbers.debtorIds.indexOf(debtor.id);
    return starts && slot >= 0 ? { start: starts[slot]!, end: starts[slot + 1]! } : undefined;
  }

  /**
   * Compares a stored debtor's lines with its stored items while the file is still arriving (InOrderCheck):
   * called after each batch that holds lines of it, the comparison reads only what came since, as soon as
   * its chunk has been read. `unchangedOpenItems` then has the answer for the common case at hand.
   */
  follow(debtor: StoredDebtor, lines: CustomerLines): void {
    const followed = this.checks.get(debtor.id);
    if (followed === undefined) {
      this.checks.set(debtor.id, { lines, check: undefined });
      void this.prefetch(debtor.chunkId)
        .then(() => this.advance(debtor))
        .catch(() => undefined);
    } else if (followed !== null && followed.lines !== lines) this.checks.set(debtor.id, null);
    this.advance(debtor);
  }

  private advance(debtor: StoredDebtor): void {
    const followed = this.checks.get(debtor.id);
    const chunk = this.arrived.get(debtor.chunkId);
    if (!followed || !chunk?.numbers || !chunk.texts) return;
    if (!followed.check) {
      const rows = this.rowsOf(debtor, chunk.numbers);
      if (!rows) return;
      followed.check = new InOrderCheck(chunk.numbers, chunk.texts, rows, followed.lines);
    }
    followed.check.advance();
  }

  async chunk(chunkId: number): Promise<EditableChunk> {
    let chunk = this.chunks.get(chunkId);
    if (!chunk) {
      const stored = await this.prefetch(chunkId);
      // Another call may have decoded it meanwhile: the first decoded copy is the one edited.
      chunk = this.chunks.get(chunkId) ?? editableChunk(chunkId, stored);
      this.chunks.set(chunkId, chunk);
    }
    return chunk;
  }

  /**
   * What an open-items export says about a stored debtor, if it changes nothing on its ledger, read from
   * the stored columns without decoding them (unchanged-open-items.ts); undefined if it changes anything,
   * or if the debtor's chunk has been edited in this operation (then its objects are the truth).
   */
  async unchangedOpenItems(debtor: StoredDebtor, lines: CustomerLines, isFullExport: boolean): Promise<UnchangedOpenItems | undefined> {
    if (this.chunks.has(debtor.chunkId)) return undefined;
    const { numbers, texts } = await this.prefetch(debtor.chunkId);
    if (!numbers || !texts || this.chunks.has(debtor.chunkId)) return undefined;
    // Compared while the file arrived, when these very lines were followed against this debtor.
    const followed = this.checks.get(debtor.id);
    if (followed && followed.lines === lines) {
      this.advance(debtor);
      const same = followed.check?.result();
      if (same) return same;
    }
    const rows = this.rowsOf(debtor, numbers);
    return rows && unchangedOpenItems(numbers, texts, rows, lines, isFullExport);
  }

  private slotOf(chunk: EditableChunk, debtor: StoredDebtor): number {
    const slot = chunk.debtors.findIndex((candidate) => candidate.id === debtor.id);
    if (slot < 0) throw new RangeError(`Debtor ${debtor.id} is not in chunk ${debtor.chunkId}`);
    return slot;
  }

  async ledgerOf(debtor: StoredDebtor): Promise<DebtorLedger> {
    const chunk = await this.chunk(debtor.chunkId);
    return chunk.ledgers[this.slotOf(chunk, debtor)]!;
  }

  /** Replaces one debtor's ledger in its chunk. */
  async setLedger(debtor: StoredDebtor, ledger: DebtorLedger): Promise<void> {
    await this.chunk(debtor.chunkId);
    this.updateLoaded(debtor, () => ledger);
  }

  /** Changes the ledger of a debtor whose chunk is already loaded. */
  updateLoaded(debtor: StoredDebtor, change: (ledger: DebtorLedger) => DebtorLedger): void {
    const chunk = this.chunks.get(debtor.chunkId);
    if (!chunk) throw new RangeError(`Chunk ${debtor.chunkId} is not loaded`);
    const slot = this.slotOf(chunk, debtor);
    chunk.ledgers[slot] = change(chunk.ledgers[slot]!);
    this.dirty.add(chunk.chunkId);
  }

  /** Replaces a debtor's own record (its settings) in its chunk; the ledger stays as it is. */
  async setDebtor(debtor: StoredDebtor): Promise<void> {
    const chunk = await this.chunk(debtor.chunkId);
    chunk.debtors[this.slotOf(chunk, debtor)] = debtor;
    this.dirty.add(chunk.chunkId);
  }

  /** Replaces one debtor's limits in its chunk. */
  async setLimits(debtor: StoredDebtor, limits: readonly CreditLimit[]): Promise<void> {
    const chunk = await this.chunk(debtor.chunkId);
    this.chunks.set(chunk.chunkId, { ...chunk, limits: [...chunk.limits.filter((limit) => limit.debtorId !== debtor.id), ...limits] });
    this.dirty.add(chunk.chunkId);
  }

  /** Takes a debtor out of its chunk — its record, ledger and limits — once it has been merged into another. */
  async removeDebtor(debtor: StoredDebtor): Promise<void> {
    const chunk = await this.chunk(debtor.chunkId);
    const slot = this.slotOf(chunk, debtor);
    chunk.debtors.splice(slot, 1);
    chunk.ledgers.splice(slot, 1);
    this.chunks.set(chunk.chunkId, { ...chunk, limits: chunk.limits.filter((limit) => limit.debtorId !== debtor.id) });
    this.dirty.add(chunk.chunkId);
  }

  /** Adds a new debtor to the last chunk while it has room, otherwise to a new one. */
  async addDebtor(debtor: Omit<StoredDebtor, 'chunkId'>, ledger: DebtorLedger): Promise<StoredDebtor> {
    if (this.filling === undefined || (await this.chunk(this.filling)).debtors.length >= DEBTORS_PER_CHUNK) {
      this.filling = this.nextChunkId;
      this.nextChunkId += 1;
      this.chunks.set(this.filling, { chunkId: this.filling, debtors: [], ledgers: [], limits: [] });
    }
    const chunk = await this.chunk(this.filling);
    const stored = { ...debtor, chunkId: chunk.chunkId };
    chunk.debtors.push(stored);
    chunk.ledgers.push(ledger);
    this.dirty.add(chunk.chunkId);
    return stored;
  }

  /** The changed chunks, as they are now. */
  updates(): EditableChunk[] {
    return [...this.dirty].sort((a, b) => a - b).map((chunkId) => this.chunks.get(chunkId)!);
  }
}
