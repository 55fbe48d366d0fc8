// Ingest rate limit per hub: a token bucket (`burst` requests, refilled at `perSecond`). A hub that
// catches up after an outage sends back to back and stays under it; a hub stuck in a retry loop, or a
// leaked key, is slowed to `perSecond` and told when to come back (429 + Retry-After), which the relay
// honours. In Redis the bucket is one hash updated by a Lua script, atomic across instances and timed
// by the Redis server's clock, so instances with skewed clocks share one fair bucket.
import type { Clock } from '../clock.js';
import { taggedKey, type RedisLink } from './redis-connection.js';

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until one request's worth of tokens is back. */
  retryAfterMs: number;
}

export interface RateLimiter {
  readonly kind: string;
  take(subject: string): Promise<RateDecision>;
}

export interface BucketSettings {
  perSecond: number;
  burst: number;
}

/** One bucket per subject in this process, with lazy refill; buckets at full capacity are forgotten. */
export function memoryRateLimiter(settings: BucketSettings, clock: Clock): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = settings.perSecond / 1000;
  return {
    kind: 'memory',
    async take(subject) {
      const now = clock.nowMs();
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets)
          if (b.tokens + (now - b.at) * perMs >= settings.burst) buckets.delete(k);
      }
      const b = buckets.get(subject) ?? { tokens: settings.burst, at: now };
      const tokens = Math.min(settings.burst, b.tokens + Math.max(0, now - b.at) * perMs);
      if (tokens >= 1) {
        buckets.set(subject, { tokens: tokens - 1, at: now });
        return { allowed: true, retryAfterMs: 0 };
      }
      buckets.set(subject, { tokens, at: now });
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
    },
  };
}

// KEYS[1] bucket; ARGV: burst, tokens per ms. Returns {allowed, retryAfterMs}.
const TOKEN_BUCKET = `
local burst = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
return {allowed, retry}
`;

export function redisRateLimiter(link: RedisLink, settings: BucketSettings): RateLimiter {
  const perMs = settings.perSecond / 1000;
  return {
    kind: `redis-${link.mode}`,
    async take(subject) {
      // EVAL (ioredis caches nothing here): the script is small and EVALSHA would need NOSCRIPT handling
      // on every node of a cluster after a restart.
      const [allowed, retry] = (await link.client.eval(
        TOKEN_BUCKET,
        1,
        taggedKey(link, 'ratelimit', subject),
        settings.burst,
        perMs,
      )) as [number, number];
      return { allowed: allowed === 1, retryAfterMs: retry };
    },
  };
}
