// The login limiter on its own, with a hand-moved clock.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../protocol/errors.js';
import { createLoginRateLimiter } from './login-rate-limiter.js';

function manualClock(startIso = '2025-06-01T12:00:00.000Z') {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the attempt to be refused');
}

describe('login rate limiter', () => {
  it('allows five attempts a minute on a key and refuses the sixth with a retry-after', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now });
    for (let i = 0; i < 5; i++) {
      limiter.hit(['staff:a']);
      clock.advance(1_000);
    }
    const err = refusal(() => limiter.hit(['staff:a']));
    expect(err.code).toBe('RATE_LIMITED');
    // The first attempt was 5 s ago, so its slot frees in 55 s.
    expect(err.details).toEqual({ retryAfterSeconds: 55 });
  });

  it('frees one slot as each attempt leaves the sliding window', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now });
    limiter.hit(['k']);
    clock.advance(30_000);
    for (let i = 0; i < 4; i++) limiter.hit(['k']);
    clock.advance(29_999);
    expect(refusal(() => limiter.hit(['k'])).code).toBe('RATE_LIMITED');
    clock.advance(1);
    limiter.hit(['k']);
    expect(refusal(() => limiter.hit(['k'])).details).toEqual({ retryAfterSeconds: 30 });
  });

  it('refuses when any one of the keys is at its limit, and charges none of them', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now });
    for (let i = 0; i < 5; i++) limiter.hit(['staff:a', `addr:${i}`]);
    expect(refusal(() => limiter.hit(['staff:a', 'addr:fresh'])).code).toBe('RATE_LIMITED');
    for (let i = 0; i < 5; i++) limiter.hit(['staff:b', 'addr:fresh']);
    expect(refusal(() => limiter.hit(['staff:c', 'addr:fresh'])).code).toBe('RATE_LIMITED');
  });

  it('refused attempts do not push the lockout further out', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now });
    for (let i = 0; i < 5; i++) limiter.hit(['k']);
    for (let i = 0; i < 50; i++) {
      clock.advance(1_000);
      refusal(() => limiter.hit(['k']));
    }
    clock.advance(10_000);
    limiter.hit(['k']);
  });

  it('keeps at most maxKeys keys, forgetting the least recently used first', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now, maxKeys: 100 });
    for (let i = 0; i < 5; i++) limiter.hit(['target']);
    for (let i = 0; i < 1_000; i++) limiter.hit([`spray:${i}`]);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });

  it('forgets every key whose attempts have all left the window once it is over capacity', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now, maxKeys: 5 });
    for (let i = 0; i < 5; i++) limiter.hit([`stale:${i}`]);
    clock.advance(61_000);
    limiter.hit(['fresh']);
    expect(limiter.size()).toBe(1);
  });

  it('a key hit recently survives eviction; the least recently hit goes first', () => {
    const clock = manualClock();
    const limiter = createLoginRateLimiter({ now: clock.now, maxKeys: 3 });
    for (let i = 0; i < 4; i++) limiter.hit(['target']);
    limiter.hit(['x']);
    limiter.hit(['y']);
    limiter.hit(['target']);
    limiter.hit(['z']);
    expect(limiter.size()).toBe(3);
    expect(refusal(() => limiter.hit(['target'])).code).toBe('RATE_LIMITED');
    for (let i = 0; i < 5; i++) limiter.hit(['x']);
  });
});
