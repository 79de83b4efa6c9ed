import type { DebtorLedger, LedgerItem } from '../ledger/ledger-types';
import { addDays, type IsoDate } from '../../time/iso-date';
import { claimBalance } from './claim-balance';
import { bookClaimPayment, openClaim } from './claim-ledger';
import type { LawJurisdiction } from './jurisdiction';
import type { ReferenceRateTable } from './reference-rates';

/**
 * Statutory interest on one invoice up to `until`, from the day after its due date. Payments and credits
 * allocated after the due date lower the principal from their day on (Kredo follows the books, which book
 * them on the invoice); the interest accrued before stays owed and is shown apart, never folded away.
 * `rates` is the table in force (shipped rows and the controller's: rate-table-merge.ts).
 */
export function statutoryInterestOnInvoice(item: LedgerItem, ledger: DebtorLedger, jurisdiction: LawJurisdiction, until: IsoDate, rates?: ReferenceRateTable): number {
  const allocations = ledger.allocations.filter((allocation) => allocation.itemId === item.id && allocation.amountMinor > 0);
  const beforeDue = allocations.filter((allocation) => allocation.date <= item.dueDate).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  let claim = openClaim({ invoiceId: item.id, jurisdiction, currency: item.currency, principalMinor: item.amountMinor - beforeDue, defaultFrom: addDays(item.dueDate, 1), allocationOrder: ['principal', 'interest', 'costs'] });
  allocations.filter((allocation) => allocation.date > item.dueDate).forEach((allocation, index) => {
    claim = bookClaimPayment(claim, { paymentId: `${item.id}#${index}`, paidOn: allocation.date, amountMinor: allocation.amountMinor });
  });
  return claimBalance(claim, until, rates).interestMinor;
}
