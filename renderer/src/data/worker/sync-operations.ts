import { KredoError } from '../../../../shared/errors/kredo-error';
import type { LimitRequestType } from '../../../../shared/sync/limit-outbox';
import type { KredoDb } from '../db/kredo-db';
import { queueLimitRequest } from '../sync/queue-limit-request';
import type { SyncReport } from '../sync/run-sync';
import { insurerPortFrom, type SettledInsurerPort } from '../sync/settled-insurer-port';
import { syncNow, type SyncNowRequest } from '../sync/sync-now';

export interface LimitRequestDraft {
  readonly debtorId: string;
  readonly type: LimitRequestType;
  readonly amountMinor?: number;
  readonly currency: string;
}

/** Per debtor: queued, or the error code saying why not (one open request per debtor, say). */
export interface LimitRequestOutcome {
  readonly debtorId: string;
  readonly queued: boolean;
  readonly code?: string;
}

/**
 * The data worker's side of the insurer sync. One sync at a time: a periodic sync and "Sync now" pressed
 * during it share the same run instead of sending the outbox twice in parallel.
 */
export function createSyncOperations(db: KredoDb) {
  let running: Promise<SyncReport> | undefined;
  return {
    syncNow(request: SyncNowRequest, port: SettledInsurerPort): Promise<SyncReport> {
      running ??= syncNow(db, insurerPortFrom(port), request).finally(() => {
        running = undefined;
      });
      return running;
    },

    /** Each request on its own: one debtor's refusal does not stop the others in a selection. */
    async requestLimits(request: { readonly at: string; readonly requests: readonly LimitRequestDraft[] }): Promise<LimitRequestOutcome[]> {
      const outcomes: LimitRequestOutcome[] = [];
      for (const draft of request.requests) {
        try {
          await queueLimitRequest(db, { id: crypto.randomUUID(), at: request.at, ...draft });
          outcomes.push({ debtorId: draft.debtorId, queued: true });
        } catch (error) {
          if (!(error instanceof KredoError)) throw error;
          outcomes.push({ debtorId: draft.debtorId, queued: false, code: error.code });
        }
      }
      return outcomes;
    },
  };
}
