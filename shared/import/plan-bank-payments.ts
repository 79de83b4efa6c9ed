import { receivePayment } from '../domain/ledger/allocate';
import type { DebtorLedger, LedgerPayment } from '../domain/ledger/ledger-types';
import type { BankTransaction } from './bank-transaction';
import { KnownBankLines } from './known-bank-lines';
import type { PaymentMatch, PaymentMatcher } from './payment-matcher';

/** What an import does with one bank line. */
export type PaymentDecision =
  | { readonly kind: 'book'; readonly match: Extract<PaymentMatch, { kind: 'matched' }> }
  /** For the controller to assign on the review screen. */
  | { readonly kind: 'review'; readonly match: Exclude<PaymentMatch, { kind: 'matched' }> }
  /** Already booked or already waiting for review (same statement, or an overlapping one). */
  | { readonly kind: 'duplicate' }
  /** Money going out, or a bank's reversal: not a customer paying. */
  | { readonly kind: 'notReceipt' };

/**
 * Decides for each bank line whether it is booked, left for review or skipped. `known` holds the payments
 * Kredo already has (booked or waiting for review), recognised in whatever format they came (see
 * KnownBankLines; a set of ids is taken as such); lines repeated within the file count once.
 */
export function decidePayments(transactions: readonly BankTransaction[], matcher: PaymentMatcher, known: KnownBankLines | ReadonlySet<string>): PaymentDecision[] {
  const recognised = known instanceof KnownBankLines ? known : new KnownBankLines(known, transactions.map((transaction) => transaction.id));
  const seen = new Set<string>();
  return transactions.map((transaction): PaymentDecision => {
    if (transaction.direction !== 'credit' || transaction.isReversal) return { kind: 'notReceipt' };
    if (seen.has(transaction.id) || recognised.claim(transaction.id)) return { kind: 'duplicate' };
    seen.add(transaction.id);
    const match = matcher.match(transaction);
    return match.kind === 'matched' ? { kind: 'book', match } : { kind: 'review', match };
  });
}

/** The payment a bank line becomes on a debtor's ledger. */
export function paymentFromTransaction(transaction: BankTransaction, debtorId: string): Omit<LedgerPayment, 'unappliedMinor'> {
  return {
    id: transaction.id,
    debtorId,
    date: transaction.valueDate,
    currency: transaction.currency,
    amountMinor: transaction.amountMinor,
    reference: transaction.structuredReference,
    remittance: transaction.remittance,
    counterpartyName: transaction.counterpartyName,
    counterpartyIban: transaction.counterpartyIban,
  };
}

/**
 * Books a payment on a debtor's ledger: on the invoices it names (partly, when it is short; the rest
 * stays unapplied when it is over), or, when it names none, on the oldest open invoices first.
 */
export function bookPayment(ledger: DebtorLedger, transaction: BankTransaction, itemIds: readonly string[]): DebtorLedger {
  // planAllocations' default: what is left after named invoices stays unapplied (the payer said what it pays;
  // the rest is the controller's to place), and money naming none goes to the oldest invoices.
  return receivePayment(ledger, paymentFromTransaction(transaction, ledger.debtorId), { targetItemIds: itemIds });
}
