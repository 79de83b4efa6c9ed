import type { InsurerSyncPort } from '../../../../shared/sync/insurer-sync-port';
import { policyTermsFrom, type InsurerPolicy } from '../../../../shared/sync/policy-terms';
import type { IsoDate } from '../../../../shared/time/iso-date';
import type { KredoDb } from '../db/kredo-db';
import type { InsurerLimitChange } from './apply-insurer-covers';
import { runSync, type SyncReport } from './run-sync';
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

/** How many insurer changes the notification list keeps; older ones stay in the audit trail. */
export const RECENT_CHANGES_KEPT = 200;

/**
 * One sync as the app runs it: a new insurer (or policy) starts from a full resync, the policy terms come
 * first (they are the rules the screens apply), then the outbox and the feed. The limit changes it brings
 * are kept for the notification list, newest first.
 */
export async function syncNow(db: KredoDb, port: InsurerPort, request: SyncNowRequest): Promise<SyncReport> {
  const now = () => (request.fixedNow ? new Date(request.fixedNow) : new Date());
  const previous = (await db.syncState.get('connectionId'))?.value;
  if (previous !== request.connectionId) {
    await db.transaction('rw', db.syncState, async () => {
      await db.syncState.bulkDelete(['cursor', 'seenEvents', 'lastSyncAt']);
      await db.syncState.put({ key: 'connectionId', value: request.connectionId });
    });
  }
  // The policy is read first: an insurer in maintenance says so here, with the time to come back.
  const terms = policyTermsFrom(await port.policyTerms().catch(async (error: unknown) => {
    await rememberRetryAt(db, error);
    throw error;
  }));
  await db.transaction('rw', db.policies, async () => {
    await db.policies.clear();
    await db.policies.put(terms);
  });

  const report = await runSync(db, port, { now, today: request.today, random: Math.random, ...(request.force && { force: true }) });
  if (report.changes.length > 0) await rememberChanges(db, report.changes);
  return report;
}

async function rememberChanges(db: KredoDb, changes: readonly InsurerLimitChange[]): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const kept = ((await db.syncState.get('recentChanges'))?.value as InsurerLimitChange[] | undefined) ?? [];
    await db.syncState.put({ key: 'recentChanges', value: [...[...changes].reverse(), ...kept].slice(0, RECENT_CHANGES_KEPT) });
  });
}
