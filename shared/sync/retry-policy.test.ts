import { describe, expect, it } from 'vitest';
import { classifyResponse, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy';

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
    expect(classifyResponse({ status: 429, retryAfter: '30', attempt: 0, now: NOW }, middle, policy)).toEqual({ kind: 'retry', reason: 'rate-limited', delayMs: 30_000 });
    expect(classifyResponse({ status: 503, retryAfter: '600', attempt: 2, now: NOW }, middle, policy)).toEqual({ kind: 'retry', reason: 'unavailable', delayMs: 600_000 });
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
});
