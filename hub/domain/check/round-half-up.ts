// Exact integer arithmetic for money: a × b / d rounded half up, with no float drift at any size.
import { cents, type Cents } from '../../../protocol/money.js';

function assertWhole(n: number, what: string, min: number): void {
  if (!Number.isSafeInteger(n) || n < min)
    throw new RangeError(`${what} must be a whole number >= ${min}, got ${n}`);
}

/**
 * Returns round(value × numerator / denominator), halves rounded up, for whole non-negative inputs.
 * BigInt keeps the product exact: subtotal × basis points can pass 2^53 on absurd but legal inputs,
 * and a float would then round a half-cent the wrong way.
 */
export function mulDivRoundHalfUp(value: number, numerator: number, denominator: number): Cents {
  assertWhole(value, 'value', 0);
  assertWhole(numerator, 'numerator', 0);
  assertWhole(denominator, 'denominator', 1);
  const d = BigInt(denominator);
  // floor((2·v·n + d) / 2d) is v·n/d rounded half up, in integers only.
  const rounded = (2n * BigInt(value) * BigInt(numerator) + d) / (2n * d);
  return cents(Number(rounded));
}
