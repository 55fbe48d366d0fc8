import { describe, expect, it } from 'vitest';
import { mulDivRoundHalfUp } from './round-half-up.js';

describe('mulDivRoundHalfUp', () => {
  it('rounds an exact half cent up', () => {
    // 10 % of €10.05 is 100.5 cents.
    expect(mulDivRoundHalfUp(1_005, 1_000, 10_000)).toBe(101);
  });

  it('rounds below a half down', () => {
    expect(mulDivRoundHalfUp(1_004, 1_000, 10_000)).toBe(100);
  });

  it('extracts 21 % tax from a tax-included €94.00', () => {
    // 9400 × 2100 / 12100 = 1631.40…
    expect(mulDivRoundHalfUp(9_400, 2_100, 12_100)).toBe(1_631);
  });

  it('rounds exactly when the product passes 2^53', () => {
    // 999 999 999 × 9 999 999 = 9 999 998 990 000 001, odd and past 2^53: a float would lose the half.
    expect(mulDivRoundHalfUp(999_999_999, 9_999_999, 2)).toBe(4_999_999_495_000_001);
  });

  it('refuses fractions, negatives and a zero denominator', () => {
    expect(() => mulDivRoundHalfUp(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, -1, 1)).toThrow(RangeError);
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});
