import { decodeLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
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
  await db.debtorChunks.each((chunk) => {
    for (const debtor of chunk.debtors) {
      byId.set(debtor.id, debtor);
      if (!byCustomerCode.has(debtor.customerCode)) byCustomerCode.set(debtor.customerCode, debtor);
    }
    debtorCount += chunk.debtors.length;
    if (!lastChunk || chunk.chunkId > lastChunk.chunkId) lastChunk = { chunkId: chunk.chunkId, size: chunk.debtors.length };
  });
  return { byCustomerCode, byId, debtorCount, lastChunk };
}

/** A chunk as an editable update: its debtors with their ledgers decoded, in the same order. */
export interface EditableChunk extends ChunkUpdate {
  readonly debtors: StoredDebtor[];
  readonly ledgers: DebtorLedger[];
}

export async function loadEditableChunk(db: KredoDb, chunkId: number): Promise<EditableChunk> {
  const [debtorChunk, limitChunk, numbers, texts] = await Promise.all([db.debtorChunks.get(chunkId), db.limitChunks.get(chunkId), db.ledgerNumbers.get(chunkId), db.ledgerTexts.get(chunkId)]);
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

  async chunk(chunkId: number): Promise<EditableChunk> {
    let chunk = this.chunks.get(chunkId);
    if (!chunk) {
      chunk = await loadEditableChunk(this.db, chunkId);
      this.chunks.set(chunkId, chunk);
    }
    return chunk;
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
