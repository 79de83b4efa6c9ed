import type { LedgerNumbersOverlay } from './ledger-overlay';
import type { OpenInvoiceChunk } from './open-invoices';

/** The position of `row` in the ascending `rows`, or -1. */
function positionOf(rows: Int32Array, row: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = rows[middle]!;
    if (value === row) return middle;
    if (value < row) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function kept<T extends Int32Array | Float64Array | Uint8Array>(column: T, keep: Uint8Array, count: number): T {
  const result = new (column.constructor as new (length: number) => T)(count);
  let at = 0;
  for (let row = 0; row < keep.length; row += 1) if (keep[row]) result[at++] = column[row]!;
  return result;
}

/**
 * A chunk's open invoices (open-invoices.ts) with the chunk's ledger overlay folded in: the open amounts
 * each bank import's delta changed, and without the invoices they paid in full — exactly openInvoicesOf the
 * chunk as read with its overlay folded in (issue 14: at tier L, writing every booked chunk's open invoices
 * again was a third of a 10,000-line bank import's commit). A delta gives each changed open amount as it is
 * after the booking, not the change, so folding a delta the record already holds changes nothing; a booking
 * only lowers open amounts, and one that opened an invoice is never kept as a delta (ledgerOverlayOf).
 *
 * A record without item rows (written before migration 0029) and migration 0025's first form of overlay
 * were always written with the overlay already in them, so they are read as they are.
 */
export function withOpenInvoicesOverlay(chunk: OpenInvoiceChunk, overlay: LedgerNumbersOverlay | undefined): OpenInvoiceChunk {
  const { itemRow } = chunk;
  if (!overlay || !('deltas' in overlay) || !itemRow) return chunk;
  let open: Float64Array | undefined;
  for (const delta of overlay.deltas) {
    for (let index = 0; index < delta.openRows.length; index += 1) {
      const at = positionOf(itemRow, delta.openRows[index]!);
      if (at < 0) continue;
      open ??= chunk.open.slice();
      open[at] = delta.openValues[index]!;
    }
  }
  if (!open) return chunk;
  const keep = new Uint8Array(open.length);
  let count = 0;
  for (let row = 0; row < open.length; row += 1) {
    if (!(open[row]! > 0)) continue;
    keep[row] = 1;
    count += 1;
  }
  if (count === open.length) return { ...chunk, open };

  // The texts of the invoices kept, cut out in runs of consecutive rows.
  const textEnds = new Int32Array(count * 3);
  const pieces: string[] = [];
  let length = 0;
  let at = 0;
  for (let row = 0; row < open.length; ) {
    if (!keep[row]) {
      row += 1;
      continue;
    }
    const first = row;
    while (row < open.length && keep[row]) row += 1;
    const start = first === 0 ? 0 : chunk.textEnds[first * 3 - 1]!;
    pieces.push(chunk.text.slice(start, chunk.textEnds[row * 3 - 1]!));
    for (let end = first * 3; end < row * 3; end += 1) textEnds[at++] = length + chunk.textEnds[end]! - start;
    length += chunk.textEnds[row * 3 - 1]! - start;
  }
  return {
    ...chunk,
    slot: kept(chunk.slot, keep, count),
    invoiceDay: kept(chunk.invoiceDay, keep, count),
    dueDay: kept(chunk.dueDay, keep, count),
    amount: kept(chunk.amount, keep, count),
    vat: kept(chunk.vat, keep, count),
    open: kept(open, keep, count),
    currency: kept(chunk.currency, keep, count),
    flags: kept(chunk.flags, keep, count),
    disputeDay: kept(chunk.disputeDay, keep, count),
    itemRow: kept(itemRow, keep, count),
    text: pieces.join(''),
    textEnds,
  };
}
