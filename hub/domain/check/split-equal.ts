// Splits a check into n equal shares, as when a table says "just divide it by four".
import type { Cents } from '../../../protocol/money.js';
import { fail, ok, type Result } from '../result.js';
import { splitEvenly } from './allocate.js';
import type { Check, Share } from './check-types.js';

/** Beyond this an equal split is a typo, not a table. */
export const MAX_EQUAL_SHARES = 50;

/** n shares that differ by at most one cent (the first ones carry the odd cents) and sum to the total. */
export function splitEqual(check: Pick<Check, 'totalCents'>, n: number): Result<Share[]> {
  if (!Number.isInteger(n) || n < 1 || n > MAX_EQUAL_SHARES) {
    return fail(
      'INVALID',
      `an equal split needs a whole number of shares from 1 to ${MAX_EQUAL_SHARES}, got ${n}`,
      {
        n,
      },
    );
  }
  return ok(
    splitEvenly(check.totalCents, n).map((amountCents: Cents, i): Share => ({
      key: `equal-${i + 1}`,
      label: `${i + 1}/${n}`,
      amountCents,
      items: [],
    })),
  );
}
