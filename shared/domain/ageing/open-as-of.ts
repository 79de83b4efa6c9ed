import { EXTERNAL_SOURCE, FLAG_CREDIT_NOTE, type LedgerChunkNumbers } from '../ledger/ledger-chunk';

export interface OpenAmounts {
  /** Per item row: what was open on the date (0 for items not yet issued). */
  readonly itemOpen: Float64Array;
  /** Per payment row: what was received but not yet allocated on the date. */
  readonly paymentUnapplied: Float64Array;
}

/**
 * Reconstructs a chunk's open amounts on any date from today's open amounts and the dated allocations:
 * what was settled after the date was still open on it. O(items + allocations), so the ageing of any past
 * month-end costs the same as today's.
 */
export function openAmountsAsOf(numbers: LedgerChunkNumbers, asOfDay: number, into?: OpenAmounts): OpenAmounts {
  // Copied with the typed-array constructor or `set`: `Float64Array.from` walks its source through the
  // iterator protocol, some fifteen times slower, and this runs for every chunk of every summary refresh.
  // `into`, storage of the chunk's lengths the caller reuses, spares a tier-L refresh thousands of buffers.
  const itemOpen = into ? copyInto(into.itemOpen, numbers.itemOpen) : new Float64Array(numbers.itemOpen);
  const paymentUnapplied = into ? copyInto(into.paymentUnapplied, numbers.paymentUnapplied) : new Float64Array(numbers.paymentUnapplied);
  const { allocationDay, allocationItem, allocationSource, allocationAmount } = numbers;
  for (let row = 0; row < allocationDay.length; row += 1) {
    if (allocationDay[row]! <= asOfDay) continue;
    const amount = allocationAmount[row]!;
    const item = allocationItem[row]!;
    itemOpen[item] = itemOpen[item]! + amount;
    const source = allocationSource[row]!;
    if (source >= 0) paymentUnapplied[source] = paymentUnapplied[source]! + amount;
    else if (source !== EXTERNAL_SOURCE) itemOpen[-1 - source] = itemOpen[-1 - source]! - amount;
  }
  for (let row = 0; row < itemOpen.length; row += 1) {
    if (numbers.itemInvoiceDay[row]! > asOfDay) itemOpen[row] = 0;
  }
  for (let row = 0; row < paymentUnapplied.length; row += 1) {
    if (numbers.paymentDay[row]! > asOfDay) paymentUnapplied[row] = 0;
  }
  return { itemOpen, paymentUnapplied };
}

function copyInto(target: Float64Array, source: Float64Array): Float64Array {
  if (target.length !== source.length) throw new RangeError(`Open amounts for ${source.length} rows, not ${target.length}`);
  target.set(source);
  return target;
}

export function isCreditNote(numbers: LedgerChunkNumbers, row: number): boolean {
  return (numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) !== 0;
}
