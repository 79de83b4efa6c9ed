import { toIsoDate } from '../../time/iso-date';
import { itemId, type DebtorLedger, type LedgerItem } from './ledger-types';

/** Builds small hand-checkable ledgers for tests. */
export function testItem(debtorId: string, number: string, fields: { invoiceDate: string; dueDate: string; amountMinor: number; openMinor?: number; currency?: string; kind?: LedgerItem['kind']; dispute?: LedgerItem['dispute'] }): LedgerItem {
  return {
    id: itemId(debtorId, number),
    debtorId,
    number,
    kind: fields.kind ?? (fields.amountMinor < 0 ? 'credit-note' : 'invoice'),
    invoiceDate: toIsoDate(fields.invoiceDate),
    dueDate: toIsoDate(fields.dueDate),
    currency: fields.currency ?? 'EUR',
    amountMinor: fields.amountMinor,
    vatMinor: 0,
    openMinor: fields.openMinor ?? fields.amountMinor,
    paymentReference: '',
    ...(fields.dispute && { dispute: fields.dispute }),
  };
}

export function testLedger(debtorId: string, items: readonly LedgerItem[]): DebtorLedger {
  return { debtorId, items, payments: [], allocations: [] };
}
