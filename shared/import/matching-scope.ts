import type { BankTransaction } from './bank-transaction';
import { normaliseCompanyName, normaliseReference, remittanceTokens } from './remittance-tokens';
import { fnv1a32 } from '../hash/fnv1a';

/** 32-bit words of MatchingScope's sieve: 2^20 bits, a few per cent set by the tokens of 10,000 lines. */
const SIEVE_WORDS = 1 << 15;

/**
 * What a set of bank lines can possibly match: the references and numbers they mention, the accounts
 * they came from and the names they bear. Reading the store through this scope keeps only the open
 * invoices and debtors that could be a match: for 10,000 lines against a tier-L store that is a few
 * thousand items instead of half a million, so the matcher's indexes cost milliseconds (measured: building
 * them for all open items took 1 to 6 seconds in Chromium, depending on the heap).
 */
export class MatchingScope {
  private readonly tokens = new Set<string>();
  /**
   * One bit per FNV-1a hash of a token, 2^20 bits: matching asks about every open invoice's number and
   * reference (a million strings at tier L, fresh from IndexedDB), nearly all mentioned by no line, and a
   * clear bit answers no without the Set, whose first hashing of each fresh string cost a second (issue 14).
   * A set bit only sends the question on to the Set, so the answers are the Set's.
   */
  private readonly sieve = new Uint32Array(SIEVE_WORDS);
  private readonly ibans = new Set<string>();
  private readonly names = new Set<string>();
  readonly transactionIds: ReadonlySet<string>;

  constructor(transactions: readonly BankTransaction[]) {
    for (const transaction of transactions) {
      for (const token of remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`)) {
        this.tokens.add(token);
        const hash = fnv1a32(token);
        this.sieve[(hash >>> 5) & (SIEVE_WORDS - 1)]! |= 1 << (hash & 31);
      }
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
    const key = normaliseReference(numberOrReference);
    const hash = fnv1a32(key);
    if ((this.sieve[(hash >>> 5) & (SIEVE_WORDS - 1)]! & (1 << (hash & 31))) === 0) return false;
    return this.tokens.has(key);
  }

  /** Whether some line comes from this account (never a blank one: blank accounts are not kept). */
  isPayingAccount(iban: string): boolean {
    return this.ibans.has(normaliseReference(iban));
  }

  isPayerName(name: string): boolean {
    return this.isPayerNameKey(normaliseCompanyName(name));
  }

  /** isPayerName for a name already normalised (normaliseCompanyName), as a bank import prepares the debtors' names. */
  isPayerNameKey(normalisedName: string): boolean {
    return this.names.has(normalisedName);
  }

  /** The accounts the lines come from, normalised (normaliseReference), none blank. */
  get payingAccounts(): ReadonlySet<string> {
    return this.ibans;
  }
}
