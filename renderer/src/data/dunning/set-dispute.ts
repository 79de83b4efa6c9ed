import { DISPUTE_REASONS, type DisputeReason } from '../../../../shared/domain/ledger/ledger-types';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { changeDebtor } from '../store/change-debtor';

export interface DisputeRequest {
  readonly debtorId: string;
  readonly itemId: string;
  /** The reason code, or null to settle the dispute. */
  readonly reason: DisputeReason | null;
  readonly today: IsoDate;
  readonly at: string;
  readonly homeCurrency: string;
}

/**
 * Marks an invoice disputed (with a reason code) or settles the dispute. A disputed invoice is not dunned
 * and counts as uninsured — the insurer does not cover a disputed debt — so the debtor's summary and the
 * portfolio are recomputed in the same transaction, with an audit line.
 */
export async function setDispute(db: KredoDb, request: DisputeRequest): Promise<void> {
  if (request.reason !== null && !DISPUTE_REASONS.includes(request.reason)) throw new KredoError('ipc.invalidRequest');
  await changeDebtor(db, request, async (debtor, editor) => {
    const ledger = await editor.ledgerOf(debtor);
    const item = ledger.items.find((candidate) => candidate.id === request.itemId);
    if (!item) throw new KredoError('dunning.invoiceGone');
    const { dispute: _previous, ...undisputed } = item;
    const changed = request.reason === null ? undisputed : { ...item, dispute: { reason: request.reason, since: item.dispute?.since ?? request.today } };
    await editor.setLedger(debtor, { ...ledger, items: ledger.items.map((candidate) => (candidate.id === item.id ? changed : candidate)) });
    return { audit: { action: request.reason === null ? 'item.disputeSettled' : 'item.disputed', details: { itemId: item.id, number: item.number, ...(request.reason !== null && { reason: request.reason }) } }, result: undefined };
  });
}
