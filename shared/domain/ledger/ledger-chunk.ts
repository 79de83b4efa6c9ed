import { fromDayNumber, toDayNumber } from '../../time/iso-date';
import { DISPUTE_REASONS, itemId, type DebtorLedger, type DisputeReason, type LedgerAllocation, type LedgerItem, type LedgerPayment } from './ledger-types';

/**
 * The ledgers of a group of debtors stored as columns. Measured in Chromium on the 2-core build machines
 * with a million invoices, one record per invoice wrote 5–7 thousand rows a second; one columnar record
 * per 100 debtors wrote the million in 3.4 s and read it back in 1.0 s, and keeping the numbers apart from
 * the text let ageing read only the numbers (0.56 s). So a chunk is two records:
 *
 * - `LedgerChunkNumbers`: typed arrays (dates as day numbers, amounts as integer minor units in doubles,
 *   exact up to 2^53), everything ageing, exposure and KPIs need, plus the short lists that give the
 *   numbers their meaning (which debtor each slot is, its country, which currency each index is);
 * - `LedgerChunkTexts`: the strings (ids, invoice numbers, references), needed to show and match items.
 *
 * Rows of one debtor are contiguous and in a stable order; row indices tie the columns together.
 */
export interface LedgerChunkNumbers {
  readonly chunkId: number;
  /** Debtor ids by slot: `itemDebtor` and `paymentDebtor` hold slots into this list. */
  readonly debtorIds: readonly string[];
  readonly debtorCountries: readonly string[];
  readonly currencies: readonly string[];
  readonly itemDebtor: Int32Array;
  readonly itemInvoiceDay: Int32Array;
  readonly itemDueDay: Int32Array;
  readonly itemAmount: Float64Array;
  readonly itemVat: Float64Array;
  readonly itemOpen: Float64Array;
  readonly itemCurrency: Uint8Array;
  /** Bit 1: credit note. Bit 2: disputed. */
  readonly itemFlags: Uint8Array;
  readonly itemDisputeDay: Int32Array;
  readonly paymentDebtor: Int32Array;
  readonly paymentDay: Int32Array;
  readonly paymentAmount: Float64Array;
  readonly paymentUnapplied: Float64Array;
  readonly paymentCurrency: Uint8Array;
  /** The invoice row each allocation settles. */
  readonly allocationItem: Int32Array;
  /** The payment row (≥ 0); for a credit note, −1 − its item row; EXTERNAL_SOURCE for a settlement outside Kredo. */
  readonly allocationSource: Int32Array;
  readonly allocationAmount: Float64Array;
  readonly allocationDay: Int32Array;
}

export interface LedgerChunkTexts {
  readonly chunkId: number;
  readonly itemNumbers: readonly string[];
  readonly itemReferences: readonly string[];
  readonly itemDisputeReasons: readonly string[];
  readonly paymentIds: readonly string[];
  readonly paymentReferences: readonly string[];
  readonly paymentRemittances: readonly string[];
  readonly paymentCounterpartyNames: readonly string[];
  readonly paymentCounterpartyIbans: readonly string[];
}

export interface EncodedLedgerChunk {
  readonly numbers: LedgerChunkNumbers;
  readonly texts: LedgerChunkTexts;
}

/** The allocation source of a settlement outside Kredo; no row can have this index (Int32's lowest value). */
export const EXTERNAL_SOURCE = -0x8000_0000;

export const FLAG_CREDIT_NOTE = 1;
export const FLAG_DISPUTED = 2;

/** Encodes whole debtor ledgers into one chunk (the order of `ledgers` is kept); `countries` runs alongside. */
export function encodeLedgerChunk(chunkId: number, ledgers: readonly DebtorLedger[], countries: readonly string[]): EncodedLedgerChunk {
  if (countries.length !== ledgers.length) throw new RangeError('encodeLedgerChunk needs a country for every ledger');
  const itemCount = ledgers.reduce((sum, ledger) => sum + ledger.items.length, 0);
  const paymentCount = ledgers.reduce((sum, ledger) => sum + ledger.payments.length, 0);
  const allocationCount = ledgers.reduce((sum, ledger) => sum + ledger.allocations.length, 0);
  const currencies: string[] = [];
  const currencyIndex = (code: string) => {
    let index = currencies.indexOf(code);
    if (index < 0) {
      if (currencies.length === 255) throw new RangeError('A ledger chunk holds at most 255 currencies');
      index = currencies.push(code) - 1;
    }
    return index;
  };

  const numbers: LedgerChunkNumbers = {
    chunkId,
    debtorIds: ledgers.map((ledger) => ledger.debtorId),
    debtorCountries: countries,
    currencies,
    itemDebtor: new Int32Array(itemCount),
    itemInvoiceDay: new Int32Array(itemCount),
    itemDueDay: new Int32Array(itemCount),
    itemAmount: new Float64Array(itemCount),
    itemVat: new Float64Array(itemCount),
    itemOpen: new Float64Array(itemCount),
    itemCurrency: new Uint8Array(itemCount),
    itemFlags: new Uint8Array(itemCount),
    itemDisputeDay: new Int32Array(itemCount),
    paymentDebtor: new Int32Array(paymentCount),
    paymentDay: new Int32Array(paymentCount),
    paymentAmount: new Float64Array(paymentCount),
    paymentUnapplied: new Float64Array(paymentCount),
    paymentCurrency: new Uint8Array(paymentCount),
    allocationItem: new Int32Array(allocationCount),
    allocationSource: new Int32Array(allocationCount),
    allocationAmount: new Float64Array(allocationCount),
    allocationDay: new Int32Array(allocationCount),
  };
  // Filled by push, never pre-sized: `new Array(n)` makes a holey array, which the structured clone of an
  // IndexedDB put writes as a sparse array, index by index — measured in Chromium at tier L, 200 chunks'
  // texts took about twice as long to put (median 9.0 against 4.9 s under load 16–19; issue 14).
  const texts = {
    chunkId,
    itemNumbers: [] as string[],
    itemReferences: [] as string[],
    itemDisputeReasons: [] as string[],
    paymentIds: [] as string[],
    paymentReferences: [] as string[],
    paymentRemittances: [] as string[],
    paymentCounterpartyNames: [] as string[],
    paymentCounterpartyIbans: [] as string[],
  };

  let itemRow = 0;
  let paymentRow = 0;
  let allocationRow = 0;
  ledgers.forEach((ledger, slot) => {
    // Row lookups are only needed to place allocations. Hashing a million item ids costs seconds in
    // Chromium when the heap is large (measured: 8 s at tier L), so a ledger without allocations skips it.
    const hasAllocations = ledger.allocations.length > 0;
    const itemRows = new Map<string, number>();
    const paymentRows = new Map<string, number>();
    for (const item of ledger.items) {
      if (hasAllocations) itemRows.set(item.id, itemRow);
      numbers.itemDebtor[itemRow] = slot;
      numbers.itemInvoiceDay[itemRow] = toDayNumber(item.invoiceDate);
      numbers.itemDueDay[itemRow] = toDayNumber(item.dueDate);
      numbers.itemAmount[itemRow] = item.amountMinor;
      numbers.itemVat[itemRow] = item.vatMinor;
      numbers.itemOpen[itemRow] = item.openMinor;
      numbers.itemCurrency[itemRow] = currencyIndex(item.currency);
      numbers.itemFlags[itemRow] = (item.kind === 'credit-note' ? FLAG_CREDIT_NOTE : 0) | (item.dispute ? FLAG_DISPUTED : 0);
      numbers.itemDisputeDay[itemRow] = item.dispute ? toDayNumber(item.dispute.since) : 0;
      texts.itemNumbers.push(item.number);
      texts.itemReferences.push(item.paymentReference);
      texts.itemDisputeReasons.push(item.dispute?.reason ?? '');
      itemRow += 1;
    }
    for (const payment of ledger.payments) {
      if (hasAllocations) paymentRows.set(payment.id, paymentRow);
      numbers.paymentDebtor[paymentRow] = slot;
      numbers.paymentDay[paymentRow] = toDayNumber(payment.date);
      numbers.paymentAmount[paymentRow] = payment.amountMinor;
      numbers.paymentUnapplied[paymentRow] = payment.unappliedMinor;
      numbers.paymentCurrency[paymentRow] = currencyIndex(payment.currency);
      texts.paymentIds.push(payment.id);
      texts.paymentReferences.push(payment.reference);
      texts.paymentRemittances.push(payment.remittance);
      texts.paymentCounterpartyNames.push(payment.counterpartyName);
      texts.paymentCounterpartyIbans.push(payment.counterpartyIban);
      paymentRow += 1;
    }
    for (const allocation of ledger.allocations) {
      const target = itemRows.get(allocation.itemId);
      const { source } = allocation;
      const sourceRow = source.kind === 'payment' ? paymentRows.get(source.paymentId) : source.kind === 'credit-note' ? itemRows.get(source.itemId) : EXTERNAL_SOURCE;
      if (target === undefined || sourceRow === undefined) throw new RangeError(`Allocation refers to a record outside ledger ${ledger.debtorId}`);
      numbers.allocationItem[allocationRow] = target;
      numbers.allocationSource[allocationRow] = source.kind === 'credit-note' ? -1 - sourceRow : sourceRow;
      numbers.allocationAmount[allocationRow] = allocation.amountMinor;
      numbers.allocationDay[allocationRow] = toDayNumber(allocation.date);
      allocationRow += 1;
    }
  });
  return { numbers, texts };
}

/** One item row of a chunk as a ledger item (`id` is `itemId(debtorId, number)`, which callers often have already). */
export function decodeLedgerItem({ numbers, texts }: EncodedLedgerChunk, row: number, id: string): LedgerItem {
  const flags = numbers.itemFlags[row]!;
  const disputeReason = texts.itemDisputeReasons[row] as DisputeReason;
  return {
    id,
    debtorId: numbers.debtorIds[numbers.itemDebtor[row]!]!,
    number: texts.itemNumbers[row]!,
    kind: flags & FLAG_CREDIT_NOTE ? 'credit-note' : 'invoice',
    invoiceDate: fromDayNumber(numbers.itemInvoiceDay[row]!),
    dueDate: fromDayNumber(numbers.itemDueDay[row]!),
    currency: numbers.currencies[numbers.itemCurrency[row]!]!,
    amountMinor: numbers.itemAmount[row]!,
    vatMinor: numbers.itemVat[row]!,
    openMinor: numbers.itemOpen[row]!,
    paymentReference: texts.itemReferences[row]!,
    // A dispute pauses dunning of the invoice; an unknown stored reason is read as no dispute.
    ...(flags & FLAG_DISPUTED && DISPUTE_REASONS.includes(disputeReason) && { dispute: { reason: disputeReason, since: fromDayNumber(numbers.itemDisputeDay[row]!) } }),
  };
}

/** Decodes a chunk back into debtor ledgers; with `debtorIds`, only those debtors. */
export function decodeLedgerChunk(chunk: EncodedLedgerChunk, debtorIds?: ReadonlySet<string>): DebtorLedger[] {
  const { numbers, texts } = chunk;
  const wanted = numbers.debtorIds.map((id) => !debtorIds || debtorIds.has(id));
  const items: LedgerItem[][] = numbers.debtorIds.map(() => []);
  const payments: LedgerPayment[][] = numbers.debtorIds.map(() => []);
  const allocations: LedgerAllocation[][] = numbers.debtorIds.map(() => []);
  const itemIds = new Array<string>(numbers.itemDebtor.length);

  for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
    const slot = numbers.itemDebtor[row]!;
    const debtorId = numbers.debtorIds[slot]!;
    itemIds[row] = itemId(debtorId, texts.itemNumbers[row]!);
    if (!wanted[slot]) continue;
    items[slot]!.push(decodeLedgerItem(chunk, row, itemIds[row]!));
  }
  for (let row = 0; row < numbers.paymentDebtor.length; row += 1) {
    const slot = numbers.paymentDebtor[row]!;
    if (!wanted[slot]) continue;
    payments[slot]!.push({
      id: texts.paymentIds[row]!,
      debtorId: numbers.debtorIds[slot]!,
      date: fromDayNumber(numbers.paymentDay[row]!),
      currency: numbers.currencies[numbers.paymentCurrency[row]!]!,
      amountMinor: numbers.paymentAmount[row]!,
      unappliedMinor: numbers.paymentUnapplied[row]!,
      reference: texts.paymentReferences[row]!,
      remittance: texts.paymentRemittances[row]!,
      counterpartyName: texts.paymentCounterpartyNames[row]!,
      counterpartyIban: texts.paymentCounterpartyIbans[row]!,
    });
  }
  for (let row = 0; row < numbers.allocationItem.length; row += 1) {
    const target = numbers.allocationItem[row]!;
    const slot = numbers.itemDebtor[target]!;
    if (!wanted[slot]) continue;
    const source = numbers.allocationSource[row]!;
    allocations[slot]!.push({
      itemId: itemIds[target]!,
      source: source >= 0 ? { kind: 'payment', paymentId: texts.paymentIds[source]! } : source === EXTERNAL_SOURCE ? { kind: 'external' } : { kind: 'credit-note', itemId: itemIds[-1 - source]! },
      amountMinor: numbers.allocationAmount[row]!,
      date: fromDayNumber(numbers.allocationDay[row]!),
    });
  }
  return numbers.debtorIds
    .map((debtorId, slot) => ({ debtorId, items: items[slot]!, payments: payments[slot]!, allocations: allocations[slot]! }))
    .filter((_ledger, slot) => wanted[slot]);
}
