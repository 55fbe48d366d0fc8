// Token buckets per key: a burst, then the sustained rate; a refusal charges nothing and says how
// long to wait; every key of a request must have a token; the number of keys stays bounded.
import { describe, expect, it } from 'vitest';
import { createKeyedRateLimiter } from './keyed-rate-limiter.js';

describe('keyed rate limiter', () => {
  it('allows the burst, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = createKeyedRateLimiter({ perSecond: 0.1, burst: 3 }, { now: () => now });
    for (let i = 0; i < 3; i++) expect(limiter.take(['1.2.3.4']).ok).toBe(true);
    expect(limiter.take(['1.2.3.4'])).toEqual({ ok: false, retryAfterSeconds: 10 });
    now = 4_000;
    expect(limiter.take(['1.2.3.4'])).toEqual({ ok: false, retryAfterSeconds: 6 });
    now = 10_000;
    expect(limiter.take(['1.2.3.4']).ok).toBe(true);
    expect(limiter.take(['5.6.7.8']).ok).toBe(true);
  });

  it('takes from every key or from none', () => {
    const limiter = createKeyedRateLimiter({ perSecond: 1, burst: 1 }, { now: () => 0 });
    expect(limiter.take(['a']).ok).toBe(true);
    expect(limiter.take(['b', 'a']).ok).toBe(false);
    expect(limiter.take(['b']).ok).toBe(true);
  });

  it('forgets the least recently used keys past its bound', () => {
    const limiter = createKeyedRateLimiter({ perSecond: 1, burst: 1 }, { now: () => 0, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.take([`k${i}`]);
    expect(limiter.size()).toBe(100);
  });
});
