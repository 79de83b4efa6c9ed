import { KredoError } from '../../../../shared/errors/kredo-error';
import { newOutboxEntry, UNSENT_STATES, type LimitOutboxEntry, type LimitRequestType } from '../../../../shared/sync/limit-outbox';
import type { KredoDb } from '../db/kredo-db';

export interface LimitRequestInput {
  /** A fresh UUID: the request's Idempotency-Key for every attempt. */
  readonly id: string;
  readonly debtorId: string;
  readonly type: LimitRequestType;
  readonly amountMinor?: number;
  readonly currency: string;
  /** ISO 8601 instant of the controller's request. */
  readonly at: string;
}

/**
 * Puts a limit request in the outbox, whether or not the insurer can be reached: the sync sends it when it
 * can. Insurers accept one open request per buyer (insurer-apis.md §3.1, "Business uniqueness"), so Kredo
 * refuses a second one here, in the controller's language, rather than after a round trip.
 */
export async function queueLimitRequest(db: KredoDb, input: LimitRequestInput): Promise<LimitOutboxEntry> {
  const entry = newOutboxEntry({ id: input.id, debtorId: input.debtorId, type: input.type, currency: input.currency, createdAt: input.at, ...(input.amountMinor !== undefined && { amountMinor: input.amountMinor }) });
  return db.transaction('rw', db.limitOutbox, db.audit, async () => {
    const open = await db.limitOutbox.where('debtorId').equals(input.debtorId).filter((candidate) => UNSENT_STATES.has(candidate.state) || candidate.state === 'PENDING').count();
    if (open > 0) throw new KredoError('sync.requestPending');
    await db.limitOutbox.add(entry);
    await db.audit.add({ at: input.at, actor: 'user', action: 'limit.requested', entityType: 'limit', entityId: input.debtorId, details: { requestId: entry.id, type: entry.type, ...(entry.amountMinor !== undefined && { amountMinor: entry.amountMinor }), currency: entry.currency } });
    return entry;
  });
}
