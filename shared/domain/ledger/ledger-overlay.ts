import type { EncodedLedgerChunk, LedgerChunkNumbers, LedgerChunkTexts } from './ledger-chunk';

/**
 * The columns of a ledger chunk that booking payments changes (ChunkBookings): the open amounts, the
 * payments, the allocations and the currency list with the item currencies that point into it. The item
 * columns themselves — numbers, dates, amounts, references, two thirds of a chunk — stay as they are.
 */
export const OVERLAY_NUMBER_COLUMNS = [
  'currencies', 'itemOpen', 'itemCurrency', 'paymentDebtor', 'paymentDay', 'paymentAmount', 'paymentUnapplied', 'paymentCurrency', 'allocationItem', 'allocationSource', 'allocationAmount', 'allocationDay',
] as const satisfies readonly (keyof LedgerChunkNumbers)[];

export const OVERLAY_TEXT_COLUMNS = ['paymentIds', 'paymentReferences', 'paymentRemittances', 'paymentCounterpartyNames', 'paymentCounterpartyIbans'] as const satisfies readonly (keyof LedgerChunkTexts)[];

export type LedgerNumbersOverlay = Pick<LedgerChunkNumbers, 'chunkId' | (typeof OVERLAY_NUMBER_COLUMNS)[number]>;
export type LedgerTextsOverlay = Pick<LedgerChunkTexts, 'chunkId' | (typeof OVERLAY_TEXT_COLUMNS)[number]>;

export interface LedgerOverlay {
  readonly numbers: LedgerNumbersOverlay;
  readonly texts: LedgerTextsOverlay;
}

function pick<T extends { readonly chunkId: number }, K extends keyof T>(record: T, columns: readonly K[]): Pick<T, 'chunkId' | K> {
  const picked = { chunkId: record.chunkId } as Pick<T, 'chunkId' | K>;
  for (const column of columns) picked[column] = record[column];
  return picked;
}

/** Whether every column of `after` outside `overlaid` is the very same value as in `before` (the same array, not a copy). */
function keepsOthers<T extends object>(before: T, after: T, overlaid: readonly string[]): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) if (!overlaid.includes(key) && (before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key]) return false;
  return true;
}

/**
 * What a booking changed in a chunk, as the overlay kept beside it (issue 14: a 10,000-line bank statement
 * books a few payments on each of a tier-L store's 200 chunks, and rewriting every chunk whole — a quarter
 * of a MiB of item columns each — was most of its commit). `before` is the chunk as read (any earlier
 * overlay folded in), `after` the same chunk booked. Undefined when anything else changed (a booking done on
 * decoded ledgers re-encodes every column): the chunk is then written whole.
 *
 * The overlay always holds every overlay column, so folding it (withOverlay) over the chunk as stored gives
 * `after` exactly, whatever overlay it replaces.
 */
export function ledgerOverlayOf(before: EncodedLedgerChunk, after: EncodedLedgerChunk): LedgerOverlay | undefined {
  if (before.numbers.chunkId !== after.numbers.chunkId) return undefined;
  if (!keepsOthers(before.numbers, after.numbers, OVERLAY_NUMBER_COLUMNS) || !keepsOthers(before.texts, after.texts, OVERLAY_TEXT_COLUMNS)) return undefined;
  return { numbers: pick(after.numbers, OVERLAY_NUMBER_COLUMNS), texts: pick(after.texts, OVERLAY_TEXT_COLUMNS) };
}

/** The chunk's numbers as stored with its overlay folded in. */
export const withNumbersOverlay = (numbers: LedgerChunkNumbers, overlay: LedgerNumbersOverlay | undefined): LedgerChunkNumbers => (overlay ? { ...numbers, ...pick(overlay, OVERLAY_NUMBER_COLUMNS) } : numbers);

/** The chunk's texts as stored with its overlay folded in. */
export const withTextsOverlay = (texts: LedgerChunkTexts, overlay: LedgerTextsOverlay | undefined): LedgerChunkTexts => (overlay ? { ...texts, ...pick(overlay, OVERLAY_TEXT_COLUMNS) } : texts);
