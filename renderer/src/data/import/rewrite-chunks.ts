import Dexie from 'dexie';
import { ageingBuckets } from '../../../../shared/domain/ageing/ageing-config';
import { encodeLedgerChunk, type EncodedLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { ledgerOverlayOf } from '../../../../shared/domain/ledger/ledger-overlay';
import type { DebtorLedger } from '../../../../shared/domain/ledger/ledger-types';
import type { CreditLimit } from '../../../../shared/domain/limits/credit-limit';
import { uninsuredPolicy } from '../../../../shared/domain/policy/uninsured-policy';
import type { DebtorSummary } from '../../../../shared/domain/summaries/debtor-summary';
import { summarisePortfolio, type PortfolioSummary } from '../../../../shared/domain/summaries/portfolio-summary';
import { summariseChunk, type SummaryContext } from '../../../../shared/domain/summaries/summarise-chunk';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoredDebtor } from '../db/schema';
import { groupLimits, loadSummaryContext, summaryContext } from '../store/summary-context';

/** A ledger chunk as it will be after an import or a payment assignment: its debtors and their ledgers, in step. */
export interface ChunkUpdate {
  readonly chunkId: number;
  readonly debtors: readonly StoredDebtor[];
  readonly ledgers: readonly DebtorLedger[];
  readonly limits: readonly CreditLimit[];
}

/**
 * A chunk whose ledgers alone changed, already as columns: a bank import books payments straight onto them
 * (ChunkBookings). Its debtors and limits stay as stored, so they are not written again. With `before`, the
 * chunk as it was read (its kept overlay folded in, as it is stored when the commit runs), only what the
 * booking changed is written — the payment and allocation rows it added and the open amounts it changed —
 * as one more delta of the chunk's overlay (ledger-overlay.ts), whenever the rest is the very same as read.
 */
export interface LedgerColumnsUpdate {
  readonly chunkId: number;
  readonly ledger: EncodedLedgerChunk;
  readonly before?: EncodedLedgerChunk;
}

export type StoreUpdate = ChunkUpdate | LedgerColumnsUpdate;

/** How many chunks' writes may be under way at once (each holds its chunk's records until IndexedDB has taken them). */
export const CHUNKS_IN_FLIGHT = 8;

/** The tables an import or assignment writes, for the transaction that wraps `rewriteChunks`. */
export const REWRITTEN_TABLES = ['debtorChunks', 'limitChunks', 'ledgerNumbers', 'ledgerTexts', 'summaryChunks', 'portfolio', 'policies', 'exchangeRates'] as const;

async function contextFor(db: KredoDb, today: IsoDate, homeCurrency: string): Promise<SummaryContext> {
  const loaded = await loadSummaryContext(db, today);
  if (loaded) return loaded;
  // The first import into an empty store: figures need terms, so the uninsured placeholder is stored.
  const policy = uninsuredPolicy(homeCurrency, today);
  await db.policies.put(policy);
  return summaryContext(policy, new ExchangeRateTable(await db.exchangeRates.toArray()), groupLimits([]), today);
}

/**
 * Writes changed chunks with fresh summaries and recomputes the portfolio's totals, so exposure and ageing
 * show the change the moment the transaction commits. Must run inside a transaction over REWRITTEN_TABLES:
 * the caller adds its own records (history, audit) to the same transaction, so all of it lands or none.
 * Summaries of other chunks are reused when they are of today, and recomputed when they are older.
 */
export async function rewriteChunks(db: KredoDb, updates: readonly StoreUpdate[], options: { readonly today: IsoDate; readonly homeCurrency: string; readonly onChunk?: () => void }): Promise<PortfolioSummary> {
  const base = await contextFor(db, options.today, options.homeCurrency);
  const changedLimits = groupLimits(updates.flatMap((update) => ('limits' in update ? update.limits : [])));
  const context: SummaryContext = { ...base, limitsOf: (debtorId) => changedLimits.get(debtorId) ?? base.limitsOf(debtorId) };
  const fresh = new Map<number, readonly DebtorSummary[]>();
  // The overlays kept now of the chunks booked on their columns: a booking's delta goes after them (ledger-overlay.ts).
  const booked = updates.flatMap((update) => ('before' in update && update.before ? [update.chunkId] : []));
  const [numberOverlays, textOverlays] = booked.length > 0 ? await Promise.all([db.ledgerNumberOverlays.bulkGet(booked), db.ledgerTextOverlays.bulkGet(booked)]) : [[], []];
  const storedOverlays = new Map(booked.map((chunkId, index) => [chunkId, { numbers: numberOverlays[index], texts: textOverlays[index] }]));
  // The chunks' writes still being carried out by IndexedDB while the next chunk is worked out: waiting for each
  // chunk's writes first left the data worker idle for a round trip to the browser per chunk (~0.25 s of a
  // tier-L bank import's 200 chunks, issue 14). They land in this transaction in the order they were made, so
  // the store ends the same; one that fails fails the transaction, and is thrown when its chunk is awaited.
  const transaction = Dexie.currentTransaction;
  const inFlight: Promise<unknown>[] = [];
  for (const update of updates) {
    const { numbers, texts } = 'ledger' in update ? update.ledger : encodeLedgerChunk(update.chunkId, update.ledgers, update.debtors.map((debtor) => debtor.country));
    const summaries = summariseChunk(numbers, context);
    fresh.set(update.chunkId, summaries);
    // Only what a booking changed, when that is all that changed: the item columns are not cloned again (issue 14).
    const overlay = 'ledger' in update && update.before ? ledgerOverlayOf(update.before, update.ledger, storedOverlays.get(update.chunkId)) : undefined;
    // Never outside the caller's transaction: a write made there would land even if the import fails.
    if (Dexie.currentTransaction !== transaction) throw new Dexie.TransactionInactiveError('The import lost its transaction');
    const writes = Promise.all([
      ...('debtors' in update ? [db.debtorChunks.put({ chunkId: update.chunkId, debtors: update.debtors }), db.limitChunks.put({ chunkId: update.chunkId, limits: update.limits })] : []),
      // The chunk's open invoices are not written again: the numbers' overlay is folded into them as they are read (migration 0029).
      ...(overlay ? [db.ledgerNumberOverlays.put(overlay.numbers), db.ledgerTextOverlays.put(overlay.texts)] : [db.ledgerNumbers.put(numbers), db.ledgerTexts.put(texts)]),
      db.summaryChunks.put({ chunkId: update.chunkId, asOf: options.today, summaries }),
    ]);
    // Seen at once, so a failure is not reported as unhandled while later chunks are worked out; awaited below.
    writes.catch(() => undefined);
    inFlight.push(writes);
    if (inFlight.length >= CHUNKS_IN_FLIGHT) {
      await inFlight.shift();
      options.onChunk?.();
    }
  }
  for (const writes of inFlight.splice(0)) {
    await writes;
    options.onChunk?.();
  }

  const all: DebtorSummary[] = [];
  // The summaries just computed are not read back (a bank import has just computed nearly all of them).
  const chunkIds = await db.summaryChunks.toCollection().primaryKeys();
  const stored = new Map((await db.summaryChunks.bulkGet(chunkIds.filter((chunkId) => !fresh.has(chunkId)))).flatMap((chunk) => (chunk ? [[chunk.chunkId, chunk] as const] : [])));
  for (const chunkId of chunkIds) {
    const kept = stored.get(chunkId);
    const summaries = fresh.get(chunkId) ?? (kept?.asOf === options.today ? kept.summaries : undefined);
    if (summaries) {
      all.push(...summaries);
      continue;
    }
    const numbers = await db.ledgerNumbers.get(chunkId);
    if (!numbers) continue;
    const recomputed = summariseChunk(numbers, context);
    await db.summaryChunks.put({ chunkId, asOf: options.today, summaries: recomputed });
    all.push(...recomputed);
  }
  const portfolio = summarisePortfolio(all, { asOf: options.today, currency: context.policy.currency, bucketCount: ageingBuckets(context.ageing).length });
  await db.portfolio.put({ id: 'current', ...portfolio });
  return portfolio;
}
