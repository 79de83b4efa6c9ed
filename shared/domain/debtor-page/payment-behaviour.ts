import { daysBetween, startOfMonth, type IsoDate } from '../../time/iso-date';
import type { DebtorLedger } from '../ledger/ledger-types';

/** How one debtor paid in one calendar month: what it is the payment-behaviour chart draws. */
export interface MonthOfPayments {
  /** The month's first day. */
  readonly month: IsoDate;
  /** Invoices (parts) paid in the month. */
  readonly paymentCount: number;
  /** Amount-weighted days after the due date, paying early counting as 0; undefined without payments. */
  readonly averageDaysLate: number | undefined;
  /** The share of the paid amount that arrived by the due date (0–1); undefined without payments. */
  readonly onTimeShare: number | undefined;
}

/**
 * The debtor's payment behaviour month by month over the `months` calendar months up to `asOf`, from what
 * was paid against each invoice (payments and credit notes; settlements outside Kredo have no date worth
 * reading). Days are weighted by the amount in the invoice's currency: a ratio of days, so mixing
 * currencies within a month only shifts the weights, never adds amounts across currencies.
 */
export function paymentBehaviourByMonth(ledger: DebtorLedger, asOf: IsoDate, months = 12): MonthOfPayments[] {
  const first = startOfMonth(asOf, -(months - 1));
  const dueDates = new Map(ledger.items.map((item) => [item.id, item.dueDate]));
  const sums = new Map<IsoDate, { count: number; amount: number; weighted: number; onTime: number }>();
  for (const allocation of ledger.allocations) {
    if (allocation.source.kind !== 'payment' || allocation.amountMinor <= 0) continue;
    if (allocation.date < first || allocation.date > asOf) continue;
    const due = dueDates.get(allocation.itemId);
    if (!due) continue;
    const month = startOfMonth(allocation.date);
    const late = Math.max(0, daysBetween(due, allocation.date));
    const sum = sums.get(month) ?? { count: 0, amount: 0, weighted: 0, onTime: 0 };
    sum.count += 1;
    sum.amount += allocation.amountMinor;
    sum.weighted += allocation.amountMinor * late;
    if (late === 0) sum.onTime += allocation.amountMinor;
    sums.set(month, sum);
  }
  return Array.from({ length: months }, (_, index) => {
    const month = startOfMonth(first, index);
    const sum = sums.get(month);
    return {
      month,
      paymentCount: sum?.count ?? 0,
      averageDaysLate: sum ? sum.weighted / sum.amount : undefined,
      onTimeShare: sum ? sum.onTime / sum.amount : undefined,
    };
  });
}
