import { z } from 'zod';
import { insurerCoverSchema, type InsurerCover } from './insurer-cover';
import { rejectionOf, type RejectedItem } from './insurer-rejects';

/**
 * One page of the insurer's change feed (insurer-apis.md §3.2 "Change feed"): events that carry the cover
 * as it stands after them. Feeds deliver twice after a timeout and out of order when assembled from several
 * systems, so the page is reduced to what matters: the newest version of each cover, and which requests
 * were decided. Applying the covers by version (applyInsurerCover) makes a replay harmless.
 */
export const feedEventSchema = z.object({
  eventId: z.string().min(1).max(100),
  occurredAt: z.string(),
  type: z.string().max(60),
  resourceType: z.string().max(40),
  resourceId: z.string().max(100),
  companyId: z.string().max(100),
  data: z.record(z.string(), z.unknown()),
});

export const feedPageSchema = z.object({
  items: z.array(z.unknown()).max(10_000),
  nextCursor: z.string().min(1).max(2_000),
  hasMore: z.boolean(),
});

export interface FeedPageDigest {
  /** The newest version of every cover the page mentions. */
  readonly covers: readonly InsurerCover[];
  /** Requests the insurer decided in this page, with the cover that holds the decision. */
  readonly decidedRequests: readonly { readonly requestId: string; readonly coverId: string }[];
  /** Event ids read in this page, to remember against redelivery. */
  readonly eventIds: readonly string[];
  /** Events skipped: seen before, or not in a shape Kredo can read (kept out of the limits). */
  readonly duplicates: number;
  readonly unreadable: number;
  /** What could not be read and why, to be kept and shown (shared/sync/insurer-rejects.ts): never dropped silently. */
  readonly rejected: readonly RejectedItem[];
}

/** The request a DECISION_ISSUED event decided: named in its data, or the event's resource itself. */
function decidedRequestOf(event: z.infer<typeof feedEventSchema>): string | undefined {
  if (event.type !== 'DECISION_ISSUED') return undefined;
  const request = event.data['request'];
  if (typeof request === 'object' && request !== null && typeof (request as { requestId?: unknown }).requestId === 'string') return (request as { requestId: string }).requestId;
  return event.resourceType === 'cover-request' ? event.resourceId : undefined;
}

export function digestFeedPage(items: readonly unknown[], alreadySeen: ReadonlySet<string>): FeedPageDigest {
  const covers = new Map<string, InsurerCover>();
  const decidedRequests = new Map<string, string>();
  const eventIds: string[] = [];
  const seen = new Set(alreadySeen);
  const rejected: RejectedItem[] = [];
  let duplicates = 0;
  for (const item of items) {
    const event = feedEventSchema.safeParse(item);
    if (!event.success) {
      rejected.push(rejectionOf('event', item, event.error));
      continue;
    }
    if (seen.has(event.data.eventId)) {
      duplicates += 1;
      continue;
    }
    seen.add(event.data.eventId);
    eventIds.push(event.data.eventId);
    if (event.data.data['cover'] === undefined) continue;
    const requestId = decidedRequestOf(event.data);
    const cover = insurerCoverSchema.safeParse(event.data.data['cover']);
    if (!cover.success) {
      const rejection = rejectionOf('cover', event.data.data['cover'], cover.error, event.data.eventId);
      rejected.push(rejection);
      // The insurer did decide the request, though its cover cannot be read: it is no longer waiting.
      if (requestId && rejection.coverId) decidedRequests.set(requestId, rejection.coverId);
      continue;
    }
    const known = covers.get(cover.data.coverId);
    if (!known || cover.data.version > known.version) covers.set(cover.data.coverId, cover.data);
    if (requestId) decidedRequests.set(requestId, cover.data.coverId);
  }
  return { covers: [...covers.values()], decidedRequests: [...decidedRequests].map(([requestId, coverId]) => ({ requestId, coverId })), eventIds, duplicates, unreadable: rejected.length, rejected };
}
