import { StoredBankLines } from '../../../../shared/import/stored-bank-lines';
import { normaliseCompanyName, normaliseReference } from '../../../../shared/import/remittance-tokens';
import type { StoredDebtor } from '../db/schema';
import type { StoreIndex } from './chunk-loader';
import type { LedgerColumns } from './match-payments';

/** A debtor's name, or a name merged into it, as a bank line's counterparty name is compared (normaliseCompanyName). */
export interface PayerName {
  readonly name: string;
  readonly key: string;
}

/**
 * What matching works out from the store alone, whatever the bank lines: the stored lines' ids grouped for
 * KnownBankLines, the accounts each debtor has paid from, and every debtor's names normalised. At tier L
 * that is half a million payment ids and accounts and 20,000 names (~0.15 s in Chromium, issue 14); a
 * bank import works it out in the read-ahead, while the main process still analyses the file, so that
 * matching itself only looks things up. It describes the store as read, and goes with that read.
 */
export interface MatchingStoreIndex {
  readonly lines: StoredBankLines;
  /** Normalised account (normaliseReference, never blank) → the debtors paid from it → the account as each payment stored it. */
  readonly payersByAccount: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  /** Every debtor in the index's order, with its name and the names merged into it (its aliases). */
  readonly names: readonly { readonly debtor: StoredDebtor; readonly name: PayerName; readonly aliases: readonly PayerName[] }[];
}

const payerName = (name: string): PayerName => ({ name, key: normaliseCompanyName(name) });

export function indexForMatching(columns: LedgerColumns, index: StoreIndex): MatchingStoreIndex {
  // Lines waiting for review first, then every chunk's payments in order: the order KnownBankLines was offered them.
  const lines = new StoredBankLines(columns.reviewIds);
  const payersByAccount = new Map<string, Map<string, Set<string>>>();
  for (const numbers of columns.numbers) {
    const texts = columns.textsOf.get(numbers.chunkId);
    if (!texts) continue;
    for (let row = 0; row < numbers.paymentDebtor.length; row += 1) {
      lines.add(texts.paymentIds[row]!);
      const iban = texts.paymentCounterpartyIbans[row]!;
      const account = normaliseReference(iban);
      // A blank account is no bank line's account (MatchingScope keeps none).
      if (!account) continue;
      const debtorId = numbers.debtorIds[numbers.paymentDebtor[row]!]!;
      let debtors = payersByAccount.get(account);
      if (!debtors) payersByAccount.set(account, (debtors = new Map()));
      const spellings = debtors.get(debtorId);
      if (spellings) spellings.add(iban);
      else debtors.set(debtorId, new Set([iban]));
    }
  }
  const names = [...index.byId.values()].map((debtor) => ({ debtor, name: payerName(debtor.name), aliases: (debtor.aliases?.names ?? []).map(payerName) }));
  return { lines, payersByAccount, names };
}
