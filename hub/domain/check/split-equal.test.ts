import { describe, expect, it } from 'vitest';
import { splitEqual } from './split-equal.js';
import { cents } from '../../../protocol/money.js';

describe('splitEqual', () => {
  it('splits a €100.00 bill among 3 diners, the first paying the odd cent', () => {
    const result = splitEqual({ totalCents: cents(10_000) }, 3);
    expect(result).toEqual({
      ok: true,
      value: [
        { key: 'equal-1', label: '1/3', amountCents: 3_334, items: [] },
        { key: 'equal-2', label: '2/3', amountCents: 3_333, items: [] },
        { key: 'equal-3', label: '3/3', amountCents: 3_333, items: [] },
      ],
    });
  });

  it('makes one share of the whole bill when n is 1', () => {
    const result = splitEqual({ totalCents: cents(4_250) }, 1);
    expect(result.ok && result.value.map((s) => s.amountCents)).toEqual([4_250]);
  });

  it('gives zero shares when the bill has fewer cents than diners', () => {
    const result = splitEqual({ totalCents: cents(2) }, 4);
    expect(result.ok && result.value.map((s) => s.amountCents)).toEqual([1, 1, 0, 0]);
  });

  it.each([0, 51, 2.5, -3, Number.NaN])('rejects %s shares as INVALID', (n) => {
    const result = splitEqual({ totalCents: cents(10_000) }, n);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID');
  });

  it('tells the waiter the range of shares it takes when refusing 51', () => {
    const result = splitEqual({ totalCents: cents(10_000) }, 51);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/from 1 to 50, got 51/);
    expect(result.error.details).toEqual({ n: 51 });
  });
});
