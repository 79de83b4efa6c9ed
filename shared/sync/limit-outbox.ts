import type { CurrencyCode } from '../money/money';
import { failedAttempt, type CheckableEntry } from './outbox-check';
import { isDue, type CallOutcome } from './retry-policy';

/**
 * A limit request on its way to the insurer (insurer-apis.md §3.5, "outbox pattern"). Written to the
 * store before any network call, with its own id as the Idempotency-Key, so a crash, a dropped connection
 * or a restart can only ever send the same request again, which the insurer recognises: never a second one.
 */
export const LIMIT_REQUEST_TYPES = ['NEW', 'INCREASE', 'REDUCE', 'CANCEL'] as const;
export type LimitRequestType = (typeof LIMIT_REQUEST_TYPES)[number];

/**
 * SUBMITTED_LOCAL: stored, not yet acknowledged by the insurer. CHECKING: the insurer answered 409, or the
 * answer was lost: the next sync looks it up in the insurer's list (outbox-check.ts). PENDING: acknowledged
 * and referred to an underwriter (202). DECIDED: the insurer decided (201, or later through the change feed).
 * REJECTED: the insurer refused the request itself (a 4xx such as an amount rule): sending it again would not
 * help. ATTENTION: a conflict the insurer reports that is not Kredo's own request: the controller decides.
 */
export type OutboxState = 'SUBMITTED_LOCAL' | 'CHECKING' | 'PENDING' | 'DECIDED' | 'REJECTED' | 'ATTENTION';

/** States in which the request is still Kredo's to send or to check: the debtor's one open request. */
export const UNSENT_STATES: ReadonlySet<string> = new Set(['SUBMITTED_LOCAL', 'CHECKING']);

export interface LimitOutboxEntry extends CheckableEntry {
  /** A UUID, sent as the Idempotency-Key of every attempt. */
  readonly id: string;
  readonly debtorId: string;
  readonly type: LimitRequestType;
  /** Absent for CANCEL. */
  readonly amountMinor?: number;
  readonly currency: CurrencyCode;
  /** ISO 8601 instant the controller asked. */
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Not before this instant (back-off after a failure, or the insurer's Retry-After). */
  readonly notBefore?: string;
  readonly insurerRequestId?: string;
  readonly coverId?: string;
  /** The insurer's problem type or HTTP status of the last refusal, for the controller's message. */
  readonly lastProblem?: { readonly status: number; readonly code?: string };
}

export function newOutboxEntry(request: { readonly id: string; readonly debtorId: string; readonly type: LimitRequestType; readonly amountMinor?: number; readonly currency: CurrencyCode; readonly createdAt: string }): LimitOutboxEntry {
  if (request.type !== 'CANCEL' && !(Number.isSafeInteger(request.amountMinor) && (request.amountMinor ?? 0) > 0)) throw new RangeError('A limit request needs a positive amount in minor units');
  return { ...request, state: 'SUBMITTED_LOCAL', attempts: 0 };
}

/**
 * The entries to send or check now: not yet acknowledged and past their wait (a wait stored by a clock that
 * was ahead counts as past: retry-policy.ts isDue), oldest first (any outbox's entries).
 */
export function dueEntries<E extends { readonly state: string; readonly notBefore?: string; readonly createdAt: string }>(entries: readonly E[], now: Date): E[] {
  return entries
    .filter((entry) => UNSENT_STATES.has(entry.state) && isDue(entry.notBefore, now))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The insurer acknowledged the request: decided at once (201) or referred (202). */
export function acknowledged(entry: LimitOutboxEntry, answer: { readonly decided: boolean; readonly insurerRequestId?: string; readonly coverId?: string }): LimitOutboxEntry {
  const { notBefore: _waited, lastProblem: _problem, ...rest } = entry;
  return {
    ...rest,
    attempts: entry.attempts + 1,
    state: answer.decided ? 'DECIDED' : 'PENDING',
    ...(answer.insurerRequestId !== undefined && { insurerRequestId: answer.insurerRequestId }),
    ...(answer.coverId !== undefined && { coverId: answer.coverId }),
  };
}

/** A referred request the change feed reports as decided. */
export function decided(entry: LimitOutboxEntry, coverId: string): LimitOutboxEntry {
  return { ...entry, state: 'DECIDED', coverId };
}

/**
 * After an attempt that did not get through: wait as the retry policy says, check on a 409, or stop for
 * good when the insurer refused the request itself (outbox-check.ts). Re-authentication and resync are the
 * engine's business and leave the entry to be sent again at once.
 */
export function attemptFailed(entry: LimitOutboxEntry, outcome: Exclude<CallOutcome, { kind: 'ok' }>, now: Date, problemCode?: string): LimitOutboxEntry {
  return failedAttempt(entry, outcome, now, problemCode);
}
