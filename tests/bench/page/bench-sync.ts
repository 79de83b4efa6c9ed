/**
 * The insurer sync in the benchmark page: the app's own sync (renderer/src/data/sync) against whatever
 * insurer the main process is connected to, over the same IPC channels the app uses.
 */
import { KredoDb } from '../../../renderer/src/data/db/kredo-db';
import { settledInsurerPortOverIpc } from '../../../renderer/src/data/sync/insurer-port-over-ipc';
import { insurerPortFrom } from '../../../renderer/src/data/sync/settled-insurer-port';
import { syncNow } from '../../../renderer/src/data/sync/sync-now';
import type { InsurerConnectionSettings } from '../../../shared/ipc/insurer-contract';
import type { IsoDate } from '../../../shared/time/iso-date';
import { settle } from '../../../renderer/src/platform/kredo-api';

export const syncBench = {
  /** Points the main process at an insurer (the benchmark's own tier-L sandbox). */
  async connectInsurer(settings: InsurerConnectionSettings, apiKey: string) {
    const result = await settle('insurerSetConnection', { settings, apiKey });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.connectionId;
  },

  /** One call to the insurer, untimed: after the sandbox restarts, the main process's dropped connection is retried here. */
  async warmInsurer() {
    const result = await settle('insurerPolicyTerms', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  },

  /** One sync as the app runs it; also the time of the feed or cover reads alone, for the breakdown. */
  async insurerSync(request: { readonly today: IsoDate; readonly connectionId: string; readonly fixedNow: string }) {
    const db = new KredoDb();
    const port = insurerPortFrom(settledInsurerPortOverIpc());
    let fetchMs = 0;
    const timedPort = {
      ...port,
      fullResync: async () => {
        const started = performance.now();
        const answer = await port.fullResync();
        fetchMs += performance.now() - started;
        return answer;
      },
      changes: async (cursor: string) => {
        const started = performance.now();
        const answer = await port.changes(cursor);
        fetchMs += performance.now() - started;
        return answer;
      },
    };
    // The app's data worker syncs over the connection it keeps open: opening the store (Dexie reading its
    // schema) is not part of a sync, so it happens before the clock starts.
    await db.open();
    const started = performance.now();
    const report = await syncNow(db, timedPort, request);
    const totalMs = performance.now() - started;
    const limits = (await db.limitChunks.toArray()).reduce((count, chunk) => count + chunk.limits.filter((limit) => limit.insurerVersion !== undefined).length, 0);
    db.close();
    return { totalMs, fetchMs, fullResync: report.fullResync, changedLimits: report.changedLimits, syncedLimits: limits };
  },
};
