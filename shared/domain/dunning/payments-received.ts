import type { CurrencyCode } from '../../money/money';
import type { IsoDate } from '../../time/iso-date';
import type { DebtorLedger } from '../ledger/ledger-types';

/** Money that arrived on a day towards what a debtor promised or agreed. */
export interface ReceivedPayment {
  readonly date: IsoDate;
  readonly amountMinor: number;
}

export interface PaymentScope {
  /** The invoices the promise or plan is about; empty for the debtor's account as a whole. */
  readonly itemIds: readonly string[];
  readonly currency: CurrencyCode;
  /** First and last day (both included) that payments count. */
  readonly from: IsoDate;
  readonly through: IsoDate;
}

/**
 * What the debtor paid towards a promise or plan, oldest first, read from the ledger: payments allocated
 * to its invoices (dated by when the money arrived), settlements the ERP reported (external), and money
 * the debtor sent that is not yet allocated to any invoice. The last counts because a controller would
 * count it: the customer paid as agreed, Kredo just could not yet tell which invoice it was for — it is
 * waiting under "payments to review". Credit notes are not payments and never count.
 */
export function paymentsReceived(ledger: DebtorLedger, scope: PaymentScope): ReceivedPayment[] {
  const items = new Map(ledger.items.map((item) => [item.id, item]));
  const payments = new Map(ledger.payments.map((payment) => [payment.id, payment]));
  const inScope = scope.itemIds.length > 0 ? new Set(scope.itemIds) : undefined;
  const received: ReceivedPayment[] = [];
  const add = (date: IsoDate, amountMinor: number) => {
    if (amountMinor > 0 && date >= scope.from && date <= scope.through) received.push({ date, amountMinor });
  };

  for (const allocation of ledger.allocations) {
    const item = items.get(allocation.itemId);
    if (!item || item.kind !== 'invoice' || item.currency !== scope.currency) continue;
    if (inScope && !inScope.has(allocation.itemId)) continue;
    if (allocation.source.kind === 'payment') add(payments.get(allocation.source.paymentId)?.date ?? allocation.date, allocation.amountMinor);
    else if (allocation.source.kind === 'external') add(allocation.date, allocation.amountMinor);
  }
  for (const payment of ledger.payments) {
    if (payment.currency === scope.currency) add(payment.date, payment.unappliedMinor);
  }
  return received.sort((a, b) => a.date.localeCompare(b.date));
}

/** The day the running total of `received` first reaches `amountMinor`, if it does. */
export function dayTotalReaches(received: readonly ReceivedPayment[], amountMinor: number): IsoDate | undefined {
  let total = 0;
  for (const payment of received) {
    total += payment.amountMinor;
    if (total >= amountMinor) return payment.date;
  }
  return undefined;
}

export function totalOf(received: readonly ReceivedPayment[]): number {
  return received.reduce((sum, payment) => sum + payment.amountMinor, 0);
}
