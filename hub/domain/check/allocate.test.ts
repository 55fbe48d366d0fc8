import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, splitEvenly } from './allocate.js';

describe('splitEvenly', () => {
  it('splits a €100.00 bill three ways with the odd cent on the first share', () => {
    expect(splitEvenly(10_000, 3)).toEqual([3334, 3333, 3333]);
  });

  it('gives the extra cents to the earliest shares when cents are fewer than shares', () => {
    expect(splitEvenly(2, 5)).toEqual([1, 1, 0, 0, 0]);
  });

  it('refuses to split into zero parts or fractional cents', () => {
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
  });

  it('always sums to the total with shares at most one cent apart, larger ones first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 60 }), (total, n) => {
        const parts = splitEvenly(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
  });
});

describe('allocateProportionally', () => {
  it('spreads a €10.00 discount over lines in proportion to their gross', () => {
    expect(allocateProportionally(1_000, [6_000, 1_350, 2_050, 600])).toEqual([600, 135, 205, 60]);
  });

  it('gives the leftover cents to the largest remainders, not simply the first lines', () => {
    // Exact shares 1.43, 2.86, 5.71: floors 1, 2, 5 leave two cents for the .86 and .71 remainders.
    expect(allocateProportionally(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });

  it('gives the leftover cent to the largest remainder even when it belongs to the smallest weight', () => {
    // Exact shares 2.14 and 0.86: the small line's .86 takes the cent, not the big line.
    expect(allocateProportionally(3, [5, 2])).toEqual([2, 1]);
  });

  it('breaks ties in remainders in favour of the lower index', () => {
    expect(allocateProportionally(1, [1, 1])).toEqual([1, 0]);
    expect(allocateProportionally(2, [5, 5, 5])).toEqual([1, 1, 0]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocateProportionally(7, [0, 3, 0, 4])).toEqual([0, 3, 0, 4]);
  });

  it('splits equally when every weight is zero', () => {
    expect(allocateProportionally(100, [0, 0, 0])).toEqual([34, 33, 33]);
  });

  it('allocates zero over no weights but refuses to lose money over no weights', () => {
    expect(allocateProportionally(0, [])).toEqual([]);
    expect(() => allocateProportionally(1, [])).toThrow(RangeError);
  });

  it('refuses negative or fractional inputs', () => {
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [1.5, 1])).toThrow(RangeError);
  });

  it('refuses negative weights even when the parts would come out as valid cents', () => {
    // Two weights of −1 would otherwise split €0.10 as 5 and 5, a proportion of nothing real.
    expect(() => allocateProportionally(10, [-1, -1])).toThrow(RangeError);
  });

  it('stays exact when total × weight passes 2^53', () => {
    const parts = allocateProportionally(999_999_999, [999_999_999, 1, 999_999_998]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999_999_999);
  });

  it('always sums to the total with each part within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateProportionally(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            expect(Number.isInteger(part) && part >= 0).toBe(true);
            if (sum === 0n) return;
            // |part − total·w/sum| < 1, compared in integers.
            const diff = BigInt(part) * sum - BigInt(total) * BigInt(weights[i] ?? 0);
            expect(diff < sum && -diff < sum).toBe(true);
          });
        },
      ),
    );
  });
});
