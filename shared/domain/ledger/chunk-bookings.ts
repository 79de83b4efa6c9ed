import { fnv1a32 } from '../../hash/fnv1a';
import { toDayNumber } from '../../time/iso-date';
import { receivePayment } from './allocate';
import { decodeLedgerChunk, encodeLedgerChunk, EXTERNAL_SOURCE, FLAG_CREDIT_NOTE, FLAG_DISPUTED, type EncodedLedgerChunk, type LedgerChunkNumbers, type LedgerChunkTexts } from './ledger-chunk';
import { DISPUTE_REASONS, type DebtorLedger, type LedgerPayment } from './ledger-types';

type IncomingPayment = Omit<LedgerPayment, 'unappliedMinor'>;

interface Booking {
  readonly slot: number;
  readonly payment: IncomingPayment;
  readonly targetItemIds: readonly string[];
}

/** What one debtor of the chunk has, and what has been booked on it so far. */
interface SlotState {
  readonly itemStart: number;
  readonly itemEnd: number;
  readonly paymentStart: number;
  readonly paymentEnd: number;
  readonly payments: { readonly payment: IncomingPayment; readonly unappliedMinor: number }[];
  readonly allocations: { readonly itemRow: number; readonly payment: number; readonly amountMinor: number; readonly day: number }[];
}

const isDisputeReason = (reason: string) => (DISPUTE_REASONS as readonly string[]).includes(reason);
/** The collator of compareOldestFirst (allocate.ts): `localeCompare(…, 'en', { numeric: true })` made once. */
const byNumber = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Whether two of `texts[start..end)` are the same text. Open addressing on FNV-1a in a typed array,
 * texts compared only when their hashes share a place: no Map or Set, whose hashing of the strings fresh
 * from IndexedDB (a debtor's every invoice number, most debtors of a tier-L store) took longer than the
 * bookings themselves (issue 14).
 */
function hasRepeatedText(texts: readonly string[], start: number, end: number): boolean {
  const count = end - start;
  if (count < 2) return false;
  let size = 8;
  while (size < count * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let row = start; row < end; row += 1) {
    const text = texts[row]!;
    for (let place = fnv1a32(text) & mask; ; place = (place + 1) & mask) {
      const other = table[place]!;
      if (other < 0) {
        table[place] = row;
        break;
      }
      if (texts[other] === text) return true;
    }
  }
  return false;
}

/** Row ranges per slot: [start, end) of the rows whose slot column holds it, or undefined if a slot's rows are not together and in slot order. */
function slotRanges(slots: Int32Array, slotCount: number): { start: Int32Array; end: Int32Array } | undefined {
  const start = new Int32Array(slotCount);
  const end = new Int32Array(slotCount);
  let row = 0;
  for (let slot = 0; slot < slotCount; slot += 1) {
    start[slot] = row;
    while (row < slots.length && slots[row] === slot) row += 1;
    end[slot] = row;
  }
  return row === slots.length ? { start, end } : undefined;
}

/**
 * Incoming payments booked on one ledger chunk's columns, exactly as `receivePayment` books them on the
 * decoded ledgers and `encodeLedgerChunk` stores the result — the same rows, amounts and order, byte for
 * byte — without turning the chunk's thousands of items into objects and their dates into strings and
 * back (issue 14: a 10,000-line bank statement touches every chunk of a tier-L store, and decoding them
 * took most of its 8 s). Only the booked debtors' rows are looked at; the item columns are shared with
 * the chunk given, apart from the open amounts.
 *
 * A chunk laid out other than `encodeLedgerChunk` writes it (a debtor's rows apart, an invoice number or
 * payment id twice on one ledger, an allocation across ledgers) is booked the decoded way instead, so
 * the outcome is always the decoded one.
 */
export class ChunkBookings {
  private readonly numbers: LedgerChunkNumbers;
  private readonly texts: LedgerChunkTexts;
  private readonly open: Float64Array;
  private readonly items: { start: Int32Array; end: Int32Array } | undefined;
  private readonly paymentRows: { start: Int32Array; end: Int32Array } | undefined;
  private readonly allocationRows: { start: Int32Array; end: Int32Array } | undefined;
  private readonly slots = new Map<number, SlotState>();
  private readonly log: Booking[] = [];
  /** Set once the chunk is booked the decoded way. */
  private ledgers: DebtorLedger[] | undefined;

  constructor(private readonly chunk: EncodedLedgerChunk) {
    this.numbers = chunk.numbers;
    this.texts = chunk.texts;
    this.open = chunk.numbers.itemOpen.slice();
    const slotCount = chunk.numbers.debtorIds.length;
    this.items = slotRanges(chunk.numbers.itemDebtor, slotCount);
    this.paymentRows = slotRanges(chunk.numbers.paymentDebtor, slotCount);
    const allocationSlots = chunk.numbers.allocationItem.map((row) => chunk.numbers.itemDebtor[row] ?? -1);
    this.allocationRows = slotRanges(allocationSlots, slotCount);
    if (!this.items || !this.paymentRows || !this.allocationRows || !this.allocationsStayOnTheirLedger(allocationSlots)) this.decode();
  }

  get chunkId(): number {
    return this.numbers.chunkId;
  }

  /** The slot of a debtor in this chunk, or -1. */
  slotOf(debtorId: string): number {
    return this.numbers.debtorIds.indexOf(debtorId);
  }

  /** Books an incoming payment on the debtor in `slot` (see receivePayment: on the named invoices, or oldest first). */
  book(slot: number, payment: IncomingPayment, targetItemIds: readonly string[]): void {
    if (!this.ledgers && !this.slotState(slot)) this.decode();
    if (this.ledgers) {
      this.ledgers[slot] = receivePayment(this.ledgers[slot]!, payment, { targetItemIds });
      return;
    }
    const state = this.slotState(slot)!;
    if (this.hasPayment(state, payment.id)) throw new RangeError(`Payment ${payment.id} is already booked`);
    if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) throw new RangeError('An allocation needs a positive whole amount');
    this.log.push({ slot, payment, targetItemIds });
    const { numbers, texts, open } = this;
    const currency = numbers.currencies.indexOf(payment.currency);
    const isOpenInvoice = (row: number) => !(numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) && open[row]! > 0 && numbers.itemCurrency[row] === currency;

    // planAllocations: the named invoices, then (when none is named) the undisputed others, oldest first.
    const prefix = `${numbers.debtorIds[slot]!}|`;
    const named: number[] = [];
    for (const id of targetItemIds) {
      const row = id.startsWith(prefix) ? this.rowOfNumber(state, id.slice(prefix.length)) : -1;
      if (row >= 0 && isOpenInvoice(row)) named.push(row);
    }
    const others: number[] = [];
    if (targetItemIds.length === 0) {
      for (let row = state.itemStart; row < state.itemEnd; row += 1) {
        const isDisputed = numbers.itemFlags[row]! & FLAG_DISPUTED && isDisputeReason(texts.itemDisputeReasons[row]!);
        if (isOpenInvoice(row) && !isDisputed) others.push(row);
      }
      others.sort((a, b) => numbers.itemDueDay[a]! - numbers.itemDueDay[b]! || numbers.itemInvoiceDay[a]! - numbers.itemInvoiceDay[b]! || byNumber(texts.itemNumbers[a]!, texts.itemNumbers[b]!));
    }
    let left = payment.amountMinor;
    const plan: { row: number; amountMinor: number }[] = [];
    for (const row of [...named, ...others]) {
      if (left === 0) break;
      const amountMinor = Math.min(left, open[row]!);
      plan.push({ row, amountMinor });
      left -= amountMinor;
    }

    // applyAllocations, with its checks: a plan naming an invoice twice must not settle it twice over.
    let unapplied = payment.amountMinor;
    const paymentIndex = state.payments.length;
    const day = toDayNumber(payment.date);
    for (const { row, amountMinor } of plan) {
      if (amountMinor <= 0 || amountMinor > open[row]!) throw new RangeError(`Allocation of ${amountMinor} does not fit invoice ${prefix}${texts.itemNumbers[row]!}`);
      if (unapplied < amountMinor) throw new RangeError(`Payment ${payment.id} has too little left for this allocation`);
      open[row] = open[row]! - amountMinor;
      unapplied -= amountMinor;
      state.allocations.push({ itemRow: row, payment: paymentIndex, amountMinor, day });
    }
    state.payments.push({ payment, unappliedMinor: unapplied });
  }

  /** The chunk with every booking, as encodeLedgerChunk would store the booked ledgers. */
  result(): EncodedLedgerChunk {
    if (this.ledgers) return encodeLedgerChunk(this.numbers.chunkId, this.ledgers, this.numbers.debtorCountries);
    const { numbers, texts } = this;
    const paymentRanges = this.paymentRows!;
    const allocationRanges = this.allocationRows!;
    const newPayments = [...this.slots.values()].reduce((sum, state) => sum + state.payments.length, 0);
    const newAllocations = [...this.slots.values()].reduce((sum, state) => sum + state.allocations.length, 0);
    const paymentCount = numbers.paymentDebtor.length + newPayments;
    const allocationCount = numbers.allocationItem.length + newAllocations;
    const { currencies, itemCurrency, paymentCurrencyOf } = this.currencies();

    const payment = {
      debtor: new Int32Array(paymentCount), day: new Int32Array(paymentCount), amount: new Float64Array(paymentCount), unapplied: new Float64Array(paymentCount), currency: new Uint8Array(paymentCount),
      ids: new Array<string>(paymentCount), references: new Array<string>(paymentCount), remittances: new Array<string>(paymentCount), names: new Array<string>(paymentCount), ibans: new Array<string>(paymentCount),
    };
    const allocation = { item: new Int32Array(allocationCount), source: new Int32Array(allocationCount), amount: new Float64Array(allocationCount), day: new Int32Array(allocationCount) };
    const newRowOfPayment = new Int32Array(numbers.paymentDebtor.length);
    // The stored rows are copied in runs: up to the next booked debtor's last row, each only moves down by
    // the payments (allocations) booked before it; a booked debtor's new rows follow its stored ones.
    const booked = [...this.slots.entries()].filter(([, state]) => state.payments.length > 0 || state.allocations.length > 0).sort(([a], [b]) => a - b);
    const firstNewPaymentOf = new Map<number, number>();
    let paymentFrom = 0;
    let paymentShift = 0;
    const copyPayments = (end: number) => {
      const to = paymentFrom + paymentShift;
      payment.debtor.set(numbers.paymentDebtor.subarray(paymentFrom, end), to);
      payment.day.set(numbers.paymentDay.subarray(paymentFrom, end), to);
      payment.amount.set(numbers.paymentAmount.subarray(paymentFrom, end), to);
      payment.unapplied.set(numbers.paymentUnapplied.subarray(paymentFrom, end), to);
      for (let row = paymentFrom; row < end; row += 1) {
        const paymentRow = row + paymentShift;
        newRowOfPayment[row] = paymentRow;
        payment.currency[paymentRow] = paymentCurrencyOf(numbers.paymentCurrency[row]!);
        payment.ids[paymentRow] = texts.paymentIds[row]!;
        payment.references[paymentRow] = texts.paymentReferences[row]!;
        payment.remittances[paymentRow] = texts.paymentRemittances[row]!;
        payment.names[paymentRow] = texts.paymentCounterpartyNames[row]!;
        payment.ibans[paymentRow] = texts.paymentCounterpartyIbans[row]!;
      }
      paymentFrom = end;
    };
    for (const [slot, state] of booked) {
      copyPayments(paymentRanges.end[slot]!);
      let paymentRow = paymentFrom + paymentShift;
      firstNewPaymentOf.set(slot, paymentRow);
      for (const { payment: incoming, unappliedMinor } of state.payments) {
        payment.debtor[paymentRow] = slot;
        payment.day[paymentRow] = toDayNumber(incoming.date);
        payment.amount[paymentRow] = incoming.amountMinor;
        payment.unapplied[paymentRow] = unappliedMinor;
        payment.currency[paymentRow] = currencies.indexOf(incoming.currency);
        payment.ids[paymentRow] = incoming.id;
        payment.references[paymentRow] = incoming.reference;
        payment.remittances[paymentRow] = incoming.remittance;
        payment.names[paymentRow] = incoming.counterpartyName;
        payment.ibans[paymentRow] = incoming.counterpartyIban;
        paymentRow += 1;
      }
      paymentShift += state.payments.length;
    }
    copyPayments(numbers.paymentDebtor.length);

    let allocationFrom = 0;
    let allocationShift = 0;
    const copyAllocations = (end: number) => {
      const to = allocationFrom + allocationShift;
      allocation.item.set(numbers.allocationItem.subarray(allocationFrom, end), to);
      allocation.amount.set(numbers.allocationAmount.subarray(allocationFrom, end), to);
      allocation.day.set(numbers.allocationDay.subarray(allocationFrom, end), to);
      for (let row = allocationFrom; row < end; row += 1) {
        const source = numbers.allocationSource[row]!;
        allocation.source[row + allocationShift] = source >= 0 ? newRowOfPayment[source]! : source;
      }
      allocationFrom = end;
    };
    for (const [slot, state] of booked) {
      copyAllocations(allocationRanges.end[slot]!);
      let allocationRow = allocationFrom + allocationShift;
      const firstNewPayment = firstNewPaymentOf.get(slot)!;
      for (const settled of state.allocations) {
        allocation.item[allocationRow] = settled.itemRow;
        allocation.source[allocationRow] = firstNewPayment + settled.payment;
        allocation.amount[allocationRow] = settled.amountMinor;
        allocation.day[allocationRow] = settled.day;
        allocationRow += 1;
      }
      allocationShift += state.allocations.length;
    }
    copyAllocations(numbers.allocationItem.length);
    return {
      numbers: {
        ...numbers,
        currencies,
        itemOpen: this.open,
        itemCurrency,
        paymentDebtor: payment.debtor,
        paymentDay: payment.day,
        paymentAmount: payment.amount,
        paymentUnapplied: payment.unapplied,
        paymentCurrency: payment.currency,
        allocationItem: allocation.item,
        allocationSource: allocation.source,
        allocationAmount: allocation.amount,
        allocationDay: allocation.day,
      },
      texts: { ...texts, paymentIds: payment.ids, paymentReferences: payment.references, paymentRemittances: payment.remittances, paymentCounterpartyNames: payment.names, paymentCounterpartyIbans: payment.ibans },
    };
  }

  /**
   * The chunk's currencies in encodeLedgerChunk's order (first seen going through each debtor's items, then
   * its payments): a payment in a currency the chunk had only further on, or not at all, changes it.
   */
  private currencies(): { currencies: string[]; itemCurrency: Uint8Array; paymentCurrencyOf: (index: number) => number } {
    const { numbers } = this;
    const currencies: string[] = [];
    const seen = (code: string) => {
      if (currencies.includes(code)) return;
      if (currencies.length === 255) throw new RangeError('A ledger chunk holds at most 255 currencies');
      currencies.push(code);
    };
    const items = this.items!;
    const paymentRanges = this.paymentRows!;
    for (let slot = 0; slot < numbers.debtorIds.length; slot += 1) {
      for (let row = items.start[slot]!; row < items.end[slot]!; row += 1) seen(numbers.currencies[numbers.itemCurrency[row]!]!);
      for (let row = paymentRanges.start[slot]!; row < paymentRanges.end[slot]!; row += 1) seen(numbers.currencies[numbers.paymentCurrency[row]!]!);
      for (const booked of this.slots.get(slot)?.payments ?? []) seen(booked.payment.currency);
    }
    const remap = numbers.currencies.map((code) => currencies.indexOf(code));
    const isSame = remap.every((index, old) => index === old);
    return {
      currencies,
      itemCurrency: isSame ? numbers.itemCurrency : numbers.itemCurrency.map((index) => remap[index]!),
      paymentCurrencyOf: (index) => remap[index]!,
    };
  }

  /** An allocation settles an item of its own debtor, from that debtor's payment or credit note. */
  private allocationsStayOnTheirLedger(allocationSlots: Int32Array): boolean {
    const { numbers } = this;
    for (let row = 0; row < allocationSlots.length; row += 1) {
      const source = numbers.allocationSource[row]!;
      const sourceSlot = source >= 0 ? numbers.paymentDebtor[source] : source === EXTERNAL_SOURCE ? allocationSlots[row] : numbers.itemDebtor[-1 - source];
      if (sourceSlot !== allocationSlots[row]) return false;
    }
    return true;
  }

  /** The debtor's item row of an invoice number, or -1 (its numbers are unique: see slotState). A payment names one or two. */
  private rowOfNumber(state: SlotState, number: string): number {
    for (let row = state.itemStart; row < state.itemEnd; row += 1) if (this.texts.itemNumbers[row] === number) return row;
    return -1;
  }

  private hasPayment(state: SlotState, id: string): boolean {
    for (let row = state.paymentStart; row < state.paymentEnd; row += 1) if (this.texts.paymentIds[row] === id) return true;
    return state.payments.some((booked) => booked.payment.id === id);
  }

  /**
   * The debtor's rows, looked at once; undefined when an invoice number is on its ledger twice (decoded, the
   * two become one item's id, and receivePayment writes one of them over the other). A payment id twice is
   * stored as encodeLedgerChunk left it, so it needs no such care.
   */
  private slotState(slot: number): SlotState | undefined {
    const known = this.slots.get(slot);
    if (known) return known;
    const { numbers, texts } = this;
    const itemStart = this.items!.start[slot]!;
    const itemEnd = this.items!.end[slot]!;
    if (hasRepeatedText(texts.itemNumbers, itemStart, itemEnd) || numbers.debtorIds.indexOf(numbers.debtorIds[slot]!) !== slot) return undefined;
    const state: SlotState = { itemStart, itemEnd, paymentStart: this.paymentRows!.start[slot]!, paymentEnd: this.paymentRows!.end[slot]!, payments: [], allocations: [] };
    this.slots.set(slot, state);
    return state;
  }

  /** From here on the chunk is booked on decoded ledgers, the bookings so far booked again on them. */
  private decode(): void {
    this.ledgers = decodeLedgerChunk(this.chunk);
    for (const { slot, payment, targetItemIds } of this.log) this.ledgers[slot] = receivePayment(this.ledgers[slot]!, payment, { targetItemIds });
  }
}
