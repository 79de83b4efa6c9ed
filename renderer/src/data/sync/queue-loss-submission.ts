import { KredoError } from '../../../../shared/errors/kredo-error';
import { ExchangeRateTable } from '../../../../shared/money/exchange-rates';
import { lossInvoicesOf } from '../../../../shared/sync/loss-invoices';
import { UNSENT_STATES } from '../../../../shared/sync/limit-outbox';
import { newLossSubmission, type LossDetail, type LossKind, type LossSubmission } from '../../../../shared/sync/loss-submission';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { readDebtorLedger } from '../store/read-ledger';

export interface LossSubmissionInput {
  /** A fresh UUID: the submission's Idempotency-Key for every attempt. */
  readonly id: string;
  readonly debtorId: string;
  readonly kind: LossKind;
  /** The invoices to include; all overdue, undisputed open invoices when absent. */
  readonly itemIds?: readonly string[];
  readonly detail: LossDetail;
  readonly at: string;
  readonly today: IsoDate;
}

/** The insurer's id of the debtor's latest acknowledged submission of a kind: a claim refers to its overdue notification. */
const latestInsurerId = (entries: readonly LossSubmission[], kind: LossKind) =>
  entries.filter((entry) => entry.kind === kind && entry.insurerId !== undefined).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]?.insurerId;

/**
 * Puts an overdue notification, a collection handover or a claim in the loss outbox, online or not: the
 * sync sends it. The invoices are taken from the ledger as they stand (open amounts, gross and net, in
 * the policy currency); disputed invoices are left out, since the insurer does not cover a disputed debt.
 */
export async function queueLossSubmission(db: KredoDb, input: LossSubmissionInput): Promise<LossSubmission> {
  return db.transaction('rw', [db.lossOutbox, db.audit, db.debtorChunks, db.ledgerNumbers, db.ledgerTexts, db.policies, db.exchangeRates], async () => {
    const chunk = await db.debtorChunks.filter((candidate) => candidate.debtors.some((debtor) => debtor.id === input.debtorId)).first();
    const [policy] = await db.policies.toArray();
    const ledger = chunk && (await readDebtorLedger(db, chunk.chunkId, input.debtorId));
    if (!chunk || !policy || !ledger) throw new KredoError('import.debtorGone');
    const earlier = await db.lossOutbox.where('debtorId').equals(input.debtorId).toArray();
    if (earlier.some((entry) => entry.kind === input.kind && UNSENT_STATES.has(entry.state))) throw new KredoError('sync.submissionPending');

    const wanted = input.itemIds ? new Set(input.itemIds) : undefined;
    const items = ledger.items.filter((item) => !item.dispute && (wanted ? wanted.has(item.id) : item.dueDate < input.today));
    const invoices = lossInvoicesOf(items, { currency: policy.currency, rates: new ExchangeRateTable(await db.exchangeRates.toArray()), asOf: input.today });
    if (invoices.length === 0) throw new KredoError('sync.nothingOverdue');
    const overdueId = latestInsurerId(earlier, 'overdue');
    const caseId = latestInsurerId(earlier, 'collection');
    const detail: LossDetail = { ...input.detail, ...(input.kind !== 'overdue' && overdueId && { overdueId }), ...(input.kind === 'claim' && caseId && { caseId }) };
    const entry = newLossSubmission({ id: input.id, debtorId: input.debtorId, kind: input.kind, createdAt: input.at, invoices, detail });
    await db.lossOutbox.add(entry);
    const totalMinor = invoices.reduce((sum, invoice) => sum + invoice.grossAmountMinor, 0);
    await db.audit.add({ at: input.at, actor: 'user', action: `insurer.${input.kind}Queued`, entityType: 'debtor', entityId: input.debtorId, details: { submissionId: entry.id, invoices: invoices.length, amountMinor: totalMinor, currency: policy.currency } });
    return entry;
  });
}
