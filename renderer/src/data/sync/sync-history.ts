import type { KredoDb } from '../db/kredo-db';
import type { SyncRun } from '../db/schema';
import type { InsurerLimitChange } from './apply-insurer-covers';
import { describeError } from './sync-support';

/**
 * The insurer sync's history (issue 17): each sync, when it ran, full or incremental, how it ended and what
 * it changed, for the Insurer sync screen. Bounded so the store does not grow with every five-minute sync
 * over the years: the last RUNS_KEPT runs, each with at most CHANGES_KEPT_PER_RUN of its limit changes, and
 * at most CHANGES_KEPT_IN_ALL changes over all runs (older runs keep their counts, not their lists). Every
 * change also stays in the audit trail and on the debtor's page, so nothing is lost by the bound.
 */
export const RUNS_KEPT = 200;
/** A first full read of a tier-L portfolio changes ~20,000 limits: the screen lists the first 5,000. */
export const CHANGES_KEPT_PER_RUN = 5_000;
export const CHANGES_KEPT_IN_ALL = 20_000;

/** What one sync did so far, added to as it goes, so a sync that stops half-way still records what landed. */
export interface SyncTally {
  readonly changes: InsurerLimitChange[];
  /** Every limit was read again (a first sync, a new insurer, or a cursor the insurer no longer knows). */
  full: boolean;
  sent: number;
  refused: number;
  waiting: number;
  unreadable: number;
}

export const newTally = (): SyncTally => ({ changes: [], full: false, sent: 0, refused: 0, waiting: 0, unreadable: 0 });

/** How a sync that went through ended: partial when something was set aside unread or a request could not go. */
export const resultOf = (tally: SyncTally): SyncRun['result'] => (tally.unreadable > 0 || tally.waiting > 0 ? 'partial' : 'ok');

/** A thrown error as the history keeps it: its code and parameters, translated when shown. */
export function runErrorOf(error: unknown): NonNullable<SyncRun['error']> {
  const code = describeError(error).code ?? 'internal';
  const raw = (error as { params?: unknown } | null)?.params;
  const params = Object.fromEntries(Object.entries(typeof raw === 'object' && raw !== null ? raw : {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));
  return Object.keys(params).length > 0 ? { code, params } : { code };
}

export interface RunToRecord {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly kind: SyncRun['kind'];
  readonly result: SyncRun['result'];
  readonly error?: SyncRun['error'];
  readonly forced?: boolean;
}

/**
 * A sync that read only the insurer's changes, found none, sent and left out nothing and was not asked for:
 * the syncs Kredo runs every few minutes. They are not listed — 200 of them would push every sync that did
 * something out of the history within a day — and the screen's "Last sync" says when Kredo last checked.
 * (They also leave the store as it was, which the kill tests of tests/e2e/process-kill.spec.ts rely on.)
 */
const isQuiet = (run: RunToRecord, tally: SyncTally): boolean =>
  run.kind === 'incremental' && run.result === 'ok' && run.error === undefined && run.forced !== true && tally.changes.length === 0 && tally.sent === 0 && tally.refused === 0 && tally.waiting === 0 && tally.unreadable === 0;

/**
 * Records one sync and trims the history to its bounds, in one transaction. Returns the run's number, or
 * undefined for a quiet sync, which is not listed (isQuiet).
 * Costs in proportion to the history (at most RUNS_KEPT small records read), never to the portfolio.
 */
export async function recordSyncRun(db: KredoDb, run: RunToRecord, tally: SyncTally): Promise<number | undefined> {
  if (isQuiet(run, tally)) return undefined;
  const kept = tally.changes.slice(0, CHANGES_KEPT_PER_RUN);
  return db.transaction('rw', db.syncRuns, db.syncRunChanges, async () => {
    const record: SyncRun = {
      ...run,
      sent: tally.sent,
      refused: tally.refused,
      waiting: tally.waiting,
      changed: tally.changes.length,
      unreadable: tally.unreadable,
      changesKept: kept.length,
    };
    const seq = await db.syncRuns.add(record);
    if (kept.length > 0) await db.syncRunChanges.put({ seq, changes: kept });
    const runs = await db.syncRuns.orderBy(':id').reverse().toArray();
    const dropped = runs.slice(RUNS_KEPT).map((old) => old.seq!);
    if (dropped.length > 0) {
      await db.syncRuns.bulkDelete(dropped);
      await db.syncRunChanges.bulkDelete(dropped);
    }
    // Newest first: the changes of older runs go once all together pass the bound; their counts stay.
    let total = 0;
    const emptied: SyncRun[] = [];
    for (const older of runs.slice(0, RUNS_KEPT)) {
      total += older.changesKept;
      if (total > CHANGES_KEPT_IN_ALL && older.changesKept > 0) emptied.push({ ...older, changesKept: 0 });
    }
    if (emptied.length > 0) {
      await db.syncRuns.bulkPut(emptied);
      await db.syncRunChanges.bulkDelete(emptied.map((older) => older.seq!));
    }
    return seq;
  });
}
