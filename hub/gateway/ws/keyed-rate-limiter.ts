// Token buckets per key (a remote address, a table's join code), in memory. Joining a table is public
// and each join writes an event, so a script must not be able to fill the log or guess join codes;
// a table of friends scanning the QR at once must still get in. Keys are bounded (least recently used
// go first) so spraying addresses or codes cannot exhaust memory.
import type { RateLimit } from './rate-limiter.js';

export interface KeyedRateLimiter {
  /**
   * Takes one token from every key's bucket, or none and returns the seconds until all of them have
   * one again (so a refused request does not push the wait further out).
   */
  take(keys: readonly string[]): { ok: true } | { ok: false; retryAfterSeconds: number };
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createKeyedRateLimiter(
  limit: RateLimit,
  options: { maxKeys?: number; now?: () => number } = {},
): KeyedRateLimiter {
  const { maxKeys = 10_000, now = () => performance.now() } = options;
  if (!(limit.perSecond > 0 && limit.burst >= 1))
    throw new RangeError('rate limit needs perSecond > 0, burst ≥ 1');
  const buckets = new Map<string, Bucket>();
  const refill = (key: string, at: number): Bucket => {
    const b = buckets.get(key);
    const tokens = b ? Math.min(limit.burst, b.tokens + ((at - b.at) / 1000) * limit.perSecond) : limit.burst;
    return { tokens, at };
  };
  return {
    take(keys) {
      const at = now();
      const current = keys.map((key) => ({ key, bucket: refill(key, at) }));
      const short = Math.max(0, ...current.map((c) => 1 - c.bucket.tokens));
      if (short > 0) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(short / limit.perSecond)) };
      }
      for (const { key, bucket } of current) {
        buckets.delete(key);
        buckets.set(key, { tokens: bucket.tokens - 1, at });
      }
      for (const key of buckets.keys()) {
        if (buckets.size <= maxKeys) break;
        buckets.delete(key);
      }
      return { ok: true };
    },
    size: () => buckets.size,
  };
}
