import { findOwnRequest, lookupSince } from '../../../../shared/sync/insurer-lookup';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { acknowledged, attemptFailed } from '../../../../shared/sync/limit-outbox';
import type { KredoDb } from '../db/kredo-db';
import { applyInsurerCovers, type InsurerLimitChange } from './apply-insurer-covers';
import type { SyncClock } from './run-sync';
import { sendDueChecked, type OutboxReport } from './send-checked';

/**
 * Sends what waits in the limit-request outbox, oldest first, looking a request up at the insurer before
 * sending it again when its answer may have been lost (send-checked.ts). Each entry is stored after each
 * attempt, so a crash between attempts sends it again under the same key, never as a second request.
 */
export async function sendOutbox(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<OutboxReport & { changes: InsurerLimitChange[] }> {
  const changes: InsurerLimitChange[] = [];
  const report = await sendDueChecked(db, port, clock, {
    table: db.limitOutbox,
    kindOf: () => 'limit',
    async find(unsent, companyId) {
      const known = new Set((await db.limitOutbox.toArray()).flatMap((other) => (other.id !== unsent.id && other.insurerRequestId ? [other.insurerRequestId] : [])));
      const record = findOwnRequest(unsent, await port.coverRequests(companyId, lookupSince(unsent)), known);
      if (!record) return undefined;
      const next = acknowledged(unsent, { decided: record.status === 'DECIDED', insurerRequestId: record.requestId, ...(record.coverId !== undefined && { coverId: record.coverId }) });
      return { entry: next, insurerId: record.requestId };
    },
    async send(unsent, buyer) {
      const answer = await port.submit(unsent, buyer);
      if (answer.cover) changes.push(...(await applyInsurerCovers(db, [answer.cover], { today: clock.today, at: clock.now().toISOString() })).changes);
      return acknowledged(unsent, { decided: answer.decided, ...(answer.requestId !== undefined && { insurerRequestId: answer.requestId }), ...(answer.cover && { coverId: answer.cover.coverId }) });
    },
    failed: attemptFailed,
  });
  return { ...report, changes };
}
