import { FLAG_CREDIT_NOTE, type LedgerChunkNumbers, type LedgerChunkTexts } from '../../../../shared/domain/ledger/ledger-chunk';
import { itemId } from '../../../../shared/domain/ledger/ledger-types';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { KnownBankLines } from '../../../../shared/import/known-bank-lines';
import { MatchingScope } from '../../../../shared/import/matching-scope';
import { PaymentMatcher, type MatchableDebtor, type MatchableItem, type MatchableLetter } from '../../../../shared/import/payment-matcher';
import { remittanceTokens } from '../../../../shared/import/remittance-tokens';
import { validPaymentReferenceSchemes } from '../../../../shared/domain/references/letter-payment-reference';
import { decidePayments, type PaymentDecision } from '../../../../shared/import/plan-bank-payments';
import { fromDayNumber } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { StoreIndex } from './chunk-loader';
import { indexForMatching, type MatchingStoreIndex } from './matching-store-index';

/** Every ledger chunk's columns, and the ids of payments waiting for review, as matching reads them. */
export interface LedgerColumns {
  readonly numbers: readonly LedgerChunkNumbers[];
  readonly textsOf: ReadonlyMap<number, LedgerChunkTexts>;
  readonly reviewIds: ReadonlySet<string>;
}

export async function loadLedgerColumns(db: KredoDb): Promise<LedgerColumns> {
  const [numbers, texts, reviewIds] = await Promise.all([db.ledgerNumbers.toArray(), db.ledgerTexts.toArray(), db.paymentsToReview.toCollection().primaryKeys()]);
  return { numbers, textsOf: new Map(texts.map((chunk) => [chunk.chunkId, chunk])), reviewIds: new Set(reviewIds) };
}

/**
 * The kept letters whose own payment reference some line quotes (issue 16, item 6), found through the
 * `paymentReference` index (migration 0016): only words whose check digits hold are looked up, and only the
 * letters found are read. Their invoices are named by number under the letter's debtor as it is now (a
 * merge moves the letter), so `itemId` gives the ledger item.
 */
export async function loadQuotedLetters(db: KredoDb, transactions: readonly BankTransaction[]): Promise<MatchableLetter[]> {
  const quoted = new Set<string>();
  for (const transaction of transactions) {
    for (const token of remittanceTokens(`${transaction.structuredReference} ${transaction.remittance}`)) if (validPaymentReferenceSchemes(token).length > 0) quoted.add(token);
  }
  if (quoted.size === 0) return [];
  const letters = await db.documents.where('paymentReference').anyOf([...quoted]).toArray();
  return letters.flatMap((letter) => (letter.paymentReference && letter.invoiceNumbers ? [{ reference: letter.paymentReference, debtorId: letter.debtorId, itemIds: letter.invoiceNumbers.map((number) => itemId(letter.debtorId, number)) }] : []));
}

export interface PaymentMatches {
  /** One decision per bank line, in file order. */
  readonly decisions: readonly PaymentDecision[];
  /** Invoice numbers of the items decisions name, for showing them. */
  readonly itemNumbers: ReadonlyMap<string, string>;
  /** How many open invoices were looked at, for the benchmark's report. */
  readonly candidateCount: number;
}

/** Open invoices from the columns that `wanted` accepts (by debtor, number and reference), as the matcher sees them. */
function openItems(columns: LedgerColumns, wanted: (debtorId: string, number: string, reference: string) => boolean, into: Map<string, MatchableItem>): void {
  for (const numbers of columns.numbers) {
    const texts = columns.textsOf.get(numbers.chunkId);
    if (!texts) continue;
    for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
      if (numbers.itemOpen[row]! <= 0 || numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) continue;
      const debtorId = numbers.debtorIds[numbers.itemDebtor[row]!]!;
      const number = texts.itemNumbers[row]!;
      const reference = texts.itemReferences[row]!;
      if (!wanted(debtorId, number, reference)) continue;
      // An invoice read in the first pass is read again identically in the second.
      const id = itemId(debtorId, number);
      into.set(id, { itemId: id, debtorId, number, paymentReference: reference, openMinor: numbers.itemOpen[row]!, currency: numbers.currencies[numbers.itemCurrency[row]!]!, dueDate: fromDayNumber(numbers.itemDueDay[row]!) });
    }
  }
}

/**
 * Matches bank lines against the store's ledger columns without decoding whole ledgers or indexing every
 * open invoice (half a million at tier L; building such indexes took seconds in Chromium). First pass:
 * only the invoices the lines mention by number or reference, and the debtors their names and accounts
 * point at. Lines matched by name or account alone settle that debtor's oldest invoices (or one of exactly
 * their amount), so a second pass adds those debtors' open invoices and matches just those lines again.
 * Lines matched by reference or number cannot change: their matches depend only on the mentioned invoices.
 * What depends on the store alone (`stored`) a bank import works out while the file is analysed.
 */
export function matchPayments(
  columns: LedgerColumns,
  index: StoreIndex,
  transactions: readonly BankTransaction[],
  letters: readonly MatchableLetter[] = [],
  stored: MatchingStoreIndex = indexForMatching(columns, index),
): PaymentMatches {
  const scope = new MatchingScope(transactions);
  // Payments and lines waiting for review that are any of these lines, in whatever format they came.
  const known = KnownBankLines.among(stored.lines, scope.transactionIds);
  const accounts = new Map<string, Set<string>>();
  for (const account of scope.payingAccounts) {
    for (const [debtorId, spellings] of stored.payersByAccount.get(account) ?? []) {
      let set = accounts.get(debtorId);
      if (!set) accounts.set(debtorId, (set = new Set()));
      for (const iban of spellings) set.add(iban);
    }
  }
  const payers: MatchableDebtor[] = [];
  for (const { debtor, name, aliases } of stored.names) {
    const ibans = accounts.get(debtor.id);
    if (ibans || scope.isPayerNameKey(name.key)) payers.push({ debtorId: debtor.id, name: debtor.name, ibans: [...(ibans ?? [])] });
    // The names of debtors merged into this one: a payer still paying under the old name is this debtor.
    for (const alias of aliases) if (scope.isPayerNameKey(alias.key)) payers.push({ debtorId: debtor.id, name: alias.name, ibans: [] });
  }

  const items = new Map<string, MatchableItem>();
  // The invoices of letters a line quotes by reference are read too, whether or not a line names them.
  const listed = new Set(letters.flatMap((letter) => letter.itemIds));
  const isListed = listed.size === 0 ? () => false : (debtorId: string, number: string) => listed.has(itemId(debtorId, number));
  openItems(columns, (debtorId, number, reference) => scope.mentions(number) || scope.mentions(reference) || isListed(debtorId, number), items);
  const decisions = decidePayments(transactions, new PaymentMatcher(items.values(), payers, letters), known);

  const byAccountOrName = new Set<string>();
  decisions.forEach((decision) => {
    if (decision.kind === 'book' && (decision.match.method === 'iban' || decision.match.method === 'name')) byAccountOrName.add(decision.match.debtorId);
  });
  if (byAccountOrName.size > 0) {
    openItems(columns, (debtorId) => byAccountOrName.has(debtorId), items);
    const complete = new PaymentMatcher(items.values(), payers, letters);
    decisions.forEach((decision, position) => {
      if (decision.kind === 'book' && (decision.match.method === 'iban' || decision.match.method === 'name')) {
        const match = complete.match(transactions[position]!);
        if (match.kind === 'matched') decisions[position] = { kind: 'book', match };
      }
    });
  }
  const itemNumbers = new Map([...items.values()].map((item) => [item.itemId, item.number]));
  return { decisions, itemNumbers, candidateCount: items.size };
}
