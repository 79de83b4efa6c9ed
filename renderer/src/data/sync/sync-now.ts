import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { policyTermsFrom, type InsurerPolicy } from '../../../../shared/sync/policy-terms';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import { runSync, type SyncReport } from './run-sync';
import { newTally, recordSyncRun, resultOf, runErrorOf, type SyncTally } from './sync-history';
import { rememberRetryAt } from './sync-support';

/** The sync port plus the policy read, as the main process offers them over IPC. */
export interface InsurerPort extends InsurerSyncPort {
  policyTerms(): Promise<InsurerPolicy>;
}

export interface SyncNowRequest {
  readonly today: IsoDate;
  /** Which insurer and policy: when it differs from the last sync's, the cursor belongs to another feed. */
  readonly connectionId: string;
  /** The app's pinned instant when its clock is fixed (tests, benchmarks); the worker's clock otherwise. */
  readonly fixedNow?: string;
  /** "Sync now": send every waiting request at once, whatever its back-off says. */
  readonly force?: boolean;
}

/**
 * One sync as the app runs it: a new insurer (or policy) starts from a full resync, the policy terms come
 * first (they are the rules the screens apply), then the outbox and the feed. The limit changes it brings
 * are kept for the notification list, newest first, by applyInsurerCovers in the same transaction as the limits.
 * Each sync, whether it went through or not, goes into the sync history with what it changed (sync-history.ts).
 */
export async function syncNow(db: KredoDb, port: InsurerPort, request: SyncNowRequest): Promise<SyncReport> {
  const now = () => (request.fixedNow ? new Date(request.fixedNow) : new Date());
  const startedAt = now().toISOString();
  const tally = newTally();
  // What the run was to be when it stops before reading anything: a full read when there is no cursor yet.
  let hadCursor = false;
  const record = (result: Parameters<typeof recordSyncRun>[1]['result'], error?: unknown) =>
    recordSyncRun(db, { startedAt, finishedAt: now().toISOString(), kind: tally.full || !hadCursor ? 'full' : 'incremental', result, ...(error !== undefined && { error: runErrorOf(error) }), ...(request.force && { forced: true }) }, tally);
  try {
    const report = await syncOnce(db, port, request, now, tally, (cursor) => (hadCursor = cursor));
    await record(resultOf(tally));
    return report;
  } catch (error) {
    // The history must not hide why the sync failed: a failure to record it is dropped, the sync's own error thrown.
    await record('failed', error).catch(() => undefined);
    throw error;
  }
}

async function syncOnce(db: KredoDb, port: InsurerPort, request: SyncNowRequest, now: () => Date, tally: SyncTally, cursorKnown: (hadCursor: boolean) => void): Promise<SyncReport> {
  // One read for both (issue 14: a round trip each); another connection's cursor is dropped below.
  const [previous, cursor] = await db.syncState.bulkGet(['connectionId', 'cursor']);
  const sameConnection = previous?.value === request.connectionId;
  if (!sameConnection) {
    await db.transaction('rw', db.syncState, async () => {
      await db.syncState.bulkDelete(['cursor', 'seenEvents', 'lastSyncAt']);
      await db.syncState.put({ key: 'connectionId', value: request.connectionId });
    });
  }
  cursorKnown(sameConnection && typeof cursor?.value === 'string');
  // The policy is read first: an insurer in maintenance says so here, with the time to come back.
  const terms = policyTermsFrom(await port.policyTerms().catch(async (error: unknown) => {
    await rememberRetryAt(db, error);
    throw error;
  }));
  await db.transaction('rw', db.policies, async () => {
    await db.policies.clear();
    await db.policies.put(terms);
  });

  return runSync(db, port, { now, today: request.today, random: Math.random, ...(request.force && { force: true }) }, tally);
}
