import { fromDayNumber } from '../../time/iso-date';
import { DISPUTE_REASONS, type DisputeReason, type LedgerItem } from './ledger-types';
import { FLAG_CREDIT_NOTE, FLAG_DISPUTED, type EncodedLedgerChunk } from './ledger-chunk';

/**
 * A ledger chunk's open invoices (not credit notes, open amount above zero) on their own, kept beside the
 * chunk so the Dunning worklist reads them instead of the whole ledger (issue 14). At tier L a chunk's
 * columns and texts are some 5,000 invoices, 1,500 payments and 12,000 strings; the worklist needs only the
 * open invoices (under half), and of their texts only those of the invoices that can have work today. So
 * the texts are one string with the end of each piece beside it, cut out per invoice when it is needed:
 * reading one string is a copy, where reading thousands of strings costs IndexedDB one object each.
 *
 * Rows are the chunk's open invoice rows in the chunk's order (a debtor's rows stay contiguous).
 */
export interface OpenInvoiceChunk {
  readonly chunkId: number;
  readonly debtorIds: readonly string[];
  readonly currencies: readonly string[];
  readonly slot: Int32Array;
  readonly invoiceDay: Int32Array;
  readonly dueDay: Int32Array;
  readonly amount: Float64Array;
  readonly vat: Float64Array;
  readonly open: Float64Array;
  readonly currency: Uint8Array;
  readonly flags: Uint8Array;
  readonly disputeDay: Int32Array;
  /**
   * The row of each open invoice among the chunk's items, ascending (since migration 0029): a bank import's
   * overlay names the items whose open amount it changed by these rows, and is folded into the record as read
   * (open-invoices-overlay.ts) instead of the record being written again. Records written before 0029 lack it.
   */
  readonly itemRow?: Int32Array;
  /** Per row its number, payment reference and dispute reason, one after the other. */
  readonly text: string;
  /** Where each of those pieces ends in `text`: three per row. */
  readonly textEnds: Int32Array;
}

/** The open invoices of an encoded ledger chunk, as decodeLedgerItem would give them (openInvoiceItem). */
export function openInvoicesOf({ numbers, texts }: EncodedLedgerChunk): OpenInvoiceChunk {
  // Plain loops over the columns: this runs for every chunk an import writes (a million rows at tier L).
  const total = numbers.itemDebtor.length;
  let count = 0;
  for (let row = 0; row < total; row += 1) if (!(numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) && numbers.itemOpen[row]! > 0) count += 1;
  const chunk = {
    chunkId: numbers.chunkId,
    debtorIds: numbers.debtorIds,
    currencies: numbers.currencies,
    slot: new Int32Array(count),
    invoiceDay: new Int32Array(count),
    dueDay: new Int32Array(count),
    amount: new Float64Array(count),
    vat: new Float64Array(count),
    open: new Float64Array(count),
    currency: new Uint8Array(count),
    flags: new Uint8Array(count),
    disputeDay: new Int32Array(count),
    itemRow: new Int32Array(count),
    text: '',
    textEnds: new Int32Array(count * 3),
  };
  let text = '';
  let at = 0;
  for (let row = 0; row < total; row += 1) {
    if (numbers.itemFlags[row]! & FLAG_CREDIT_NOTE || !(numbers.itemOpen[row]! > 0)) continue;
    chunk.slot[at] = numbers.itemDebtor[row]!;
    chunk.invoiceDay[at] = numbers.itemInvoiceDay[row]!;
    chunk.dueDay[at] = numbers.itemDueDay[row]!;
    chunk.amount[at] = numbers.itemAmount[row]!;
    chunk.vat[at] = numbers.itemVat[row]!;
    chunk.open[at] = numbers.itemOpen[row]!;
    chunk.currency[at] = numbers.itemCurrency[row]!;
    chunk.flags[at] = numbers.itemFlags[row]!;
    chunk.disputeDay[at] = numbers.itemDisputeDay[row]!;
    chunk.itemRow[at] = row;
    text += texts.itemNumbers[row] ?? '';
    chunk.textEnds[at * 3] = text.length;
    text += texts.itemReferences[row] ?? '';
    chunk.textEnds[at * 3 + 1] = text.length;
    text += texts.itemDisputeReasons[row] ?? '';
    chunk.textEnds[at * 3 + 2] = text.length;
    at += 1;
  }
  return { ...chunk, text };
}

/** Piece `piece` (0 number, 1 payment reference, 2 dispute reason) of a row's texts. */
export function openInvoiceText(chunk: OpenInvoiceChunk, row: number, piece: 0 | 1 | 2): string {
  const at = row * 3 + piece;
  return chunk.text.slice(at === 0 ? 0 : chunk.textEnds[at - 1]!, chunk.textEnds[at]!);
}

/** One row as a ledger item, equal to decodeLedgerItem of the same invoice in its chunk (`id` is itemId(debtorId, number)). */
export function openInvoiceItem(chunk: OpenInvoiceChunk, row: number, id: string): LedgerItem {
  const flags = chunk.flags[row]!;
  const disputeReason = openInvoiceText(chunk, row, 2) as DisputeReason;
  return {
    id,
    debtorId: chunk.debtorIds[chunk.slot[row]!]!,
    number: openInvoiceText(chunk, row, 0),
    kind: 'invoice',
    invoiceDate: fromDayNumber(chunk.invoiceDay[row]!),
    dueDate: fromDayNumber(chunk.dueDay[row]!),
    currency: chunk.currencies[chunk.currency[row]!]!,
    amountMinor: chunk.amount[row]!,
    vatMinor: chunk.vat[row]!,
    openMinor: chunk.open[row]!,
    paymentReference: openInvoiceText(chunk, row, 1),
    // As decodeLedgerItem: a dispute pauses dunning of the invoice; an unknown stored reason is read as no dispute.
    ...(flags & FLAG_DISPUTED && DISPUTE_REASONS.includes(disputeReason) && { dispute: { reason: disputeReason, since: fromDayNumber(chunk.disputeDay[row]!) } }),
  };
}
