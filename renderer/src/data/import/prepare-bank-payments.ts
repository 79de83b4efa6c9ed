import type { BankTransaction } from '../../../../shared/import/bank-transaction';
import { bookPayment } from '../../../../shared/import/plan-bank-payments';
import type { KredoDb } from '../db/kredo-db';
import type { PaymentToReview, StoredDebtor } from '../db/schema';
import { ChunkEditor, loadStoreIndex } from './chunk-loader';
import { loadLedgerColumns, matchPayments } from './match-payments';
import { SampleCollector, type PaymentRow, type PaymentsPreview } from './import-preview';
import type { ChunkUpdate } from './rewrite-chunks';

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
  const { decisions, itemNumbers } = matchPayments(await loadLedgerColumns(db), index, transactions);
  const editor = new ChunkEditor(db, index);
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
      await editor.setLedger(debtor, bookPayment(await editor.ledgerOf(debtor), transaction, match.itemIds));
      booked.add(row(transaction, debtor, { method: match.method, invoiceNumbers: match.itemIds.map((id) => itemNumbers.get(id) ?? id), fit: match.fit, reason: null }), transaction.amountMinor);
    } else {
      const candidateDebtorIds = decision.match.kind === 'ambiguous' ? decision.match.debtorIds : [];
      toReview.push({ id: transaction.id, transaction, reason: decision.match.kind, candidateDebtorIds, fileName: options.fileName, importedAt: options.at });
      review.add(row(transaction, undefined, { method: null, invoiceNumbers: [], fit: null, reason: decision.match.kind }), transaction.amountMinor);
    }
  }
  return { preview: { booked: booked.result(), toReview: review.result(), duplicates, notReceipts }, updates: editor.updates(), toReview };
}
