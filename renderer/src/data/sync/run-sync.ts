import { digestFeedPage } from '../../../../shared/sync/feed-page';
import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { decided } from '../../../../shared/sync/limit-outbox';
import { KredoError } from '../../../../shared/errors/kredo-error';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { applyInsurerCovers, coverTables, type InsurerLimitChange } from './apply-insurer-covers';
import { keepQuarantined, releaseReadable, withAnswersQuarantined } from './insurer-quarantine';
import { sendOutbox } from './limit-sync';
import { newTally, type SyncTally } from './sync-history';
import { applyLossUpdates, refreshOpenLosses, sendLossOutbox } from './loss-sync';
import type { OutboxReport } from './send-checked';
import { describeError, INSURER_RETRY_AT, rememberRetryAt } from './sync-support';

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
 * Brings the limits up to date: everything on the first sync or after the cursor expired, otherwise the
 * change feed page by page from the stored cursor. Each page lands in one transaction with the cursor past
 * it, so an interrupted sync re-reads a page rather than skipping one, and never half-applies one.
 */
async function pullChanges(db: KredoDb, port: InsurerSyncPort, clock: SyncClock, tally: SyncTally): Promise<{ changedLimits: number; changes: InsurerLimitChange[]; fullResync: boolean }> {
  const changes: InsurerLimitChange[] = [];
  const at = () => clock.now().toISOString();
  // One read for both (issue 14: a round trip each); the seen events matter only with a cursor.
  const [cursorRecord, seenRecord] = await db.syncState.bulkGet(['cursor', 'seenEvents']);
  const cursor = cursorRecord?.value;
  const resync = async () => {
    tally.full = true;
    const { covers, cursor: fresh, rejected = [] } = await port.fullResync();
    const applied = await applyInsurerCovers(db, covers, { today: clock.today, at: at() });
    tally.changes.push(...applied.changes);
    // One unreadable cover does not fail the resync: it is set aside and shown, the others land.
    tally.unreadable += await keepQuarantined(db, 'resync', rejected, at(), { replaceAll: true });
    await db.syncState.bulkPut([{ key: 'cursor', value: fresh }, { key: 'seenEvents', value: [] }]);
    await refreshOpenLosses(db, port);
    return { changedLimits: applied.changed.length, changes: [...applied.changes], fullResync: true };
  };
  if (typeof cursor !== 'string') return resync();
  let changedLimits = 0;
  let current = cursor;
  let seen = (seenRecord?.value as string[] | undefined) ?? [];
  try {
    for (;;) {
      const page = await port.changes(current);
      const digest = digestFeedPage(page.items, new Set(seen));
      const nextSeen = [...seen, ...digest.eventIds].slice(-SEEN_EVENTS_KEPT);
      // The page lands whole, with the cursor past it, in one transaction: its covers, the quarantine (what
      // could not be read is kept and shown before the cursor moves past it, never skipped unseen), the loss
      // news and the decided requests. A crash anywhere in it re-reads the page; one commit instead of four or
      // more (issue 14: each commit is a round trip to the browser's IndexedDB).
      const { applied, kept } = await db.transaction('rw', [...coverTables(db), db.insurerQuarantine, db.lossOutbox, db.limitOutbox], async () => {
        const applied = await applyInsurerCovers(db, digest.covers, { today: clock.today, at: at() });
        await releaseReadable(db, digest.covers);
        const kept = await keepQuarantined(db, 'feed', digest.rejected, at());
        await applyLossUpdates(db, page.items);
        for (const request of digest.decidedRequests) {
          const entry = await db.limitOutbox.filter((candidate) => candidate.insurerRequestId === request.requestId).first();
          if (entry && entry.state === 'PENDING') await db.limitOutbox.put(decided(entry, request.coverId));
        }
        await db.syncState.bulkPut([{ key: 'cursor', value: page.nextCursor }, { key: 'seenEvents', value: nextSeen }]);
        return { applied, kept };
      });
      tally.unreadable += kept;
      changedLimits += applied.changed.length;
      changes.push(...applied.changes);
      tally.changes.push(...applied.changes);
      seen = nextSeen;
      current = page.nextCursor;
      if (!page.hasMore) break;
    }
  } catch (error) {
    if (describeError(error).code === 'insurer.resyncNeeded') return resync();
    throw error;
  }
  return { changedLimits, changes, fullResync: false };
}

/**
 * One sync: the outbox out, the insurer's changes in. Throws `insurer.unavailable` when the insurer cannot be
 * reached, with `retryAt` when it asked Kredo to come back later (a Retry-After beyond what the client
 * waits in a call): the sync stops there instead of asking again at once, the requests wait in the outbox
 * until then, and the time is kept (`insurerRetryAt`) to show the controller.
 */
export async function runSync(db: KredoDb, port: InsurerSyncPort, clock: SyncClock, tally: SyncTally = newTally()): Promise<SyncReport> {
  const count = (report: OutboxReport) => {
    tally.sent += report.sent;
    tally.refused += report.refused;
    tally.waiting += report.waiting;
  };
  try {
    const outbox = await sendOutbox(db, withAnswersQuarantined(db, port, clock.now, (kept) => (tally.unreadable += kept)), clock);
    count(outbox);
    tally.changes.push(...outbox.changes);
    if (outbox.retryAt) throw new KredoError('insurer.unavailable', { retryAt: outbox.retryAt });
    const losses = await sendLossOutbox(db, port, clock);
    count(losses);
    if (losses.retryAt) throw new KredoError('insurer.unavailable', { retryAt: losses.retryAt });
    const pulled = await pullChanges(db, port, clock, tally);
    const lastSyncAt = clock.now().toISOString();
    await db.transaction('rw', db.syncState, async () => {
      await db.syncState.put({ key: 'lastSyncAt', value: lastSyncAt });
      await db.syncState.delete(INSURER_RETRY_AT);
    });
    const { retryAt: _none, ...sentOut } = outbox;
    return { ...sentOut, sent: outbox.sent + losses.sent, refused: outbox.refused + losses.refused, waiting: outbox.waiting + losses.waiting, ...pulled, changes: [...outbox.changes, ...pulled.changes], lastSyncAt };
  } catch (error) {
    await rememberRetryAt(db, error);
    throw error;
  }
}
