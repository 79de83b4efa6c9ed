import type { Clock } from '../../../../shared/time/clock';
import { dataWorker } from '../../data/data-client';
import type { LimitRequestDraft, LimitRequestOutcome } from '../../data/worker/sync-operations';
import { useSyncStore } from '../sync/sync-store';

/**
 * Puts limit requests in the outbox and, when any was queued, syncs at once so an online controller sees
 * the insurer's answer within seconds. Offline, the requests wait; the indicator says so.
 */
export async function requestLimits(drafts: readonly LimitRequestDraft[], clock: Clock, isClockFixed: boolean): Promise<LimitRequestOutcome[]> {
  const outcomes = await dataWorker().requestLimits({ at: clock.now().toISOString(), requests: drafts });
  if (outcomes.some((outcome) => outcome.queued)) void useSyncStore.getState().sync(clock, isClockFixed, { force: true });
  return outcomes;
}
