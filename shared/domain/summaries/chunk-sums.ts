import { bucketIndex, type AgeingConfig } from '../ageing/ageing-config';
import { EXTRA_COLUMNS } from '../ageing/ageing-table';
import type { ScratchArena } from '../ageing/scratch-arena';
import { EXTERNAL_SOURCE, FLAG_CREDIT_NOTE, FLAG_DISPUTED, type LedgerChunkNumbers } from '../ledger/ledger-chunk';
import { KPI_WINDOW_DAYS, PAYMENT_BEHAVIOUR_DAYS } from './debtor-summary';

const EXTRA_COLUMN_COUNT = Object.keys(EXTRA_COLUMNS).length;

/**
 * What a chunk's debtor summaries are made of, per debtor slot and chunk currency (cell `slot × currencies
 * + currency`), in that currency: every array is storage of the arena that made it, valid until its next reset.
 */
export interface ChunkSums {
  /** The ageing as of the date, laid out as an AgeingTable's cells: per cell the buckets, then the EXTRA_COLUMNS. */
  readonly now: Float64Array;
  /** The net receivables 90 days (KPI_WINDOW_DAYS) earlier: open invoices and credit notes less unapplied cash (AgeingTable.net). */
  readonly beforeNet: Float64Array;
  /** Net sales (invoices less credit notes) invoiced in the 90 days up to the date. */
  readonly sales: Float64Array;
  /** Open invoices past their due date. */
  readonly overdue: Float64Array;
  /** Payments of the last 365 days, and those weighted by their days late; the same for the last 90 days. */
  readonly latePaid: Float64Array;
  readonly lateWeighted: Float64Array;
  readonly recentPaid: Float64Array;
  readonly recentWeighted: Float64Array;
  /** Per slot: open invoices, those overdue, the earliest open due day (0x7fffffff: none), the last payment day (−1: none). */
  readonly openCount: Int32Array;
  readonly overdueCount: Int32Array;
  readonly oldestDue: Int32Array;
  readonly lastPayment: Int32Array;
}

/**
 * Every sum a chunk's summaries need as of `asOfDay`, in three passes over its columns: the allocations
 * (putting back what was settled after each of the two dates, as openAmountsAsOf does, and adding up the
 * payment behaviour), the items (both ageings, sales, counts, overdue) and the payments (unapplied cash,
 * the last payment). summariseChunk made some ten passes — openAmountsAsOf and ageChunk twice each, then
 * its own — and at tier L the columns of a million items were most of what it read (issue 14). Every sum
 * is added in the order the separate passes added it, so the figures are the same to the last bit.
 */
export function chunkSums(numbers: LedgerChunkNumbers, asOfDay: number, ageing: AgeingConfig, bucketCount: number, arena: ScratchArena): ChunkSums {
  const slots = numbers.debtorIds.length;
  const currencies = numbers.currencies.length;
  const width = bucketCount + EXTRA_COLUMN_COUNT;
  const cells = slots * currencies;
  const items = numbers.itemOpen.length;
  const payments = numbers.paymentUnapplied.length;
  arena.reset(2 * cells * width + 7 * cells + 2 * (items + payments), 4 * slots);
  const sums: ChunkSums = {
    now: arena.float64(cells * width),
    beforeNet: arena.float64(cells),
    sales: arena.float64(cells),
    overdue: arena.float64(cells),
    latePaid: arena.float64(cells),
    lateWeighted: arena.float64(cells),
    recentPaid: arena.float64(cells),
    recentWeighted: arena.float64(cells),
    openCount: arena.int32(slots, 0),
    overdueCount: arena.int32(slots, 0),
    oldestDue: arena.int32(slots, 0x7fffffff),
    lastPayment: arena.int32(slots, -1),
  };
  const before = arena.float64(cells * width);
  const beforeDay = asOfDay - KPI_WINDOW_DAYS;
  // What was open on each date: today's open amounts with what was settled after the date put back (openAmountsAsOf).
  const openNow = arena.float64(items);
  openNow.set(numbers.itemOpen);
  const openBefore = arena.float64(items);
  openBefore.set(numbers.itemOpen);
  const unappliedNow = arena.float64(payments);
  unappliedNow.set(numbers.paymentUnapplied);
  const unappliedBefore = arena.float64(payments);
  unappliedBefore.set(numbers.paymentUnapplied);

  const { allocationDay, allocationItem, allocationSource, allocationAmount, itemDebtor, itemCurrency, itemDueDay } = numbers;
  for (let row = 0; row < allocationDay.length; row += 1) {
    const day = allocationDay[row]!;
    const amount = allocationAmount[row]!;
    const item = allocationItem[row]!;
    const source = allocationSource[row]!;
    if (day > beforeDay) {
      openBefore[item] = openBefore[item]! + amount;
      if (source >= 0) unappliedBefore[source] = unappliedBefore[source]! + amount;
      else if (source !== EXTERNAL_SOURCE) openBefore[-1 - source] = openBefore[-1 - source]! - amount;
      if (day > asOfDay) {
        openNow[item] = openNow[item]! + amount;
        if (source >= 0) unappliedNow[source] = unappliedNow[source]! + amount;
        else if (source !== EXTERNAL_SOURCE) openNow[-1 - source] = openNow[-1 - source]! - amount;
        continue;
      }
    }
    // Payment behaviour: what payments (not credit notes or settlements elsewhere) settled in the last 365 days.
    if (source < 0 || day <= asOfDay - PAYMENT_BEHAVIOUR_DAYS) continue;
    const cell = itemDebtor[item]! * currencies + itemCurrency[item]!;
    const weighted = amount * Math.max(0, day - itemDueDay[item]!);
    sums.latePaid[cell] = sums.latePaid[cell]! + amount;
    sums.lateWeighted[cell] = sums.lateWeighted[cell]! + weighted;
    if (day > beforeDay) {
      sums.recentPaid[cell] = sums.recentPaid[cell]! + amount;
      sums.recentWeighted[cell] = sums.recentWeighted[cell]! + weighted;
    }
  }

  const { now, sales, overdue, openCount, overdueCount, oldestDue } = sums;
  const { boundaries } = ageing;
  const referenceDays = ageing.basis === 'due-date' ? itemDueDay : numbers.itemInvoiceDay;
  const credits = bucketCount + EXTRA_COLUMNS.credits;
  const disputed = bucketCount + EXTRA_COLUMNS.disputed;
  for (let row = 0; row < items; row += 1) {
    const invoiceDay = numbers.itemInvoiceDay[row]!;
    // An item invoiced after a date was not open on it (openAmountsAsOf).
    if (invoiceDay > asOfDay) continue;
    const slot = itemDebtor[row]!;
    const cell = slot * currencies + itemCurrency[row]!;
    const flags = numbers.itemFlags[row]!;
    if (invoiceDay > beforeDay) sales[cell] = sales[cell]! + numbers.itemAmount[row]!;
    // The ageing of each date as ageChunk does it: credit notes apart, invoices in their bucket (disputed also apart).
    const openThen = invoiceDay <= beforeDay ? openBefore[row]! : 0;
    if (openThen !== 0) addAged(before, cell * width, openThen, flags, bucketIndex(beforeDay - referenceDays[row]!, boundaries), credits, disputed);
    const open = openNow[row]!;
    if (open !== 0) addAged(now, cell * width, open, flags, bucketIndex(asOfDay - referenceDays[row]!, boundaries), credits, disputed);
    if (open <= 0 || flags & FLAG_CREDIT_NOTE) continue;
    const dueDay = itemDueDay[row]!;
    openCount[slot] = openCount[slot]! + 1;
    if (dueDay < oldestDue[slot]!) oldestDue[slot] = dueDay;
    if (dueDay < asOfDay) {
      overdueCount[slot] = overdueCount[slot]! + 1;
      overdue[cell] = overdue[cell]! + open;
    }
  }

  const unapplied = bucketCount + EXTRA_COLUMNS.unappliedCash;
  const { lastPayment } = sums;
  for (let row = 0; row < payments; row += 1) {
    const day = numbers.paymentDay[row]!;
    // A payment received after a date was not there on it (openAmountsAsOf).
    if (day > asOfDay) continue;
    const slot = numbers.paymentDebtor[row]!;
    const at = (slot * currencies + numbers.paymentCurrency[row]!) * width + unapplied;
    if (unappliedNow[row] !== 0) now[at] = now[at]! + unappliedNow[row]!;
    if (day <= beforeDay && unappliedBefore[row] !== 0) before[at] = before[at]! + unappliedBefore[row]!;
    if (day > lastPayment[slot]!) lastPayment[slot] = day;
  }

  // Each cell's net then, added as AgeingTable.net adds it: the buckets in order, plus credits, less unapplied cash.
  const { beforeNet } = sums;
  for (let cell = 0; cell < cells; cell += 1) {
    const start = cell * width;
    let open = 0;
    for (let bucket = 0; bucket < bucketCount; bucket += 1) open += before[start + bucket]!;
    beforeNet[cell] = open + before[start + credits]! - before[start + unapplied]!;
  }
  return sums;
}

/** One item's open amount (not 0) into an ageing's cells (`at`: the cell's first column), as ageChunk adds it. */
function addAged(cells: Float64Array, at: number, open: number, flags: number, bucket: number, credits: number, disputed: number): void {
  if (flags & FLAG_CREDIT_NOTE) {
    cells[at + credits] = cells[at + credits]! + open;
    return;
  }
  cells[at + bucket] = cells[at + bucket]! + open;
  if (flags & FLAG_DISPUTED) cells[at + disputed] = cells[at + disputed]! + open;
}
