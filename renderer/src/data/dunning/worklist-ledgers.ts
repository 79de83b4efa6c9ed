import { decodeLedgerChunk, decodeLedgerItem, FLAG_CREDIT_NOTE, type EncodedLedgerChunk } from '../../../../shared/domain/ledger/ledger-chunk';
import { itemId, type DebtorLedger, type LedgerItem } from '../../../../shared/domain/ledger/ledger-types';
import { openInvoiceItem, openInvoiceText, type OpenInvoiceChunk } from '../../../../shared/domain/ledger/open-invoices';

/**
 * How much of a debtor's ledger the worklist needs:
 * - `whole`: a debtor with promises or payment plans (judged from its payments and allocations);
 * - `open`: every open invoice (a debtor with steps done: a later step follows from the earlier one's date);
 * - `horizon`: only the open invoices that can have work today (work-horizon.ts).
 */
export type LedgerNeed = 'whole' | 'open' | 'horizon';

/**
 * The ledgers of one chunk's debtors with work in view, decoded only as far as the worklist reads them:
 * open invoices straight from the columns, without the paid ones, payments and allocations the dunning
 * plan does not look at (at tier L those are most of a chunk's rows). Ledgers come in the chunk's order.
 */
export function worklistLedgers(chunk: EncodedLedgerChunk, needs: ReadonlyMap<string, LedgerNeed>, couldHaveWork: (invoiceDay: number, dueDay: number) => boolean): DebtorLedger[] {
  const { numbers, texts } = chunk;
  const whole = new Set([...needs].filter(([, need]) => need === 'whole').map(([debtorId]) => debtorId));
  const decodedWhole = new Map(whole.size > 0 ? decodeLedgerChunk(chunk, whole).map((ledger) => [ledger.debtorId, ledger]) : []);
  const slotNeeds = numbers.debtorIds.map((debtorId) => needs.get(debtorId));
  const items: LedgerItem[][] = numbers.debtorIds.map(() => []);
  for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
    const slot = numbers.itemDebtor[row]!;
    const need = slotNeeds[slot];
    if (need === undefined || need === 'whole') continue;
    const flags = numbers.itemFlags[row]!;
    if (flags & FLAG_CREDIT_NOTE || !(numbers.itemOpen[row]! > 0)) continue;
    if (need === 'horizon' && !couldHaveWork(numbers.itemInvoiceDay[row]!, numbers.itemDueDay[row]!)) continue;
    items[slot]!.push(decodeLedgerItem(chunk, row, itemId(numbers.debtorIds[slot]!, texts.itemNumbers[row]!)));
  }
  const ledgers: DebtorLedger[] = [];
  numbers.debtorIds.forEach((debtorId, slot) => {
    const need = slotNeeds[slot];
    if (need === 'whole') {
      const ledger = decodedWhole.get(debtorId);
      if (ledger) ledgers.push(ledger);
    } else if (need === 'open' || (need === 'horizon' && items[slot]!.length > 0)) ledgers.push({ debtorId, items: items[slot]!, payments: [], allocations: [] });
  });
  return ledgers;
}

/**
 * The same ledgers as worklistLedgers for debtors that need no `whole` ledger, from the chunk's open
 * invoices kept beside it (migration 0021) instead of its whole ledger: only the texts of the invoices that
 * can have work are cut out of the kept string.
 */
export function keptWorklistLedgers(open: OpenInvoiceChunk, needs: ReadonlyMap<string, Exclude<LedgerNeed, 'whole'>>, couldHaveWork: (invoiceDay: number, dueDay: number) => boolean): DebtorLedger[] {
  const slotNeeds = open.debtorIds.map((debtorId) => needs.get(debtorId));
  const items: LedgerItem[][] = open.debtorIds.map(() => []);
  for (let row = 0; row < open.slot.length; row += 1) {
    const slot = open.slot[row]!;
    const need = slotNeeds[slot];
    if (need === undefined) continue;
    if (need === 'horizon' && !couldHaveWork(open.invoiceDay[row]!, open.dueDay[row]!)) continue;
    items[slot]!.push(openInvoiceItem(open, row, itemId(open.debtorIds[slot]!, openInvoiceText(open, row, 0))));
  }
  const ledgers: DebtorLedger[] = [];
  open.debtorIds.forEach((debtorId, slot) => {
    const need = slotNeeds[slot];
    if (need === 'open' || (need === 'horizon' && items[slot]!.length > 0)) ledgers.push({ debtorId, items: items[slot]!, payments: [], allocations: [] });
  });
  return ledgers;
}
