import { isSettlement, settleExternally, type ExternalSettlement } from '../domain/ledger/settle-externally';
import { itemId, type DebtorLedger, type LedgerItem } from '../domain/ledger/ledger-types';
import { addDays, type IsoDate } from '../time/iso-date';
import type { ImportedOpenItem } from './open-item-record';

/** An item whose open amount an import changes (or would change, for "closed since last import"). */
export interface ItemChange {
  readonly itemId: string;
  readonly debtorId: string;
  readonly number: string;
  readonly currency: string;
  readonly fromMinor: number;
  readonly toMinor: number;
}

/**
 * Where the ERP and Kredo disagree in a way an import does not settle: the ERP has more open than Kredo
 * (Kredo booked a payment the ERP has not yet), or the invoice is in another currency there.
 */
export interface ItemDifference extends ItemChange {
  readonly reason: 'erpHigher' | 'currency';
}

export interface OpenItemsDiff {
  /** The ledger with the new items and the ERP's settlements applied (not yet the closures). */
  readonly ledger: DebtorLedger;
  readonly newItems: readonly LedgerItem[];
  readonly settled: readonly ItemChange[];
  readonly differences: readonly ItemDifference[];
  readonly unchanged: number;
  /** Items open in Kredo that the export leaves out: closed since the last import, settled on confirmation. */
  readonly missing: readonly ItemChange[];
  /** Lines of invoices Kredo does not have that the export shows as settled: nothing to add. */
  readonly alreadySettled: number;
}

function newItem(record: ImportedOpenItem, debtorId: string, paymentTermsDays: number): LedgerItem {
  // The original amount is kept when the export has it and it is consistent with what is open; the
  // difference is then booked as settled outside Kredo (see settleExternally).
  const amount = record.amountMinor;
  const isConsistent = amount !== undefined && Math.sign(amount) === Math.sign(record.openMinor) && Math.abs(amount) >= Math.abs(record.openMinor);
  const amountMinor = isConsistent ? amount : record.openMinor;
  return {
    id: itemId(debtorId, record.invoiceNumber),
    debtorId,
    number: record.invoiceNumber,
    kind: amountMinor < 0 ? 'credit-note' : 'invoice',
    invoiceDate: record.invoiceDate,
    dueDate: record.dueDate ?? addDays(record.invoiceDate, paymentTermsDays),
    currency: record.currency,
    amountMinor,
    vatMinor: 0,
    openMinor: amountMinor,
    paymentReference: record.paymentReference,
  };
}

const change = (item: LedgerItem, toMinor: number): ItemChange => ({ itemId: item.id, debtorId: item.debtorId, number: item.number, currency: item.currency, fromMinor: item.openMinor, toMinor });

/**
 * Compares what an ERP export says about one debtor with Kredo's ledger. Importing is idempotent: what
 * is already true changes nothing, so the same file (or an overlapping one) can be imported again.
 * - an invoice Kredo does not have is added (one with nothing open is not);
 * - an invoice the ERP shows with less open is settled by the difference, dated the import day;
 * - one the ERP shows with more open is a difference to look at, not applied;
 * - with `isFullExport`, one Kredo has open that the export leaves out is "closed since last import".
 */
export function diffOpenItems(ledger: DebtorLedger, records: readonly ImportedOpenItem[], options: { readonly today: IsoDate; readonly paymentTermsDays: number; readonly isFullExport: boolean }): OpenItemsDiff {
  const existing = new Map(ledger.items.map((item) => [item.number, item]));
  const added: LedgerItem[] = [];
  const settled: ItemChange[] = [];
  const differences: ItemDifference[] = [];
  // New items partly paid in the ERP are added at their full amount and settled down to what is open.
  const partlyPaid: ExternalSettlement[] = [];
  const inFile = new Set<string>();
  let unchanged = 0;
  let alreadySettled = 0;

  // Only a full export needs the file's numbers, and only a ledger with items a look-up: hashing a million
  // invoice numbers of new debtors cost seconds at tier L (issue 14).
  const hasItems = ledger.items.length > 0;
  for (const record of records) {
    if (options.isFullExport) inFile.add(record.invoiceNumber);
    const item = hasItems ? existing.get(record.invoiceNumber) : undefined;
    if (!item) {
      if (record.openMinor === 0) alreadySettled += 1;
      else {
        const fresh = newItem(record, ledger.debtorId, options.paymentTermsDays);
        added.push(fresh);
        if (fresh.openMinor !== record.openMinor) partlyPaid.push({ itemId: fresh.id, openMinor: record.openMinor });
      }
    } else if (item.currency !== record.currency) {
      differences.push({ ...change(item, record.openMinor), reason: 'currency' });
    } else if (item.openMinor === record.openMinor) {
      unchanged += 1;
    } else if (isSettlement(item.openMinor, record.openMinor)) {
      settled.push(change(item, record.openMinor));
    } else {
      differences.push({ ...change(item, record.openMinor), reason: 'erpHigher' });
    }
  }

  const missing = options.isFullExport ? ledger.items.filter((item) => item.openMinor !== 0 && !inFile.has(item.number)).map((item) => change(item, 0)) : [];
  const withNew: DebtorLedger = added.length > 0 ? { ...ledger, items: [...ledger.items, ...added] } : ledger;
  const result = settleExternally(withNew, [...partlyPaid, ...settled.map((item) => ({ itemId: item.itemId, openMinor: item.toMinor }))], options.today);
  return {
    ledger: result,
    // Added at the end, in file order; taken from the result so partly paid ones show what is open.
    newItems: result.items.slice(ledger.items.length),
    settled,
    differences,
    unchanged,
    missing,
    alreadySettled,
  };
}

/** Applies "closed since last import" once the controller confirms it: each item settled to zero. */
export function closeMissingItems(ledger: DebtorLedger, missing: readonly ItemChange[], today: IsoDate): DebtorLedger {
  return settleExternally(ledger, missing.map((item) => ({ itemId: item.itemId, openMinor: 0 })), today);
}
