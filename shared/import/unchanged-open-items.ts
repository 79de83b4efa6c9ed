import type { LedgerChunkNumbers, LedgerChunkTexts } from '../domain/ledger/ledger-chunk';
import type { CustomerLines, LineCursor } from './open-item-lines';

/** Where each debtor's items are in a chunk: slot `s` holds rows `starts[s]` to `starts[s + 1]`. */
export type ItemRowRanges = Int32Array;

/**
 * The item rows of each debtor slot, or undefined when a chunk's rows are not grouped by debtor (they
 * always are, see ledger-chunk.ts; a chunk that is not is simply compared the long way).
 */
export function itemRowRanges(numbers: LedgerChunkNumbers): ItemRowRanges | undefined {
  const slots = numbers.debtorIds.length;
  const starts = new Int32Array(slots + 1).fill(-1);
  const { itemDebtor } = numbers;
  let previous = -1;
  for (let row = 0; row < itemDebtor.length; row += 1) {
    const slot = itemDebtor[row]!;
    if (slot === previous) continue;
    if (slot < previous || slot >= slots) return undefined;
    for (let between = previous + 1; between <= slot; between += 1) starts[between] = row;
    previous = slot;
  }
  for (let after = previous + 1; after <= slots; after += 1) starts[after] = itemDebtor.length;
  return starts;
}

export interface UnchangedOpenItems {
  readonly unchanged: number;
  readonly alreadySettled: number;
}

/**
 * Whether an export changes nothing on one debtor's ledger, read straight from the stored columns: every
 * line is an item Kredo has with the same currency and open amount (or one Kredo does not have that the
 * export shows as settled), and, for a full export, every item Kredo has open is in the file. Then
 * diffOpenItems (plan-open-items.ts) would find only unchanged and already settled lines, so the ledger
 * need not be decoded into objects at all: the daily re-import of the same export reads a million items
 * without making a million objects. Anything else (new, settled, different, missing) is undefined, and
 * the debtor is compared the full way.
 */
export function unchangedOpenItems(
  numbers: LedgerChunkNumbers,
  texts: LedgerChunkTexts,
  rows: { readonly start: number; readonly end: number },
  lines: CustomerLines,
  isFullExport: boolean,
): UnchangedOpenItems | undefined {
  const { start, end } = rows;
  const { itemNumbers } = texts;
  const { itemOpen, itemCurrency, currencies } = numbers;
  const count = lines.count;

  // The same export again lists each debtor's invoices in the order they were first stored.
  let row = start;
  if (count === end - start && lines.every((invoiceNumber) => itemNumbers[row++] === invoiceNumber)) {
    row = start;
    const isSame = lines.every((_number, openMinor, currency) => {
      const at = row++;
      return itemOpen[at] === openMinor && currencies[itemCurrency[at]!] === currency;
    });
    return isSame ? { unchanged: count, alreadySettled: 0 } : undefined;
  }

  // As diffOpenItems looks items up: by number, a later row of the same number winning.
  const rowOf = new Map<string, number>();
  for (let at = start; at < end; at += 1) rowOf.set(itemNumbers[at]!, at);
  let unchanged = 0;
  let alreadySettled = 0;
  const isUnchanged = lines.every((invoiceNumber, openMinor, currency) => {
    const at = rowOf.get(invoiceNumber);
    if (at === undefined) {
      if (openMinor !== 0) return false;
      alreadySettled += 1;
      return true;
    }
    if (itemOpen[at] !== openMinor || currencies[itemCurrency[at]!] !== currency) return false;
    unchanged += 1;
    return true;
  });
  if (!isUnchanged) return undefined;
  if (isFullExport) {
    const inFile = new Set<string>();
    lines.every((invoiceNumber) => inFile.add(invoiceNumber) !== undefined);
    for (let at = start; at < end; at += 1) if (itemOpen[at] !== 0 && !inFile.has(itemNumbers[at]!)) return undefined;
  }
  return { unchanged, alreadySettled };
}

/**
 * The common case of `unchangedOpenItems` — the same export again lists each debtor's invoices in the
 * order they were first stored, with the same open amounts and currencies — checked while the file is
 * still arriving: `advance` after each batch reads only the lines that batch added, so by the end of the
 * parse nearly every debtor has been compared (issue 14: comparison overlapped with parsing). `result`
 * is what unchangedOpenItems gives when this case holds, and undefined when it does not — then the debtor
 * is compared by unchangedOpenItems (a file in another order) or the full way.
 */
export class InOrderCheck {
  private readonly cursor: LineCursor = { run: 0 };
  private row: number;
  private isSame = true;

  constructor(
    private readonly numbers: LedgerChunkNumbers,
    private readonly texts: LedgerChunkTexts,
    private readonly rows: { readonly start: number; readonly end: number },
    readonly lines: CustomerLines,
  ) {
    this.row = rows.start;
  }

  /** Compares the lines added since the last call. */
  advance(): void {
    if (!this.isSame) return;
    const { itemNumbers } = this.texts;
    const { itemOpen, itemCurrency, currencies } = this.numbers;
    const { end } = this.rows;
    this.isSame = this.lines.everySince(this.cursor, (invoiceNumber, openMinor, currency) => {
      const at = this.row;
      if (at >= end || itemNumbers[at] !== invoiceNumber || itemOpen[at] !== openMinor || currencies[itemCurrency[at]!] !== currency) return false;
      this.row = at + 1;
      return true;
    });
  }

  /** Once every line is in: the debtor's lines, all as stored, in stored order; undefined otherwise. */
  result(): UnchangedOpenItems | undefined {
    this.advance();
    const { start, end } = this.rows;
    return this.isSame && this.row === end && this.lines.count === end - start ? { unchanged: this.lines.count, alreadySettled: 0 } : undefined;
  }
}
