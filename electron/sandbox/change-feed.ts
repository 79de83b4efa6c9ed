import { badRequest, ProblemError } from './problem';
import type { SandboxEvent, SandboxState } from './sandbox-state';
import { eventAsSent } from './schema-faults';

/**
 * The cursor-based change feed (insurer-apis.md §3.1 "Change feed", modelled on Cesce's two-day movements
 * window). A cursor is opaque to the client: it records the feed position, when it was handed out and
 * the cursor epoch. It expires once the retention window has passed since it was issued, when the
 * events after it have been dropped, or when an admin expires every cursor; the client must then
 * resync through GET /covers (410 Gone).
 */
interface CursorContent {
  /** The last position delivered. */
  readonly s: number;
  /** Virtual instant (ms) the cursor was issued. */
  readonly t: number;
  readonly e: number;
}

export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): CursorContent {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorContent>;
    if (Number.isSafeInteger(value.s) && Number.isSafeInteger(value.t) && Number.isSafeInteger(value.e)) return value as CursorContent;
  } catch {
    // Falls through to the problem below.
  }
  throw badRequest('invalid_cursor', 'The cursor is not one this server issued.', [{ code: 'invalid_cursor', detail: 'Unreadable cursor', source: { parameter: 'cursor' } }]);
}

const cursorExpired = () => new ProblemError(410, 'cursor_expired', 'The change cursor has expired', 'Events after this cursor are no longer kept. Resynchronise through GET /covers, which returns a fresh cursor.');

export function appendEvent(state: SandboxState, event: Omit<SandboxEvent, 'seq' | 'eventId'>): SandboxEvent {
  const seq = state.nextSeq;
  state.nextSeq += 1;
  const stored: SandboxEvent = { seq, eventId: `EV-${String(seq).padStart(8, '0')}`, ...event };
  state.events.push(stored);
  return stored;
}

const retentionMs = (state: SandboxState) => state.settings.feedRetentionHours * 3_600_000;

/** Drops events older than the retention window; cursors from before them will then answer 410. */
export function pruneEvents(state: SandboxState, nowMs: number): boolean {
  const oldest = nowMs - retentionMs(state);
  const kept = state.events.filter((event) => Date.parse(event.occurredAt) >= oldest);
  if (kept.length === state.events.length) return false;
  state.events = kept;
  return true;
}

/** A cursor at the end of the feed: what a client continues from after a full resync. */
export function headCursor(state: SandboxState, nowMs: number): string {
  return encodeCursor({ s: state.nextSeq - 1, t: nowMs, e: state.cursorEpoch });
}

export interface FeedFaults {
  /** Deliver the page's first event again at its end, as a redelivery after a timeout would. */
  readonly duplicateEvents: boolean;
  /** Swap neighbouring events, as a feed assembled from several back-end systems may. */
  readonly reorderEvents: boolean;
  /** Buyers whose covers are sent in a shape that breaks the schema (schema-faults.ts). */
  readonly malformedCoverBuyers?: readonly string[];
}

export function readFeed(state: SandboxState, options: { cursor: string | undefined; limit: number; nowMs: number; faults: FeedFaults }) {
  const oldestKept = state.events[0]?.seq ?? state.nextSeq;
  let after = oldestKept - 1;
  if (options.cursor !== undefined) {
    const cursor = decodeCursor(options.cursor);
    if (cursor.e !== state.cursorEpoch || options.nowMs - cursor.t > retentionMs(state) || cursor.s < oldestKept - 1 || cursor.s >= state.nextSeq) throw cursorExpired();
    after = cursor.s;
  }
  const pending = state.events.filter((event) => event.seq > after);
  const page = pending.slice(0, options.limit);
  const last = page.at(-1)?.seq ?? after;
  let items = page.map(({ seq: _seq, ...event }) => eventAsSent(event, options.faults.malformedCoverBuyers ?? []));
  if (options.faults.reorderEvents) items = items.map((_, index) => items[index % 2 === 0 ? Math.min(index + 1, items.length - 1) : index - 1]!);
  if (options.faults.duplicateEvents && items.length > 0) items = [...items, items[0]!];
  return { items, nextCursor: encodeCursor({ s: last, t: options.nowMs, e: state.cursorEpoch }), hasMore: pending.length > page.length };
}
