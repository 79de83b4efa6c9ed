import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { ChunkBookings } from '../../../../shared/domain/ledger/chunk-bookings';
import type { LedgerChunkNumbers } from '../../../../shared/domain/ledger/ledger-chunk';
import { bookPayment, paymentFromTransaction } from '../../../../shared/import/plan-bank-payments';
import type { KredoDb } from '../db/kredo-db';
import type { PaymentToReview, StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex, type StoreIndex } from './chunk-loader';
import { loadLedgerColumns, loadQuotedLetters, matchPayments, type LedgerColumns } from './match-payments';
import { indexForMatching, type MatchingStoreIndex } from './matching-store-index';
import { SampleCollector, type PaymentRow, type PaymentsPreview } from './import-preview';
import type { LedgerColumnsUpdate, StoreUpdate } from './rewrite-chunks';

export interface PreparedBankPayments {
  readonly preview: PaymentsPreview;
  readonly updates: StoreUpdate[];
  readonly toReview: PaymentToReview[];
}

/**
 * Payments booked straight on the ledger columns matching just read (ChunkBookings), each chunk's columns
 * as they are stored: no chunk is read again, nor decoded into objects and encoded back (issue 14). A chunk
 * whose columns do not list the same debtors as its debtor record, in the same order and countries, is left
 * to the ChunkEditor, which rewrites it from the debtor record as every other change does.
 */
class ColumnBookings {
  private readonly chunks = new Map<number, ChunkBookings | null>();
  private readonly numbersOf: ReadonlyMap<number, LedgerChunkNumbers>;
  private readonly debtorsOf = new Map<number, StoredDebtor[]>();

  constructor(
    private readonly columns: LedgerColumns,
    index: StoreIndex,
  ) {
    this.numbersOf = new Map(columns.numbers.map((numbers) => [numbers.chunkId, numbers]));
    for (const debtor of index.byId.values()) {
      const list = this.debtorsOf.get(debtor.chunkId);
      if (list) list.push(debtor);
      else this.debtorsOf.set(debtor.chunkId, [debtor]);
    }
  }

  /** Books the payment on the debtor's ledger columns; false when its chunk is not booked this way. */
  book(debtor: StoredDebtor, transaction: BankTransaction, itemIds: readonly string[]): boolean {
    const chunk = this.chunk(debtor.chunkId);
    if (!chunk) return false;
    chunk.book(chunk.slotOf(debtor.id), paymentFromTransaction(transaction, debtor.id), itemIds);
    return true;
  }

  updates(): LedgerColumnsUpdate[] {
    // The chunk as read goes with it, so the commit writes only the columns booking changed (ledger-overlay.ts).
    return [...this.chunks.values()].filter((chunk) => chunk !== null).map((chunk) => ({ chunkId: chunk.chunkId, ledger: chunk.result(), before: { numbers: this.numbersOf.get(chunk.chunkId)!, texts: this.columns.textsOf.get(chunk.chunkId)! } }));
  }

  private chunk(chunkId: number): ChunkBookings | null {
    let chunk = this.chunks.get(chunkId);
    if (chunk === undefined) {
      const numbers = this.numbersOf.get(chunkId);
      const texts = this.columns.textsOf.get(chunkId);
      const debtors = this.debtorsOf.get(chunkId) ?? [];
      const isStoredAlike =
        numbers !== undefined && texts !== undefined && numbers.debtorIds.length === debtors.length && new Set(numbers.debtorIds).size === debtors.length &&
        debtors.every((debtor, slot) => numbers.debtorIds[slot] === debtor.id && numbers.debtorCountries[slot] === debtor.country);
      chunk = isStoredAlike ? new ChunkBookings({ numbers, texts }) : null;
      this.chunks.set(chunkId, chunk);
    }
    return chunk;
  }
}

/** What matching and booking read from the store: every debtor, every ledger chunk's columns, and what matching works out from them alone. */
export interface MatchingStore {
  readonly index: StoreIndex;
  readonly columns: LedgerColumns;
  readonly stored: MatchingStoreIndex;
}

/**
 * Reads the store for a bank import, which looks at every chunk, and indexes it for matching; the import
 * starts this while the main process still reads the file (issue 14), since neither waits for the other.
 */
export async function readMatchingStore(db: KredoDb): Promise<MatchingStore> {
  const [index, columns] = await Promise.all([loadStoreIndex(db), loadLedgerColumns(db)]);
  return { index, columns, stored: indexForMatching(columns, index) };
}

/**
 * Works out what a bank statement changes, without storing anything: each incoming payment is matched
 * (PaymentMatcher) and booked on its debtor's ledger, or kept for review; lines Kredo already has and
 * money going out are skipped.
 */
export async function prepareBankPayments(
  db: KredoDb,
  transactions: readonly BankTransaction[],
  options: { readonly fileName: string; readonly at: string },
  store: Promise<MatchingStore> = readMatchingStore(db),
): Promise<PreparedBankPayments> {
  const [{ index, columns, stored }, letters] = await Promise.all([store, loadQuotedLetters(db, transactions)]);
  const { decisions, itemNumbers } = matchPayments(columns, index, transactions, letters, stored);
  const editor = new ChunkEditor(db, index);
  const bookings = new ColumnBookings(columns, index);
  const booked = new SampleCollector<PaymentRow>();
  const review = new SampleCollector<PaymentRow>();
  const toReview: PaymentToReview[] = [];
  let duplicates = 0;
  let notReceipts = 0;

  const row = (transaction: BankTransaction, debtor: StoredDebtor | undefined, fields: Pick<PaymentRow, 'method' | 'invoiceNumbers' | 'fit' | 'reason'>): PaymentRow => ({
    transactionId: transaction.id,
    valueDate: transaction.valueDate,
    amountMinor: transaction.amountMinor,
    currency: transaction.currency,
    counterpartyName: transaction.counterpartyName,
    remittance: transaction.remittance,
    customerCode: debtor?.customerCode ?? '',
    debtorName: debtor?.name ?? '',
    ...fields,
  });

  for (const [position, decision] of decisions.entries()) {
    const transaction = transactions[position]!;
    if (decision.kind === 'duplicate') duplicates += 1;
    else if (decision.kind === 'notReceipt') notReceipts += 1;
    else if (decision.kind === 'book') {
      const { match } = decision;
      const debtor = index.byId.get(match.debtorId)!;
      if (!bookings.book(debtor, transaction, match.itemIds)) await editor.setLedger(debtor, bookPayment(await editor.ledgerOf(debtor), transaction, match.itemIds));
      booked.add(row(transaction, debtor, { method: match.method, invoiceNumbers: match.itemIds.map((id) => itemNumbers.get(id) ?? id), fit: match.fit, reason: null }), transaction.amountMinor);
    } else {
      const candidateDebtorIds = decision.match.kind === 'ambiguous' ? decision.match.debtorIds : [];
      toReview.push({ id: transaction.id, transaction, reason: decision.match.kind, candidateDebtorIds, fileName: options.fileName, importedAt: options.at });
      review.add(row(transaction, undefined, { method: null, invoiceNumbers: [], fit: null, reason: decision.match.kind }), transaction.amountMinor);
    }
  }
  return { preview: { booked: booked.result(), toReview: review.result(), duplicates, notReceipts }, updates: [...bookings.updates(), ...editor.updates()], toReview };
}
