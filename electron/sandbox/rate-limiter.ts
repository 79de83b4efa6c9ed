/**
 * A token bucket per caller (insurer-apis.md §3.1 "Rate limits": 10 requests a second, bursts of 20). It
 * runs on real time, not the virtual clock: it protects the server from request storms, and a test that
 * stops the virtual clock must still see the bucket refill.
 */
export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until one more request is allowed (0 when allowed now). */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  take(caller: string, settings: { perSecond: number; burst: number }): RateDecision;
  reset(): void;
}

export function rateLimiter(nowMs: () => number = () => performance.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(caller, { perSecond, burst }) {
      const now = nowMs();
      const bucket = buckets.get(caller) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1_000) * perSecond);
      bucket.at = now;
      buckets.set(caller, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, limit: burst, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
      }
      const retryAfterSeconds = perSecond > 0 ? Math.ceil((1 - bucket.tokens) / perSecond) : 3_600;
      return { allowed: false, limit: burst, remaining: 0, retryAfterSeconds };
    },
    reset: () => buckets.clear(),
  };
}
