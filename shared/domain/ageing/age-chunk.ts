import { FLAG_CREDIT_NOTE, FLAG_DISPUTED, type LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { bucketIndex, type AgeingConfig } from './ageing-config';
import type { AgeingTable } from './ageing-table';
import { openAmountsAsOf, type OpenAmounts } from './open-as-of';

export interface ChunkGrouping {
  /** The table group of each debtor slot of the chunk, or −1 to leave the debtor out. */
  readonly groupOfSlot: Int32Array;
  /** The table's currency index of each of the chunk's currencies. */
  readonly tableCurrencyOf: Int32Array;
}

/**
 * Adds one chunk's receivables, as they stood on `asOfDay`, to an ageing table. Invoices go into their
 * bucket; unused credit notes and unapplied cash into their own columns (shown apart and netted per
 * customer, law-and-formats.md §C.1); disputed invoices stay in their bucket and are also totalled apart.
 * A caller that needs the open amounts on that date itself passes them in (`open`), so they are
 * reconstructed once per chunk.
 */
export function ageChunk(numbers: LedgerChunkNumbers, asOfDay: number, config: AgeingConfig, grouping: ChunkGrouping, table: AgeingTable, open: OpenAmounts = openAmountsAsOf(numbers, asOfDay)): void {
  const { itemOpen, paymentUnapplied } = open;
  const referenceDays = config.basis === 'due-date' ? numbers.itemDueDay : numbers.itemInvoiceDay;
  const { boundaries } = config;
  const { groupOfSlot, tableCurrencyOf } = grouping;

  for (let row = 0; row < itemOpen.length; row += 1) {
    const open = itemOpen[row]!;
    if (open === 0) continue;
    const group = groupOfSlot[numbers.itemDebtor[row]!]!;
    if (group < 0) continue;
    const currency = tableCurrencyOf[numbers.itemCurrency[row]!]!;
    const flags = numbers.itemFlags[row]!;
    if (flags & FLAG_CREDIT_NOTE) {
      table.addToExtra(group, currency, 'credits', open);
      continue;
    }
    table.addToBucket(group, currency, bucketIndex(asOfDay - referenceDays[row]!, boundaries), open);
    if (flags & FLAG_DISPUTED) table.addToExtra(group, currency, 'disputed', open);
  }
  for (let row = 0; row < paymentUnapplied.length; row += 1) {
    const unapplied = paymentUnapplied[row]!;
    if (unapplied === 0) continue;
    const group = groupOfSlot[numbers.paymentDebtor[row]!]!;
    if (group < 0) continue;
    table.addToExtra(group, tableCurrencyOf[numbers.paymentCurrency[row]!]!, 'unappliedCash', unapplied);
  }
}
