import { DISPUTE_REASONS, type DisputeReason } from '../../../../shared/domain/ledger/ledger-types';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { ChunkEditor, loadStoreIndex } from '../import/chunk-loader';
import { REWRITTEN_TABLES, rewriteChunks } from '../import/rewrite-chunks';

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
  const tables = [...REWRITTEN_TABLES.map((name) => db.table(name)), db.audit];
  await db.transaction('rw', tables, async () => {
    const index = await loadStoreIndex(db);
    const debtor = index.byId.get(request.debtorId);
    if (!debtor) throw new KredoError('import.debtorGone');
    const editor = new ChunkEditor(db, index);
    const ledger = await editor.ledgerOf(debtor);
    const item = ledger.items.find((candidate) => candidate.id === request.itemId);
    if (!item) throw new KredoError('dunning.invoiceGone');
    const { dispute: _previous, ...undisputed } = item;
    const changed = request.reason === null ? undisputed : { ...item, dispute: { reason: request.reason, since: item.dispute?.since ?? request.today } };
    await editor.setLedger(debtor, { ...ledger, items: ledger.items.map((candidate) => (candidate.id === item.id ? changed : candidate)) });
    await rewriteChunks(db, editor.updates(), { today: request.today, homeCurrency: request.homeCurrency });
    await db.audit.add({ at: request.at, actor: 'user', action: request.reason === null ? 'item.disputeSettled' : 'item.disputed', entityType: 'debtor', entityId: request.debtorId, details: { itemId: item.id, number: item.number, ...(request.reason !== null && { reason: request.reason }) } });
  });
}
