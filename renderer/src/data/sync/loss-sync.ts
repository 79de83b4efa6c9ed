import { feedEventSchema } from '../../../../shared/sync/feed-page';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { findOwnSubmission, lookupSince } from '../../../../shared/sync/insurer-lookup';
import { applyLossUpdate, lossAcknowledged, lossAttemptFailed, lossUpdateOf } from '../../../../shared/sync/loss-submission';
import type { KredoDb } from '../db/kredo-db';
import type { SyncClock } from './run-sync';
import { sendDueChecked, type OutboxReport } from './send-checked';

/**
 * Sends the overdue notifications, collection handovers and claims waiting in the loss outbox, oldest
 * first, each stored after its attempt (so a crash sends it again under the same key, never twice), and
 * looked up at the insurer first when its answer may have been lost (send-checked.ts). A refusal (a
 * deadline passed, say) stops that entry for good and is shown with the insurer's reason.
 */
export async function sendLossOutbox(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<OutboxReport> {
  return sendDueChecked(db, port, clock, {
    table: db.lossOutbox,
    kindOf: (unsent) => unsent.kind,
    async find(unsent, companyId) {
      const known = new Set((await db.lossOutbox.toArray()).flatMap((other) => (other.id !== unsent.id && other.insurerId ? [other.insurerId] : [])));
      const record = findOwnSubmission(unsent, await port.lossRecords(unsent.kind, companyId, lookupSince(unsent)), known);
      return record && { entry: lossAcknowledged(unsent, { insurerId: record.insurerId, status: record.status }), insurerId: record.insurerId };
    },
    send: async (unsent, buyer) => lossAcknowledged(unsent, await port.submitLoss(unsent, buyer)),
    failed: lossAttemptFailed,
  });
}

/** The feed page's news about submissions (acknowledged, supply ban, collection progress, claim, settlement). */
export async function applyLossUpdates(db: KredoDb, items: readonly unknown[]): Promise<number> {
  let applied = 0;
  await db.transaction('rw', db.lossOutbox, async () => {
    for (const item of items) {
      const event = feedEventSchema.safeParse(item);
      const update = event.success ? lossUpdateOf(event.data.data) : undefined;
      if (!update) continue;
      const entry = await db.lossOutbox.where('insurerId').equals(update.insurerId).first();
      if (!entry) continue;
      await db.lossOutbox.put(applyLossUpdate(entry, update));
      applied += 1;
    }
  });
  return applied;
}

/** Statuses after which the insurer changes nothing more about a submission. */
const FINAL = new Set(['PAID', 'CLOSED', 'REJECTED', 'RECOVERED', 'UNSUCCESSFUL']);

/**
 * After a full resync the feed's earlier events are out of reach: each open submission is read from the
 * insurer instead, so a claim paid while Kredo was offline for weeks still shows its settlement.
 */
export async function refreshOpenLosses(db: KredoDb, port: InsurerSyncPort): Promise<number> {
  const open = (await db.lossOutbox.where('state').equals('ACKNOWLEDGED').toArray()).filter((entry) => entry.insurerId !== undefined && !FINAL.has(entry.insurerStatus ?? '') && !(entry.kind === 'overdue' && entry.insurerStatus === 'ACKNOWLEDGED'));
  for (const entry of open) {
    const records = await port.lossStatus(entry.kind, entry.insurerId!);
    let next = entry;
    for (const record of records) {
      const update = lossUpdateOf(record);
      if (update) next = applyLossUpdate(next, update);
    }
    await db.lossOutbox.put(next);
  }
  return open.length;
}

