import { describe, expect, it } from 'vitest';
import { classifyResponse, isDue, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy';

const NOW = new Date('2026-11-24T10:00:00Z');
const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
const middle = () => 0.5;

describe('retrying calls to the insurer', () => {
  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('backs off exponentially with jitter, up to a ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, undefined, () => 1, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelay(3, undefined, () => 0, policy)).toBe(4_000);
    expect(retryDelay(40, undefined, () => 1, policy)).toBe(60_000);
  });

  it('never comes back sooner than the server asked', () => {
    expect(retryDelay(0, 90_000, () => 1, policy)).toBe(90_000);
    expect(classifyResponse({ status: 429, retryAfter: '30', attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'retry', reason: 'rate-limited', delayMs: 30_000, retryAfterMs: 30_000 });
    expect(classifyResponse({ status: 503, retryAfter: '600', attempt: 2, now: NOW }, middle, policy)).toEqual({ kind: 'retry', reason: 'unavailable', delayMs: 600_000, retryAfterMs: 600_000 });
  });

  it('tells a dropped connection, an expired token, an expired cursor and a refused request apart', () => {
    expect(classifyResponse({ status: undefined, attempt: 0, now: NOW }, middle, policy)).toMatchObject({ kind: 'retry', reason: 'network' });
    expect(classifyResponse({ status: 201, attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'ok' });
    expect(classifyResponse({ status: 401, attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'reauthenticate' });
    expect(classifyResponse({ status: 410, attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'resync' });
    expect(classifyResponse({ status: 502, attempt: 0, now: NOW }, middle, policy)).toMatchObject({ kind: 'retry', reason: 'server-error' });
    expect(classifyResponse({ status: 422, attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'rejected', status: 422 });
    expect(classifyResponse({ status: 409, attempt: 5, now: NOW }, middle, policy)).toEqual({ kind: 'rejected', status: 409 });
  });

  it('honours a Retry-After of hours, up to six hours: a longer or absurd one is asked again after six', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(6 * 3_600_000);
    expect(retryDelay(0, 2 * 3_600_000, middle, policy)).toBe(2 * 3_600_000);
    expect(retryDelay(0, 3 * 24 * 3_600_000, middle, policy)).toBe(6 * 3_600_000);
    expect(classifyResponse({ status: 503, retryAfter: 'Fri, 27 Nov 2026 10:00:00 GMT', attempt: 0, now: NOW }, middle, policy)).toMatchObject({ kind: 'retry', delayMs: 6 * 3_600_000, retryAfterMs: 6 * 3_600_000 });
    expect(classifyResponse({ status: 429, retryAfter: '7200', attempt: 0, now: NOW }, middle, policy)).toMatchObject({ retryAfterMs: 7_200_000 });
    expect(classifyResponse({ status: undefined, attempt: 0, now: NOW }, middle, policy)).not.toHaveProperty('retryAfterMs');
  });

  it('treats a stored "not before" further ahead than any wait allows as due: it was stored by a clock that was ahead', () => {
    expect(isDue(undefined, NOW)).toBe(true);
    expect(isDue('2026-11-24T09:59:59Z', NOW)).toBe(true);
    expect(isDue('2026-11-24T10:00:30Z', NOW)).toBe(false);
    // A Retry-After of six hours is a wait Kredo honours to the second …
    expect(isDue('2026-11-24T16:00:00Z', NOW)).toBe(false);
    // … but a year ahead (the clock was set a year wrong, then corrected) is no wait any insurer asked for.
    expect(isDue('2027-11-24T10:00:00Z', NOW)).toBe(true);
    expect(isDue('2026-11-24T16:00:01Z', NOW)).toBe(true);
  });
});
