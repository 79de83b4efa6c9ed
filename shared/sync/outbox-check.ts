import type { CallOutcome } from './retry-policy';

/**
 * Sending an outbox entry again without creating it twice (limit requests and loss submissions alike). The
 * Idempotency-Key protects a retry only while the insurer remembers the key (insurer-apis.md §3.1: 24 h);
 * after that, or when an answer was lost and the insurer may have acted, Kredo first looks the entry up in
 * the insurer's own list. A 409 means "the insurer already has something like this": check, never refuse.
 *
 * CHECKING: look it up at the next sync (found → acknowledged; not found → sent again under a new key).
 * ATTENTION: the insurer reports a conflict right after a look-up that found nothing of Kredo's: a request
 * made elsewhere (the insurer's portal, say) is in the way, and only the controller can sort that out.
 */
export interface CheckableEntry {
  readonly id: string;
  readonly state: string;
  readonly createdAt: string;
  readonly attempts: number;
  /** The Idempotency-Key of the current attempts; the entry's id until a look-up found nothing. */
  readonly idempotencyKey?: string;
  /** When the first attempt under the current key failed to be acknowledged. */
  readonly firstAttemptAt?: string;
  /** An attempt got no answer: the insurer may have acted on it. */
  readonly answerLost?: boolean;
  /** When a look-up last found nothing and the key was renewed. */
  readonly checkedAt?: string;
  readonly notBefore?: string;
  readonly lastProblem?: { readonly status: number; readonly code?: string };
  /** When the insurer first acknowledged it (sent, or found in its list): the outbox on the Insurer sync screen. */
  readonly sentAt?: string;
  /** When Kredo last tried to send or look it up, whatever came of it. */
  readonly lastAttemptAt?: string;
}

/**
 * How long Kredo counts on the insurer to remember a key: half the canonical 24 hours, leaving room for a
 * computer clock that is off and an insurer that keeps keys for less.
 */
export const ASSUMED_IDEMPOTENCY_WINDOW_MS = 12 * 3_600_000;

export const idempotencyKeyOf = (entry: Pick<CheckableEntry, 'id' | 'idempotencyKey'>): string => entry.idempotencyKey ?? entry.id;

/** Whether the insurer's list must be read before this entry is sent (again). */
export function needsCheck(entry: CheckableEntry, now: Date): boolean {
  if (entry.state === 'CHECKING' || entry.answerLost === true) return true;
  if (entry.attempts === 0) return false;
  // Entries stored before firstAttemptAt existed count from when they were made (earlier, so checked sooner).
  const since = Date.parse(entry.firstAttemptAt ?? entry.checkedAt ?? entry.createdAt);
  return now.getTime() - since > ASSUMED_IDEMPOTENCY_WINDOW_MS;
}

/** The insurer answered 409: look it up next time; after a look-up that found nothing, ask the controller. */
export function conflicted<E extends CheckableEntry>(entry: E, now: Date, problem: { readonly status: number; readonly code?: string }): E {
  const { notBefore: _waited, ...rest } = entry;
  return {
    ...rest,
    attempts: entry.attempts + 1,
    firstAttemptAt: entry.firstAttemptAt ?? now.toISOString(),
    state: entry.checkedAt === undefined ? 'CHECKING' : 'ATTENTION',
    lastProblem: { status: problem.status, ...(problem.code !== undefined && { code: problem.code }) },
  } as E;
}

/** The insurer has no trace of it: send it again under a new key (the old one may still replay the 409). */
export function notFoundAtInsurer<E extends CheckableEntry>(entry: E, newKey: string, now: Date): E {
  const { answerLost: _lost, firstAttemptAt: _first, notBefore: _waited, lastProblem: _problem, ...rest } = entry;
  return { ...rest, state: 'SUBMITTED_LOCAL', idempotencyKey: newKey, checkedAt: now.toISOString() } as E;
}

/** The look-up itself failed (offline, throttled): try it again after the wait, nothing else changes. */
export function checkFailed<E extends CheckableEntry>(entry: E, delayMs: number, now: Date): E {
  return { ...entry, notBefore: new Date(now.getTime() + delayMs).toISOString() };
}

/**
 * After an attempt that was not acknowledged: wait as the retry policy says (remembering whether the answer
 * may have been lost), take a 409 as "check", or stop for good when the insurer refused the request itself.
 */
export function failedAttempt<E extends CheckableEntry>(entry: E, outcome: Exclude<CallOutcome, { kind: 'ok' }>, now: Date, problemCode?: string): E {
  if (outcome.kind === 'rejected' && outcome.status === 409) return conflicted(entry, now, { status: 409, ...(problemCode !== undefined && { code: problemCode }) });
  const attempts = entry.attempts + 1;
  const firstAttemptAt = entry.firstAttemptAt ?? now.toISOString();
  if (outcome.kind === 'rejected') return { ...entry, attempts, firstAttemptAt, state: 'REJECTED', lastProblem: { status: outcome.status, ...(problemCode !== undefined && { code: problemCode }) } };
  if (outcome.kind === 'retry') {
    // Only an explicit "come back later" (429/503 with Retry-After) says the insurer did nothing with it.
    const lost = entry.answerLost === true || outcome.retryAfterMs === undefined;
    return { ...entry, attempts, firstAttemptAt, ...(lost && { answerLost: true }), notBefore: new Date(now.getTime() + outcome.delayMs).toISOString() };
  }
  return { ...entry, attempts, firstAttemptAt };
}
