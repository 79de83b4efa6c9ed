import { FLAG_CREDIT_NOTE } from '../../../../shared/domain/ledger/ledger-chunk';
import { itemId } from '../../../../shared/domain/ledger/ledger-types';
import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { PaymentMatcher, type MatchableDebtor, type MatchableItem } from '../../../../shared/import/payment-matcher';
import { bookPayment, decidePayments } from '../../../../shared/import/plan-bank-payments';
import { fromDayNumber } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { PaymentToReview, StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex, type StoreIndex } from './chunk-loader';
import { SampleCollector, type PaymentRow, type PaymentsPreview } from './import-preview';
import type { ChunkUpdate } from './rewrite-chunks';

/** What the matcher needs from the store, read once: open invoices, debtors with their paying accounts, known payment ids. */
export interface MatchingData {
  readonly matcher: PaymentMatcher;
  readonly debtors: ReadonlyMap<string, StoredDebtor>;
  readonly itemNumbers: ReadonlyMap<string, string>;
  readonly knownPaymentIds: ReadonlySet<string>;
}

/**
 * Reads what matching needs straight from the ledger columns, without decoding whole ledgers: only open
 * invoices become matcher entries (a tier-L store has a million items, most of them settled).
 */
export async function loadMatchingData(db: KredoDb, index: StoreIndex): Promise<MatchingData> {
  const debtors = index.byId;
  const items: MatchableItem[] = [];
  const ibans = new Map<string, Set<string>>();
  const itemNumbers = new Map<string, string>();
  const knownPaymentIds = new Set<string>(await db.paymentsToReview.toCollection().primaryKeys());
  const [allNumbers, allTexts] = await Promise.all([db.ledgerNumbers.toArray(), db.ledgerTexts.toArray()]);
  const textsOf = new Map(allTexts.map((texts) => [texts.chunkId, texts]));
  for (const numbers of allNumbers) {
    const texts = textsOf.get(numbers.chunkId);
    if (!texts) continue;
    for (let row = 0; row < numbers.itemDebtor.length; row += 1) {
      if (numbers.itemOpen[row]! <= 0 || numbers.itemFlags[row]! & FLAG_CREDIT_NOTE) continue;
      const debtorId = numbers.debtorIds[numbers.itemDebtor[row]!]!;
      const number = texts.itemNumbers[row]!;
      const id = itemId(debtorId, number);
      itemNumbers.set(id, number);
      items.push({ itemId: id, debtorId, number, paymentReference: texts.itemReferences[row]!, openMinor: numbers.itemOpen[row]!, currency: numbers.currencies[numbers.itemCurrency[row]!]!, dueDate: fromDayNumber(numbers.itemDueDay[row]!) });
    }
    for (let row = 0; row < numbers.paymentDebtor.length; row += 1) {
      knownPaymentIds.add(texts.paymentIds[row]!);
      const iban = texts.paymentCounterpartyIbans[row]!;
      if (!iban) continue;
      const debtorId = numbers.debtorIds[numbers.paymentDebtor[row]!]!;
      let set = ibans.get(debtorId);
      if (!set) ibans.set(debtorId, (set = new Set()));
      set.add(iban);
    }
  }
  const matchable: MatchableDebtor[] = [...debtors.values()].map((debtor) => ({ debtorId: debtor.id, name: debtor.name, ibans: [...(ibans.get(debtor.id) ?? [])] }));
  return { matcher: new PaymentMatcher(items, matchable), debtors, itemNumbers, knownPaymentIds };
}

export interface PreparedBankPayments {
  readonly preview: PaymentsPreview;
  readonly updates: ChunkUpdate[];
  readonly toReview: PaymentToReview[];
}

/**
 * Works out what a bank statement changes, without storing anything: each incoming payment is matched
 * (PaymentMatcher) and booked on its debtor's ledger, or kept for review; lines Kredo already has and
 * money going out are skipped.
 */
export async function prepareBankPayments(db: KredoDb, transactions: readonly BankTransaction[], options: { readonly fileName: string; readonly at: string }): Promise<PreparedBankPayments> {
  const index = await loadStoreIndex(db);
  const data = await loadMatchingData(db, index);
  const editor = new ChunkEditor(db, index);
  const decisions = decidePayments(transactions, data.matcher, data.knownPaymentIds);
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

  for (const [index, decision] of decisions.entries()) {
    const transaction = transactions[index]!;
    if (decision.kind === 'duplicate') duplicates += 1;
    else if (decision.kind === 'notReceipt') notReceipts += 1;
    else if (decision.kind === 'book') {
      const { match } = decision;
      const debtor = data.debtors.get(match.debtorId)!;
      await editor.setLedger(debtor, bookPayment(await editor.ledgerOf(debtor), transaction, match.itemIds));
      booked.add(row(transaction, debtor, { method: match.method, invoiceNumbers: match.itemIds.map((id) => data.itemNumbers.get(id) ?? id), fit: match.fit, reason: null }), transaction.amountMinor);
    } else {
      const candidateDebtorIds = decision.match.kind === 'ambiguous' ? decision.match.debtorIds : [];
      toReview.push({ id: transaction.id, transaction, reason: decision.match.kind, candidateDebtorIds, fileName: options.fileName, importedAt: options.at });
      review.add(row(transaction, undefined, { method: null, invoiceNumbers: [], fit: null, reason: decision.match.kind }), transaction.amountMinor);
    }
  }
  return { preview: { booked: booked.result(), toReview: review.result(), duplicates, notReceipts }, updates: editor.updates(), toReview };
}
