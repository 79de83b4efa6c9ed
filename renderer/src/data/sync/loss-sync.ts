import { feedEventSchema } from '../../../../shared/sync/feed-page';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { dueEntries } from '../../../../shared/sync/limit-outbox';
import { applyLossUpdate, lossAcknowledged, lossAttemptFailed, lossUpdateOf, type LossSubmission } from '../../../../shared/sync/loss-submission';
import { retryDelay } from '../../../../shared/sync/retry-policy';
import type { KredoDb } from '../db/kredo-db';
import type { SyncClock } from './run-sync';
import { debtorFor, describeError } from './sync-support';

/**
 * Sends the overdue notifications, collection handovers and claims waiting in the loss outbox, oldest
 * first, each stored after its attempt (so a crash sends it again under the same key, never twice). A
 * refusal (a deadline passed, say) stops that entry for good and is shown with the insurer's reason.
 */
export async function sendLossOutbox(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<{ sent: number; refused: number; waiting: number }> {
  let sent = 0;
  let refused = 0;
  let waiting = 0;
  const now = clock.force ? new Date(8.64e15) : clock.now();
  for (const entry of dueEntries(await db.lossOutbox.toArray(), now)) {
    const debtor = await debtorFor(db, entry.debtorId);
    if (!debtor) continue;
    let next: LossSubmission;
    try {
      const companyId = debtor.insurerBuyerId ?? (await port.lookupBuyer(debtor.country, debtor.identifiers));
      if (!companyId) throw { code: 'insurer.refused', status: 404, problemType: 'no_buyer_match' };
      next = lossAcknowledged(entry, await port.submitLoss(entry, { companyId, customerCode: debtor.customerCode }));
      sent += 1;
    } catch (error) {
      const problem = describeError(error);
      if (problem.code === 'insurer.refused') {
        next = lossAttemptFailed(entry, { kind: 'rejected', status: problem.status }, clock.now(), problem.problemType);
        refused += 1;
      } else {
        next = lossAttemptFailed(entry, { kind: 'retry', reason: 'network', delayMs: retryDelay(entry.attempts, undefined, clock.random) }, clock.now());
        waiting += 1;
      }
    }
    await db.lossOutbox.put(next);
    if (next.state === 'SUBMITTED_LOCAL') break;
  }
  return { sent, refused, waiting };
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

