/**
 * What the sync client does after a call to the insurer: done, try again later, sign in again, resync from
 * scratch, or give up on this request. Insurer APIs answer 429 (rate limit) and 503 (maintenance or
 * overload) with Retry-After (insurer-apis.md §3.1, §3.3); a dropped connection says nothing at all.
 */
export type CallOutcome =
  | { readonly kind: 'ok' }
  /** `retryAfterMs`: what the insurer asked for (Retry-After, bounded by MAX_RETRY_AFTER_MS), when it did. */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly reason: 'network' | 'rate-limited' | 'unavailable' | 'server-error'; readonly retryAfterMs?: number }
  | { readonly kind: 'reauthenticate' }
  | { readonly kind: 'resync' }
  | { readonly kind: 'rejected'; readonly status: number };

export interface RetryPolicy {
  /** The first wait after a failure; each further attempt doubles it. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** One second doubling to five minutes: gentle on an insurer that is down, quick after a blip. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/**
 * The longest Retry-After Kredo honours: six hours. Insurers announce maintenance windows of a few hours
 * (an evening or a night, insurer-apis.md §3.1 "Maintenance"), which Kredo waits out to the second. A longer
 * ask — a weekend, or an HTTP date read against a wrong clock — is asked again after six hours: one request
 * that the insurer answers with a fresh Retry-After, rather than requests left silent for days.
 */
export const MAX_RETRY_AFTER_MS = 6 * 3_600_000;

/**
 * The longest the client waits inside one call (a short Retry-After from a rate limit, a back-off step). A
 * longer ask ends the call at once with the time to come back; the outbox keeps the request until then,
 * so nothing sleeps for hours in the main process nor comes back before the insurer asked.
 */
export const IN_PROCESS_WAIT_MAX_MS = 30_000;

/**
 * Whether a stored "not before" has come. One further ahead than any wait Kredo ever sets (the longest
 * Retry-After, the longest back-off) was stored by a clock that was ahead and has since been corrected:
 * it is due now rather than holding the request back for as long as the clock was wrong.
 */
export function isDue(notBefore: string | undefined, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  if (notBefore === undefined) return true;
  const wait = Date.parse(notBefore) - now.getTime();
  return !(wait > 0) || wait > Math.max(MAX_RETRY_AFTER_MS, policy.maxDelayMs);
}

/**
 * Retry-After as HTTP gives it (RFC 9110 §10.2.3): whole seconds, or an HTTP date. Returns milliseconds
 * from `now`, or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 0): exponential back-off with "equal jitter"
 * (half of each step fixed, half random), so desktops that lost the network together do not all come back
 * in the same second; never sooner than the server's Retry-After (up to MAX_RETRY_AFTER_MS). `random` is
 * injected for deterministic tests.
 */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/**
 * Classifies an answer (or its absence: `status` undefined for a network error or a dropped connection).
 * A 401 asks for a new token (tokens expire and there is no refresh token); 410 means the change-feed
 * cursor expired and only a full resync restores the picture; other 4xx are the request's own fault and
 * retrying would not help.
 */
export function classifyResponse(
  input: { readonly status: number | undefined; readonly retryAfter?: string | null; readonly attempt: number; readonly now: Date },
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): CallOutcome {
  const { status, attempt } = input;
  const asked = parseRetryAfter(input.retryAfter, input.now);
  const wait = (reason: Extract<CallOutcome, { kind: 'retry' }>['reason']): CallOutcome => ({
    kind: 'retry',
    reason,
    delayMs: retryDelay(attempt, asked, random, policy),
    ...(asked !== undefined && { retryAfterMs: Math.min(asked, MAX_RETRY_AFTER_MS) }),
  });
  if (status === undefined) return wait('network');
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 401) return { kind: 'reauthenticate' };
  if (status === 410) return { kind: 'resync' };
  if (status === 429) return wait('rate-limited');
  if (status === 503) return wait('unavailable');
  if (status >= 500) return wait('server-error');
  return { kind: 'rejected', status };
}
