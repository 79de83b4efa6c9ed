import { create } from 'zustand';
import type { Clock } from '../../../../shared/time/clock';
import { callback, dataWorker } from '../../data/data-client';
import type { SyncReport } from '../../data/sync/run-sync';
import { settledInsurerPortOverIpc } from '../../data/sync/insurer-port-over-ipc';
import { kredo, KredoApiError } from '../../platform/kredo-api';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'failed';

interface SyncStore {
  readonly status: SyncStatus;
  /** The last failure, shown in the user's language; cleared by the next sync that works. */
  readonly error: KredoApiError | undefined;
  readonly lastReport: SyncReport | undefined;
  /** Whether the operating system says there is a network at all. */
  readonly isOnline: boolean;
  setOnline(isOnline: boolean): void;
  /** Runs one sync; `force` sends waiting requests at once, ignoring their back-off ("Sync now"). */
  sync(clock: Clock, isClockFixed: boolean, options?: { readonly force?: boolean }): Promise<SyncReport | undefined>;
}

const asApiError = (error: unknown) => (error instanceof KredoApiError ? error : new KredoApiError('internal'));

/**
 * The insurer sync as the UI sees it: status for the indicator, the last report for the notifications.
 * The work runs in the data worker; the insurer channels are lent to it from here, the only thread with
 * the IPC bridge.
 */
export const useSyncStore = create<SyncStore>((set, get) => ({
  status: 'idle',
  error: undefined,
  lastReport: undefined,
  isOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  setOnline: (isOnline) => set((state) => ({ isOnline, status: isOnline ? (state.status === 'offline' ? 'idle' : state.status) : 'offline' })),
  async sync(clock, isClockFixed, options = {}) {
    if (!get().isOnline) {
      set({ status: 'offline' });
      return undefined;
    }
    set({ status: 'syncing' });
    try {
      const { connectionId } = await kredo.insurerGetConnection({});
      const report = await dataWorker().syncNow(
        { today: clock.today(), connectionId, ...(isClockFixed && { fixedNow: clock.now().toISOString() }), ...(options.force && { force: true }) },
        callback(settledInsurerPortOverIpc()),
      );
      set({ status: 'idle', error: undefined, lastReport: report });
      return report;
    } catch (error) {
      const failure = asApiError(error);
      set({ status: failure.code === 'insurer.unavailable' ? 'offline' : 'failed', error: failure });
      return undefined;
    }
  },
}));
