import { FLAG_CREDIT_NOTE, type EncodedLedgerChunk, type LedgerChunkNumbers, type LedgerChunkTexts } from './ledger-chunk';

/**
 * The columns of a ledger chunk that booking payments changes (ChunkBookings): the open amounts, the
 * payments, the allocations and the currency list with the item currencies that point into it. The item
 * columns themselves — numbers, dates, amounts, references, two thirds of a chunk — stay as they are.
 */
export const OVERLAY_NUMBER_COLUMNS = [
  'currencies', 'itemOpen', 'itemCurrency', 'paymentDebtor', 'paymentDay', 'paymentAmount', 'paymentUnapplied', 'paymentCurrency', 'allocationItem', 'allocationSource', 'allocationAmount', 'allocationDay',
] as const satisfies readonly (keyof LedgerChunkNumbers)[];

export const OVERLAY_TEXT_COLUMNS = ['paymentIds', 'paymentReferences', 'paymentRemittances', 'paymentCounterpartyNames', 'paymentCounterpartyIbans'] as const satisfies readonly (keyof LedgerChunkTexts)[];

/** The overlay as migration 0025 first wrote it (stores of that time may still hold it): every overlay column whole. */
export type WholeNumbersOverlay = Pick<LedgerChunkNumbers, 'chunkId' | (typeof OVERLAY_NUMBER_COLUMNS)[number]>;
export type WholeTextsOverlay = Pick<LedgerChunkTexts, 'chunkId' | (typeof OVERLAY_TEXT_COLUMNS)[number]>;

/**
 * What one booking changed in a chunk's numbers, against the chunk as it was read: the payment and
 * allocation rows it inserted (at their rows in the result, ascending; every other row is one of the
 * chunk's, in order, a payment's allocations following it to its new row) and the open amounts it changed.
 */
export interface NumbersDelta {
  readonly paymentAt: Int32Array;
  readonly paymentDebtor: Int32Array;
  readonly paymentDay: Int32Array;
  readonly paymentAmount: Float64Array;
  readonly paymentUnapplied: Float64Array;
  readonly paymentCurrency: Uint8Array;
  readonly allocationAt: Int32Array;
  readonly allocationItem: Int32Array;
  /** Payment rows of the result (a credit note or settlement outside Kredo as in the chunk). */
  readonly allocationSource: Int32Array;
  readonly allocationAmount: Float64Array;
  readonly allocationDay: Int32Array;
  readonly openRows: Int32Array;
  readonly openValues: Float64Array;
}

/** The texts of the payment rows a booking inserted, at the same rows as its NumbersDelta. */
export interface TextsDelta {
  readonly paymentAt: Int32Array;
  readonly paymentIds: readonly string[];
  readonly paymentReferences: readonly string[];
  readonly paymentRemittances: readonly string[];
  readonly paymentCounterpartyNames: readonly string[];
  readonly paymentCounterpartyIbans: readonly string[];
}

/** The bookings since the chunk was written whole, oldest first, each against the chunk with those before it folded in. */
export interface NumbersDeltas {
  readonly chunkId: number;
  readonly deltas: readonly NumbersDelta[];
}

export interface TextsDeltas {
  readonly chunkId: number;
  readonly deltas: readonly TextsDelta[];
}

export type LedgerNumbersOverlay = WholeNumbersOverlay | NumbersDeltas;
export type LedgerTextsOverlay = WholeTextsOverlay | TextsDeltas;

export interface LedgerOverlay {
  readonly numbers: NumbersDeltas;
  readonly texts: TextsDeltas;
}

/**
 * How many bookings a chunk keeps beside it before it is written whole again: every read folds each of
 * them in (a merge of the payment and allocation columns), so they must not pile up without end.
 */
export const MAX_DELTAS = 8;

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

function sameContents(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (!Object.is(a[index], b[index])) return false;
  return true;
}

/** Where `after`'s rows came from: each of `before`'s rows at `rowOf[row]` in order, the others inserted (`inserted`, ascending). */
interface Alignment {
  readonly rowOf: Int32Array;
  readonly inserted: Int32Array;
}

/**
 * `before`'s rows found in `after` in order, first fit (`same(row of before, row of after)`), every other
 * row of `after` inserted; undefined when `before`'s rows are not all there in order. First fit finds such
 * an embedding whenever there is one; the delta then rebuilds `after` exactly whichever it finds.
 */
function align(beforeCount: number, afterCount: number, same: (beforeRow: number, afterRow: number) => boolean): Alignment | undefined {
  if (afterCount < beforeCount) return undefined;
  const rowOf = new Int32Array(beforeCount);
  const inserted = new Int32Array(afterCount - beforeCount);
  let row = 0;
  let insertedCount = 0;
  for (let afterRow = 0; afterRow < afterCount; afterRow += 1) {
    if (row < beforeCount && same(row, afterRow)) rowOf[row++] = afterRow;
    else if (insertedCount < inserted.length) inserted[insertedCount++] = afterRow;
    else return undefined;
  }
  return row === beforeCount ? { rowOf, inserted } : undefined;
}

function gather<T extends Int32Array | Float64Array | Uint8Array>(column: T, rows: Int32Array): T {
  const result = new (column.constructor as new (length: number) => T)(rows.length);
  rows.forEach((row, index) => {
    result[index] = column[row]!;
  });
  return result;
}
const gatherTexts = (column: readonly string[], rows: Int32Array): string[] => Array.from(rows, (row) => column[row]!);

/**
 * What a booking changed in a chunk, as one more delta of the overlay kept beside it (issue 14: a 10,000-line
 * bank statement books a few payments on each of a tier-L store's 200 chunks; rewriting every chunk whole, or
 * even every payment column of it with its 7,500 strings, was most of its commit). `before` is the chunk as
 * read (`stored`'s deltas folded in), `after` the same chunk booked, `stored` the overlay kept now. Undefined
 * when anything else changed (a booking done on decoded ledgers re-encodes every column, a payment in a new
 * currency reorders the currencies, an invoice not open before is open after), when the overlay kept is of migration 0025's first form, or when it
 * already holds MAX_DELTAS bookings: the chunk is then written whole.
 *
 * Folding the result (withNumbersOverlay, withTextsOverlay) over the chunk as stored gives `after` exactly:
 * the delta is checked row by row against `after` as it is made.
 */
export function ledgerOverlayOf(before: EncodedLedgerChunk, after: EncodedLedgerChunk, stored?: { readonly numbers?: LedgerNumbersOverlay | undefined; readonly texts?: LedgerTextsOverlay | undefined }): LedgerOverlay | undefined {
  const b = before.numbers;
  const a = after.numbers;
  if (b.chunkId !== a.chunkId) return undefined;
  if (!keepsOthers(b, a, OVERLAY_NUMBER_COLUMNS) || !keepsOthers(before.texts, after.texts, OVERLAY_TEXT_COLUMNS)) return undefined;
  const kept = { numbers: stored?.numbers ? deltasOf(stored.numbers) : [], texts: stored?.texts ? deltasOf(stored.texts) : [] };
  // Each half's deltas fold over that half as stored, so the two lists need not be as long (one half written whole since).
  if (!kept.numbers || !kept.texts || kept.numbers.length >= MAX_DELTAS || kept.texts.length >= MAX_DELTAS) return undefined;
  if (!sameContents(b.currencies, a.currencies) || !sameContents(b.itemCurrency, a.itemCurrency) || b.itemOpen.length !== a.itemOpen.length) return undefined;

  const bt = before.texts;
  const at = after.texts;
  const payments = align(b.paymentDebtor.length, a.paymentDebtor.length, (row, afterRow) =>
    b.paymentDebtor[row] === a.paymentDebtor[afterRow] && b.paymentDay[row] === a.paymentDay[afterRow] && Object.is(b.paymentAmount[row], a.paymentAmount[afterRow]) && Object.is(b.paymentUnapplied[row], a.paymentUnapplied[afterRow]) &&
    b.paymentCurrency[row] === a.paymentCurrency[afterRow] && bt.paymentIds[row] === at.paymentIds[afterRow] && bt.paymentReferences[row] === at.paymentReferences[afterRow] && bt.paymentRemittances[row] === at.paymentRemittances[afterRow] &&
    bt.paymentCounterpartyNames[row] === at.paymentCounterpartyNames[afterRow] && bt.paymentCounterpartyIbans[row] === at.paymentCounterpartyIbans[afterRow],
  );
  if (!payments) return undefined;
  const sourceOf = (source: number) => (source >= 0 ? payments.rowOf[source]! : source);
  const allocations = align(b.allocationItem.length, a.allocationItem.length, (row, afterRow) =>
    b.allocationItem[row] === a.allocationItem[afterRow] && sourceOf(b.allocationSource[row]!) === a.allocationSource[afterRow] && Object.is(b.allocationAmount[row], a.allocationAmount[afterRow]) && b.allocationDay[row] === a.allocationDay[afterRow],
  );
  if (!allocations) return undefined;
  const openRows: number[] = [];
  for (let row = 0; row < a.itemOpen.length; row += 1) {
    if (Object.is(b.itemOpen[row], a.itemOpen[row])) continue;
    // An invoice opened (not paid) is not among the chunk's open invoices kept beside it, which the delta is folded into too (open-invoices-overlay.ts).
    if (!(b.itemOpen[row]! > 0) && a.itemOpen[row]! > 0 && !(a.itemFlags[row]! & FLAG_CREDIT_NOTE)) return undefined;
    openRows.push(row);
  }
  const changedOpen = Int32Array.from(openRows);

  const { inserted: paymentAt } = payments;
  const { inserted: allocationAt } = allocations;
  const numbers: NumbersDelta = {
    paymentAt,
    paymentDebtor: gather(a.paymentDebtor, paymentAt),
    paymentDay: gather(a.paymentDay, paymentAt),
    paymentAmount: gather(a.paymentAmount, paymentAt),
    paymentUnapplied: gather(a.paymentUnapplied, paymentAt),
    paymentCurrency: gather(a.paymentCurrency, paymentAt),
    allocationAt,
    allocationItem: gather(a.allocationItem, allocationAt),
    allocationSource: gather(a.allocationSource, allocationAt),
    allocationAmount: gather(a.allocationAmount, allocationAt),
    allocationDay: gather(a.allocationDay, allocationAt),
    openRows: changedOpen,
    openValues: gather(a.itemOpen, changedOpen),
  };
  const texts: TextsDelta = {
    paymentAt,
    paymentIds: gatherTexts(at.paymentIds, paymentAt),
    paymentReferences: gatherTexts(at.paymentReferences, paymentAt),
    paymentRemittances: gatherTexts(at.paymentRemittances, paymentAt),
    paymentCounterpartyNames: gatherTexts(at.paymentCounterpartyNames, paymentAt),
    paymentCounterpartyIbans: gatherTexts(at.paymentCounterpartyIbans, paymentAt),
  };
  return { numbers: { chunkId: a.chunkId, deltas: [...kept.numbers, numbers] }, texts: { chunkId: a.chunkId, deltas: [...kept.texts, texts] } };
}

function deltasOf<D>(overlay: { readonly deltas: readonly D[] } | object): readonly D[] | undefined {
  return 'deltas' in overlay ? overlay.deltas : undefined;
}

/** For each row of the result, -1 where a delta row goes, else the row of the chunk it is. */
function rowsFrom(count: number, at: Int32Array): Int32Array {
  const from = new Int32Array(count + at.length);
  let next = 0;
  let row = 0;
  for (let index = 0; index < from.length; index += 1) {
    if (next < at.length && at[next] === index) {
      from[index] = -1;
      next += 1;
    } else from[index] = row++;
  }
  return from;
}

function merged<T extends Int32Array | Float64Array | Uint8Array>(column: T, from: Int32Array, added: T, map?: (value: number) => number): T {
  const result = new (column.constructor as new (length: number) => T)(from.length);
  let next = 0;
  for (let index = 0; index < from.length; index += 1) {
    const row = from[index]!;
    result[index] = row < 0 ? added[next++]! : map ? map(column[row]!) : column[row]!;
  }
  return result;
}

function mergedTexts(column: readonly string[], from: Int32Array, added: readonly string[]): string[] {
  const result: string[] = [];
  let next = 0;
  for (let index = 0; index < from.length; index += 1) {
    const row = from[index]!;
    result.push(row < 0 ? added[next++]! : column[row]!);
  }
  return result;
}

function foldNumbers(numbers: LedgerChunkNumbers, delta: NumbersDelta): LedgerChunkNumbers {
  const payments = rowsFrom(numbers.paymentDebtor.length, delta.paymentAt);
  const newRow = new Int32Array(numbers.paymentDebtor.length);
  payments.forEach((row, index) => {
    if (row >= 0) newRow[row] = index;
  });
  const allocations = rowsFrom(numbers.allocationItem.length, delta.allocationAt);
  const itemOpen = numbers.itemOpen.slice();
  delta.openRows.forEach((row, index) => {
    itemOpen[row] = delta.openValues[index]!;
  });
  return {
    ...numbers,
    itemOpen,
    paymentDebtor: merged(numbers.paymentDebtor, payments, delta.paymentDebtor),
    paymentDay: merged(numbers.paymentDay, payments, delta.paymentDay),
    paymentAmount: merged(numbers.paymentAmount, payments, delta.paymentAmount),
    paymentUnapplied: merged(numbers.paymentUnapplied, payments, delta.paymentUnapplied),
    paymentCurrency: merged(numbers.paymentCurrency, payments, delta.paymentCurrency),
    allocationItem: merged(numbers.allocationItem, allocations, delta.allocationItem),
    allocationSource: merged(numbers.allocationSource, allocations, delta.allocationSource, (source) => (source >= 0 ? newRow[source]! : source)),
    allocationAmount: merged(numbers.allocationAmount, allocations, delta.allocationAmount),
    allocationDay: merged(numbers.allocationDay, allocations, delta.allocationDay),
  };
}

function foldTexts(texts: LedgerChunkTexts, delta: TextsDelta): LedgerChunkTexts {
  const payments = rowsFrom(texts.paymentIds.length, delta.paymentAt);
  return {
    ...texts,
    paymentIds: mergedTexts(texts.paymentIds, payments, delta.paymentIds),
    paymentReferences: mergedTexts(texts.paymentReferences, payments, delta.paymentReferences),
    paymentRemittances: mergedTexts(texts.paymentRemittances, payments, delta.paymentRemittances),
    paymentCounterpartyNames: mergedTexts(texts.paymentCounterpartyNames, payments, delta.paymentCounterpartyNames),
    paymentCounterpartyIbans: mergedTexts(texts.paymentCounterpartyIbans, payments, delta.paymentCounterpartyIbans),
  };
}

/** The chunk's numbers as stored with its overlay folded in. */
export function withNumbersOverlay(numbers: LedgerChunkNumbers, overlay: LedgerNumbersOverlay | undefined): LedgerChunkNumbers {
  if (!overlay) return numbers;
  if (!('deltas' in overlay)) return { ...numbers, ...pick(overlay, OVERLAY_NUMBER_COLUMNS) };
  return overlay.deltas.reduce(foldNumbers, numbers);
}

/** The chunk's texts as stored with its overlay folded in. */
export function withTextsOverlay(texts: LedgerChunkTexts, overlay: LedgerTextsOverlay | undefined): LedgerChunkTexts {
  if (!overlay) return texts;
  if (!('deltas' in overlay)) return { ...texts, ...pick(overlay, OVERLAY_TEXT_COLUMNS) };
  return overlay.deltas.reduce(foldTexts, texts);
}
