import { digestFeedPage } from '../../../../shared/sync/feed-page';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { acknowledged, attemptFailed, decided, dueEntries, type LimitOutboxEntry } from '../../../../shared/sync/limit-outbox';
import { retryDelay } from '../../../../shared/sync/retry-policy';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { applyInsurerCovers, type InsurerLimitChange } from './apply-insurer-covers';
import { applyLossUpdates, refreshOpenLosses, sendLossOutbox } from './loss-sync';
import { debtorFor, describeError } from './sync-support';

export interface SyncClock {
  readonly now: () => Date;
  readonly today: IsoDate;
  readonly random: () => number;
  /** Send every waiting request now, ignoring back-off ("Sync now"). */
  readonly force?: boolean;
}

export interface SyncReport {
  readonly sent: number;
  readonly refused: number;
  readonly waiting: number;
  readonly changedLimits: number;
  /** What changed, for the controller's notifications. */
  readonly changes: readonly InsurerLimitChange[];
  readonly fullResync: boolean;
  readonly lastSyncAt: string;
}

/** How many event ids are remembered against redelivery: far more than a feed page. */
const SEEN_EVENTS_KEPT = 5_000;

/**
 * Sends what waits in the outbox. Each entry is stored after each attempt, so a crash between attempts
 * sends it again under the same key, never as a second request.
 */
async function sendOutbox(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<{ sent: number; refused: number; waiting: number; changes: InsurerLimitChange[] }> {
  const changes: InsurerLimitChange[] = [];
  let sent = 0;
  let refused = 0;
  let waiting = 0;
  // The far future makes every waiting entry due: the controller asked for a sync now.
  for (const entry of dueEntries(await db.limitOutbox.toArray(), clock.force ? new Date(8.64e15) : clock.now())) {
    const debtor = await debtorFor(db, entry.debtorId);
    if (!debtor) continue;
    let next: LimitOutboxEntry;
    try {
      const companyId = debtor.insurerBuyerId ?? (await port.lookupBuyer(debtor.country, debtor.identifiers));
      if (!companyId) throw { code: 'insurer.refused', status: 404, problemType: 'no_buyer_match' };
      const answer = await port.submit(entry, { companyId, customerCode: debtor.customerCode });
      next = acknowledged(entry, { decided: answer.decided, ...(answer.requestId !== undefined && { insurerRequestId: answer.requestId }), ...(answer.cover && { coverId: answer.cover.coverId }) });
      if (answer.cover) changes.push(...(await applyInsurerCovers(db, [answer.cover], { today: clock.today, at: clock.now().toISOString() })).changes);
      sent += 1;
    } catch (error) {
      const problem = describeError(error);
      if (problem.code === 'insurer.refused') {
        next = attemptFailed(entry, { kind: 'rejected', status: problem.status }, clock.now(), problem.problemType);
        refused += 1;
      } else {
        next = attemptFailed(entry, { kind: 'retry', reason: 'network', delayMs: retryDelay(entry.attempts, undefined, clock.random) }, clock.now());
        waiting += 1;
      }
    }
    await db.limitOutbox.put(next);
    if (next.state === 'SUBMITTED_LOCAL') break; // The insurer is not answering: the rest waits too.
  }
  return { sent, refused, waiting, changes };
}

/**
 * Brings the limits up to date: everything on the first sync or after the cursor expired, otherwise the
 * change feed page by page from the stored cursor. Each page's covers land in one transaction, and the
 * cursor is stored only after them, so an interrupted sync re-reads a page rather than skipping one.
 */
async function pullChanges(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<{ changedLimits: number; changes: InsurerLimitChange[]; fullResync: boolean }> {
  const changes: InsurerLimitChange[] = [];
  const at = () => clock.now().toISOString();
  const cursor = (await db.syncState.get('cursor'))?.value;
  const resync = async () => {
    const { covers, cursor: fresh } = await port.fullResync();
    const applied = await applyInsurerCovers(db, covers, { today: clock.today, at: at() });
    await db.syncState.bulkPut([{ key: 'cursor', value: fresh }, { key: 'seenEvents', value: [] }]);
    await refreshOpenLosses(db, port);
    return { changedLimits: applied.changed.length, changes: [...applied.changes], fullResync: true };
  };
  if (typeof cursor !== 'string') return resync();
  let changedLimits = 0;
  let current = cursor;
  let seen = ((await db.syncState.get('seenEvents'))?.value as string[] | undefined) ?? [];
  try {
    for (;;) {
      const page = await port.changes(current);
      const digest = digestFeedPage(page.items, new Set(seen));
      const applied = await applyInsurerCovers(db, digest.covers, { today: clock.today, at: at() });
      changedLimits += applied.changed.length;
      changes.push(...applied.changes);
      await applyLossUpdates(db, page.items);
      for (const request of digest.decidedRequests) {
        const entry = await db.limitOutbox.filter((candidate) => candidate.insurerRequestId === request.requestId).first();
        if (entry && entry.state === 'PENDING') await db.limitOutbox.put(decided(entry, request.coverId));
      }
      seen = [...seen, ...digest.eventIds].slice(-SEEN_EVENTS_KEPT);
      current = page.nextCursor;
      await db.syncState.bulkPut([{ key: 'cursor', value: current }, { key: 'seenEvents', value: seen }]);
      if (!page.hasMore) break;
    }
  } catch (error) {
    if (describeError(error).code === 'insurer.resyncNeeded') return resync();
    throw error;
  }
  return { changedLimits, changes, fullResync: false };
}

/** One sync: the outbox out, the insurer's changes in. Throws `insurer.unavailable` when the insurer cannot be reached. */
export async function runSync(db: KredoDb, port: InsurerSyncPort, clock: SyncClock): Promise<SyncReport> {
  const outbox = await sendOutbox(db, port, clock);
  const losses = await sendLossOutbox(db, port, clock);
  const pulled = await pullChanges(db, port, clock);
  const lastSyncAt = clock.now().toISOString();
  await db.syncState.put({ key: 'lastSyncAt', value: lastSyncAt });
  return { ...outbox, sent: outbox.sent + losses.sent, refused: outbox.refused + losses.refused, waiting: outbox.waiting + losses.waiting, ...pulled, changes: [...outbox.changes, ...pulled.changes], lastSyncAt };
}
