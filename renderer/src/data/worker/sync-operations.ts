import { KredoError } from '../../../../shared/errors/kredo-error';
import type { LimitRequestType } from '../../../../shared/sync/limit-outbox';
import type { KredoDb } from '../db/kredo-db';
import type { LossSubmission } from '../../../../shared/sync/loss-submission';
import { queueLimitRequest } from '../sync/queue-limit-request';
import { queueLossSubmission, type LossSubmissionInput } from '../sync/queue-loss-submission';
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
 * The data worker's side of the insurer sync. One sync at a time, never two in parallel over the same
 * outbox and cursor.
 */
export function createSyncOperations(db: KredoDb) {
  let running: Promise<SyncReport> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    syncNow(request: SyncNowRequest, port: SettledInsurerPort): Promise<SyncReport> {
      // A periodic sync joins one already running; "Sync now" runs after it, so its requests go at once.
      if (running && !request.force) return running;
      const run = tail.catch(() => undefined).then(() => syncNow(db, insurerPortFrom(port), request));
      tail = run;
      running = run;
      void run.catch(() => undefined).finally(() => {
        if (running === run) running = undefined;
      });
      return run;
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

    /** An overdue notification, collection handover or claim into the loss outbox (sent by the next sync). */
    submitLoss(request: Omit<LossSubmissionInput, 'id'>): Promise<LossSubmission> {
      return queueLossSubmission(db, { id: crypto.randomUUID(), ...request });
    },
  };
}
