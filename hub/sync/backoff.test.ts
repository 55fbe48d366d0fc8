import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';

describe('full-jitter backoff', () => {
  it('doubles its ceiling from 1 s to the 60 s cap', () => {
    const top = (n: number) => backoffDelayMs(n, DEFAULT_BACKOFF, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(top)).toEqual([
      999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999,
    ]);
  });

  it('spreads waits over the whole range (full jitter)', () => {
    expect(backoffDelayMs(4, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelayMs(4, DEFAULT_BACKOFF, () => 0.5)).toBe(4000);
  });

  it('never waits less than the Retry-After the cloud asked for', () => {
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelayMs(8, DEFAULT_BACKOFF, () => 0.9, 2_000)).toBe(54_000);
  });
});
