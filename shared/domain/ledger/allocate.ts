import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';
import type { AllocationSource, DebtorLedger, LedgerAllocation, LedgerItem, LedgerPayment } from './ledger-types';

export interface AllocationRequest {
  readonly source: AllocationSource;
  /** What is available to allocate, in minor units (positive). */
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly date: IsoDate;
  /** Invoices the payer named (remittance text, payment reference), in the order to settle them. */
  readonly targetItemIds?: readonly string[];
  /**
   * Money left after the named invoices: settle the oldest other invoices, or leave it unapplied for the
   * controller to decide. Defaults to oldest-first without named invoices and unapplied with them.
   */
  readonly remainder?: 'oldest-first' | 'unapplied';
}

export interface AllocationPlan {
  readonly allocations: readonly LedgerAllocation[];
  readonly unallocatedMinor: number;
}

/** Oldest first: by due date, then invoice date, then invoice number. */
export function compareOldestFirst(a: LedgerItem, b: LedgerItem): number {
  return a.dueDate.localeCompare(b.dueDate) || a.invoiceDate.localeCompare(b.invoiceDate) || a.number.localeCompare(b.number, 'en', { numeric: true });
}

/**
 * Decides which open invoices a payment or credit note settles. Only invoices in the same currency are
 * touched. Unnamed money goes to the oldest invoices first, skipping disputed ones: a customer who
 * disputes an invoice has not paid it by paying something else. An invoice the payer names is settled
 * even when disputed.
 */
export function planAllocations(ledger: DebtorLedger, request: AllocationRequest): AllocationPlan {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    throw new RangeError('An allocation needs a positive whole amount');
  }
  const open = new Map(
    ledger.items
      .filter((item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === request.currency)
      .map((item) => [item.id, item]),
  );
  const named = (request.targetItemIds ?? []).map((id) => open.get(id)).filter((item): item is LedgerItem => item !== undefined);
  const remainder = request.remainder ?? (request.targetItemIds?.length ? 'unapplied' : 'oldest-first');
  const namedIds = new Set(named.map((item) => item.id));
  const others = remainder === 'oldest-first'
    ? [...open.values()].filter((item) => !namedIds.has(item.id) && !item.dispute).sort(compareOldestFirst)
    : [];

  let left = request.amountMinor;
  const allocations: LedgerAllocation[] = [];
  for (const item of [...named, ...others]) {
    if (left === 0) break;
    const amountMinor = Math.min(left, item.openMinor);
    allocations.push({ itemId: item.id, source: request.source, amountMinor, date: request.date });
    left -= amountMinor;
  }
  return { allocations, unallocatedMinor: left };
}

/**
 * Applies allocations to a ledger: invoices' open amounts go down, and so do the payment's unapplied
 * amount or the credit note's unused credit. Refuses anything that would over-settle.
 */
export function applyAllocations(ledger: DebtorLedger, allocations: readonly LedgerAllocation[]): DebtorLedger {
  const items = new Map(ledger.items.map((item) => [item.id, item]));
  const payments = new Map(ledger.payments.map((payment) => [payment.id, payment]));
  for (const allocation of allocations) {
    const item = items.get(allocation.itemId);
    if (!item || allocation.amountMinor <= 0 || allocation.amountMinor > item.openMinor) {
      throw new RangeError(`Allocation of ${allocation.amountMinor} does not fit invoice ${allocation.itemId}`);
    }
    items.set(item.id, { ...item, openMinor: item.openMinor - allocation.amountMinor });
    if (allocation.source.kind === 'payment') {
      const payment = payments.get(allocation.source.paymentId);
      if (!payment || payment.unappliedMinor < allocation.amountMinor) {
        throw new RangeError(`Payment ${allocation.source.paymentId} has too little left for this allocation`);
      }
      payments.set(payment.id, { ...payment, unappliedMinor: payment.unappliedMinor - allocation.amountMinor });
    } else if (allocation.source.kind === 'external') {
      throw new RangeError('Settlements outside Kredo are booked with settleExternally');
    } else {
      const creditNote = items.get(allocation.source.itemId);
      if (!creditNote || creditNote.kind !== 'credit-note' || -creditNote.openMinor < allocation.amountMinor) {
        throw new RangeError(`Credit note ${allocation.source.itemId} has too little credit left for this allocation`);
      }
      items.set(creditNote.id, { ...creditNote, openMinor: creditNote.openMinor + allocation.amountMinor });
    }
  }
  return {
    debtorId: ledger.debtorId,
    items: ledger.items.map((item) => items.get(item.id)!),
    payments: ledger.payments.map((payment) => payments.get(payment.id)!),
    allocations: [...ledger.allocations, ...allocations],
  };
}

/** Books an incoming payment and allocates it (see `planAllocations`). */
export function receivePayment(
  ledger: DebtorLedger,
  payment: Omit<LedgerPayment, 'unappliedMinor'>,
  options: Pick<AllocationRequest, 'targetItemIds' | 'remainder'> = {},
): DebtorLedger {
  if (ledger.payments.some((existing) => existing.id === payment.id)) throw new RangeError(`Payment ${payment.id} is already booked`);
  const withPayment: DebtorLedger = { ...ledger, payments: [...ledger.payments, { ...payment, unappliedMinor: payment.amountMinor }] };
  const plan = planAllocations(withPayment, {
    source: { kind: 'payment', paymentId: payment.id },
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    date: payment.date,
    ...options,
  });
  return applyAllocations(withPayment, plan.allocations);
}

/** Sets a credit note's unused credit against invoices (see `planAllocations`). */
export function applyCreditNote(
  ledger: DebtorLedger,
  creditNoteId: string,
  date: IsoDate,
  options: Pick<AllocationRequest, 'targetItemIds' | 'remainder'> = {},
): DebtorLedger {
  const creditNote = ledger.items.find((item) => item.id === creditNoteId && item.kind === 'credit-note');
  if (!creditNote) throw new RangeError(`${creditNoteId} is not a credit note of this debtor`);
  if (creditNote.openMinor >= 0) return ledger;
  const plan = planAllocations(ledger, {
    source: { kind: 'credit-note', itemId: creditNote.id },
    amountMinor: -creditNote.openMinor,
    currency: creditNote.currency,
    date,
    ...options,
  });
  return applyAllocations(ledger, plan.allocations);
}
