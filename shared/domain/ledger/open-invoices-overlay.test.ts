import { describe, expect, it } from 'vitest';
import { encodeLedgerChunk, type EncodedLedgerChunk } from './ledger-chunk';
import { ledgerOverlayOf } from './ledger-overlay';
import { openInvoicesOf } from './open-invoices';
import { withOpenInvoicesOverlay } from './open-invoices-overlay';
import { testItem, testLedger } from './test-ledger';

/** One debtor's chunk of `count` open invoices of 100.00 each, numbered 1…count, with a credit note among them. */
function chunkOf(count: number): EncodedLedgerChunk {
  const items = Array.from({ length: count }, (_, index) => testItem('A', String(index + 1), { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amountMinor: 10_000 }));
  items.splice(3, 0, testItem('A', 'CN-1', { invoiceDate: '2026-01-02', dueDate: '2026-01-02', amountMinor: -2_500, kind: 'credit-note' }));
  return encodeLedgerChunk(4, [testLedger('A', items)], ['NL']);
}

/** The chunk with these item rows' open amounts set. */
function withOpen(chunk: EncodedLedgerChunk, open: ReadonlyMap<number, number>): EncodedLedgerChunk {
  const itemOpen = chunk.numbers.itemOpen.slice();
  for (const [row, value] of open) itemOpen[row] = value;
  return { ...chunk, numbers: { ...chunk.numbers, itemOpen } };
}

describe('a chunk’s open invoices with its bank overlay folded in', () => {
  it('drops the invoices paid in full and keeps the others’ texts in order — over hundreds of rows, runs and gaps', () => {
    const stored = chunkOf(600);
    // Every third invoice paid in full, every seventh paid in part: runs of kept rows and gaps of every length.
    const paid = new Map<number, number>();
    for (let row = 0; row < 601; row += 1) if (row !== 3 && row % 3 === 0) paid.set(row, 0);
    else if (row !== 3 && row % 7 === 0) paid.set(row, 4_000);
    const booked = withOpen(stored, paid);
    const overlay = ledgerOverlayOf(stored, booked)!;
    const folded = withOpenInvoicesOverlay(openInvoicesOf(stored), overlay.numbers);
    expect(folded).toEqual(openInvoicesOf(booked));
    expect(folded.open.length).toBeLessThan(openInvoicesOf(stored).open.length);
  });

  it('reads a record from before migration 0029 (no item rows) as it is: it was written with its overlay in it', () => {
    const stored = chunkOf(5);
    const booked = withOpen(stored, new Map([[0, 0]]));
    const { itemRow: _rows, ...before0029 } = openInvoicesOf(booked);
    expect(withOpenInvoicesOverlay(before0029, ledgerOverlayOf(stored, booked)!.numbers)).toBe(before0029);
  });

  it('keeps no delta for a booking that opens an invoice: the chunk is then written whole', () => {
    const paid = withOpen(chunkOf(5), new Map([[1, 0]]));
    expect(ledgerOverlayOf(paid, withOpen(paid, new Map([[1, 500]])))).toBeUndefined();
    // A credit note is never among the open invoices, whatever its open amount.
    expect(ledgerOverlayOf(paid, withOpen(paid, new Map([[3, 0]])))).toBeDefined();
  });
});
