import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KredoDb } from '../db/kredo-db';
import type { InsurerLimitChange } from './apply-insurer-covers';
import { CHANGES_KEPT_IN_ALL, CHANGES_KEPT_PER_RUN, newTally, recordSyncRun, RUNS_KEPT, runErrorOf } from './sync-history';

const change = (index: number): InsurerLimitChange => ({ at: '2026-12-07T09:00:00.000Z', debtorId: `D${index}`, debtorName: `Debtor ${index}`, currency: 'EUR', status: 'APPROVED', amountMinor: 100 * index });
const run = (minute: number) => ({ startedAt: `2026-12-07T09:${String(minute % 60).padStart(2, '0')}:00.000Z`, finishedAt: `2026-12-07T09:${String(minute % 60).padStart(2, '0')}:05.000Z`, kind: 'incremental' as const, result: 'ok' as const });

describe('recording the sync history', () => {
  it('keeps the last runs only, newest first, and their changes with them', async () => {
    const db = new KredoDb('sync-history-1');
    for (let index = 0; index < RUNS_KEPT + 5; index++) {
      const tally = newTally();
      tally.changes.push(change(index));
      await recordSyncRun(db, run(index), tally);
    }
    const runs = await db.syncRuns.orderBy(':id').reverse().toArray();
    expect(runs).toHaveLength(RUNS_KEPT);
    expect(runs[0]).toMatchObject({ startedAt: run(RUNS_KEPT + 4).startedAt, changed: 1, changesKept: 1 });
    expect(await db.syncRunChanges.count()).toBe(RUNS_KEPT);
    // The oldest five went, with their changes.
    expect(await db.syncRunChanges.get(runs.at(-1)!.seq! - 1)).toBeUndefined();
    expect((await db.syncRunChanges.get(runs[0]!.seq!))!.changes).toEqual([change(RUNS_KEPT + 4)]);
    db.close();
  });

  it('bounds the changes kept: a large full read keeps its first ones, older runs give up their lists but keep their counts', async () => {
    const db = new KredoDb('sync-history-2');
    const big = () => {
      const tally = newTally();
      tally.full = true;
      for (let index = 0; index < CHANGES_KEPT_PER_RUN + 1_000; index++) tally.changes.push(change(index));
      return tally;
    };
    const runsToFill = Math.ceil(CHANGES_KEPT_IN_ALL / CHANGES_KEPT_PER_RUN) + 1;
    for (let index = 0; index < runsToFill; index++) await recordSyncRun(db, { ...run(index), kind: 'full' }, big());
    const runs = await db.syncRuns.orderBy(':id').reverse().toArray();
    expect(runs.map((kept) => kept.changed)).toEqual(Array(runsToFill).fill(CHANGES_KEPT_PER_RUN + 1_000));
    expect(runs.map((kept) => kept.changesKept)).toEqual([...Array(runsToFill - 1).fill(CHANGES_KEPT_PER_RUN), 0]);
    expect(await db.syncRunChanges.get(runs.at(-1)!.seq!)).toBeUndefined();
    expect((await db.syncRunChanges.get(runs[0]!.seq!))!.changes.at(-1)).toEqual(change(CHANGES_KEPT_PER_RUN - 1));
    db.close();
  });

  it('lists no sync that found, sent and left out nothing, so five-minute syncs do not push the ones that did something out (Last sync says when Kredo last checked)', async () => {
    const db = new KredoDb('sync-history-3');
    const busy = newTally();
    busy.changes.push(change(1));
    await recordSyncRun(db, run(0), busy);
    for (let index = 1; index <= RUNS_KEPT; index++) await recordSyncRun(db, run(index), newTally());
    // A full read, a forced sync, a partial or a failed one is listed even when it changed nothing.
    const unreadable = newTally();
    unreadable.unreadable = 1;
    await recordSyncRun(db, { ...run(301), kind: 'full' }, newTally());
    await recordSyncRun(db, { ...run(302), forced: true }, newTally());
    await recordSyncRun(db, { ...run(303), result: 'partial' }, unreadable);
    await recordSyncRun(db, { ...run(304), result: 'failed', error: { code: 'insurer.unavailable' } }, newTally());
    const runs = await db.syncRuns.orderBy(':id').reverse().toArray();
    expect(runs.map((kept) => kept.startedAt)).toEqual([run(304), run(303), run(302), run(301), run(0)].map((listed) => listed.startedAt));
    expect((await db.syncRunChanges.get(runs.at(-1)!.seq!))!.changes).toEqual([change(1)]);
    db.close();
  });

  it('keeps a failure’s code and its parameters to be translated when shown', () => {
    expect(runErrorOf({ code: 'insurer.unavailable', params: { retryAt: '2026-12-07T11:00:00.000Z', nested: { no: 1 } } })).toEqual({ code: 'insurer.unavailable', params: { retryAt: '2026-12-07T11:00:00.000Z' } });
    expect(runErrorOf(new Error('boom'))).toEqual({ code: 'internal' });
  });
});
