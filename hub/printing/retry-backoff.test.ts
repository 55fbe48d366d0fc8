// Full-jitter backoff: the ceiling doubles per attempt up to the cap, and the delay is drawn below it.
import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './retry-backoff.js';

const opts = { baseMs: 100, capMs: 1_000 };

describe('fullJitterDelay', () => {
  it('draws from [0, base·2^(n-1)) and stops growing at the cap', () => {
    const top = (attempt: number) => fullJitterDelay(attempt, opts, () => 0.999999);
    expect([1, 2, 3, 4, 5, 50].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('can be zero (full jitter spreads printers coming back over the whole window)', () => {
    expect(fullJitterDelay(7, opts, () => 0)).toBe(0);
  });
});
