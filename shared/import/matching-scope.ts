import type { BankTransaction } from './bank-transaction';
import { normaliseCompanyName, normaliseReference, remittanceTokens } from './remittance-tokens';

/**
 * What a set of bank lines can possibly match: the references and numbers they mention, the accounts
 * they came from and the names they bear. Reading the store through this scope keeps only the open
 * invoices and debtors that could be a match: for 10,000 lines against a tier-L store that is a few
 * thousand items instead of half a million, so the matcher's indexes cost milliseconds (measured: building
 * them for all open items took 1 to 6 seconds in Chromium, depending on the heap).
 */
export class MatchingScope {
  private readonly tokens = new Set<string>();
  private readonly ibans = new Set<string>();
  private readonly names = new Set<string>();
  readonly transactionIds: ReadonlySet<string>;

  constructor(transactions: readonly BankTransaction[]) {
    for (const transaction of transactions) {
      for (const token of remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`)) this.tokens.add(token);
      // A line without an account (blank, or only spaces) does not make every account-less payment a payer's.
      const iban = normaliseReference(transaction.counterpartyIban);
      if (iban) this.ibans.add(iban);
      const name = normaliseCompanyName(transaction.counterpartyName);
      if (name) this.names.add(name);
    }
    this.transactionIds = new Set(transactions.map((transaction) => transaction.id));
  }

  /** Whether some line mentions this invoice number or payment reference (never an empty one: tokens have four characters or more). */
  mentions(numberOrReference: string): boolean {
    return this.tokens.has(normaliseReference(numberOrReference));
  }

  /** Whether some line comes from this account (never a blank one: blank accounts are not kept). */
  isPayingAccount(iban: string): boolean {
    return this.ibans.has(normaliseReference(iban));
  }

  isPayerName(name: string): boolean {
    return this.names.has(normaliseCompanyName(name));
  }
}
