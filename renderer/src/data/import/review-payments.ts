import type { AuditEntry } from '../../../../shared/domain/audit/audit-entry';
import { KredoError } from '../../../../shared/errors/kredo-error';
import { bookPayment } from '../../../../shared/import/plan-bank-payments';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from './chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from './rewrite-chunks';

export interface Assignment {
  readonly paymentId: string;
  readonly debtorId: string;
  /** The invoices the controller picked, in order; none means "the debtor's oldest invoices first". */
  readonly itemIds: readonly string[];
  readonly at: string;
  readonly today: IsoDate;
  readonly homeCurrency: string;
}

/**
 * Books a payment the controller assigned on the review screen: on the chosen debtor's ledger (and
 * invoices), with fresh summaries, and off the review list — in one transaction, with an audit entry.
 */
export async function assignPayment(db: KredoDb, assignment: Assignment): Promise<void> {
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.paymentsToReview, db.audit];
  await db.transaction('rw', tables, async () => {
    const waiting = await db.paymentsToReview.get(assignment.paymentId);
    if (!waiting) throw new KredoError('import.paymentGone');
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(assignment.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const editor = new ChunkEditor(db, index);
    await editor.setLedger(debtor, bookPayment(await editor.ledgerOf(debtor), waiting.transaction, assignment.itemIds));
    await rewriteChunks(db, editor.updates(), { today: assignment.today, homeCurrency: assignment.homeCurrency });
    await db.paymentsToReview.delete(assignment.paymentId);
    const entry: AuditEntry = {
      at: assignment.at,
      actor: 'user',
      action: 'payment.assigned',
      entityType: 'payment',
      entityId: assignment.paymentId,
      details: { debtorId: debtor.id, customerCode: debtor.customerCode, amountMinor: waiting.transaction.amountMinor, currency: waiting.transaction.currency, invoices: assignment.itemIds.length },
    };
    await db.audit.add(entry);
  });
}

/** Takes a line off the review list that is not a customer's payment (a refund, a transfer), with an audit entry. */
export async function dismissPayment(db: KredoDb, request: { readonly paymentId: string; readonly at: string }): Promise<void> {
  await db.transaction('rw', db.paymentsToReview, db.audit, async () => {
    const waiting = await db.paymentsToReview.get(request.paymentId);
    if (!waiting) throw new KredoError('import.paymentGone');
    await db.paymentsToReview.delete(request.paymentId);
    await db.audit.add({
      at: request.at,
      actor: 'user',
      action: 'payment.dismissed',
      entityType: 'payment',
      entityId: request.paymentId,
      details: { amountMinor: waiting.transaction.amountMinor, currency: waiting.transaction.currency, counterpartyName: waiting.transaction.counterpartyName },
    });
  });
}
