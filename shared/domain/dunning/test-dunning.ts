import { generatePolicy } from '../../generator/generate-portfolio';
import { toIsoDate, type IsoDate } from '../../time/iso-date';
import type { Debtor } from '../debtors/debtor';
import type { DebtorLedger, LedgerAllocation, LedgerPayment } from '../ledger/ledger-types';
import type { DunningAction, DunningStep } from './dunning-action';

/** Builds small hand-checkable debtors, actions and payments for the dunning tests. */

/** The demo's insurance policy: overdue notification and MEP 60 days after due, collection transfer MEP + 30, claims 180 days from the invoice date. */
export const demoPolicy = generatePolicy('2026-01-15' as IsoDate);

export function testDebtor(id: string, fields: { name?: string; segment?: string } = {}): Pick<Debtor, 'id' | 'name' | 'segment'> {
  return { id, name: fields.name ?? `Debtor ${id}`, segment: fields.segment ?? 'standard' };
}

/** A step done (or skipped) for some invoices on a day, as batch processing would store it. */
export function handledAction(debtorId: string, step: DunningStep, itemIds: readonly string[], on: string, status: 'done' | 'skipped' = 'done'): DunningAction {
  return { id: `test:${debtorId}:${step}:${on}`, debtorId, step, itemIds, plannedOn: toIsoDate(on), doneOn: toIsoDate(on), status, note: '' };
}

/** The ledger after a payment arrived on `date`: allocated as given (reducing the invoices), the rest unapplied. */
export function withPayment(ledger: DebtorLedger, payment: { id: string; date: string; amountMinor: number; currency?: string; allocations?: readonly { itemId: string; amountMinor: number }[] }): DebtorLedger {
  const date = toIsoDate(payment.date);
  const allocations: LedgerAllocation[] = (payment.allocations ?? []).map((allocation) => ({ itemId: allocation.itemId, source: { kind: 'payment', paymentId: payment.id }, amountMinor: allocation.amountMinor, date }));
  const allocated = allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  const entry: LedgerPayment = {
    id: payment.id,
    debtorId: ledger.debtorId,
    date,
    currency: payment.currency ?? 'EUR',
    amountMinor: payment.amountMinor,
    unappliedMinor: payment.amountMinor - allocated,
    reference: '',
    remittance: '',
    counterpartyName: '',
    counterpartyIban: '',
  };
  const paidPerItem = new Map<string, number>();
  for (const allocation of allocations) paidPerItem.set(allocation.itemId, (paidPerItem.get(allocation.itemId) ?? 0) + allocation.amountMinor);
  return {
    ...ledger,
    items: ledger.items.map((item) => ({ ...item, openMinor: item.openMinor - (paidPerItem.get(item.id) ?? 0) })),
    payments: [...ledger.payments, entry],
    allocations: [...ledger.allocations, ...allocations],
  };
}
