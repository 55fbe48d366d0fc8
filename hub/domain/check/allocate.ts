// Dividing a whole-cent total into parts that add up exactly: largest remainder (Hamilton) allocation.
import { cents, type Cents } from '../../../protocol/money.js';

function assertWholeCents(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be whole cents >= 0, got ${n}`);
}

/**
 * Splits `total` into `n` parts that differ by at most one cent; the earlier parts take the extra cents,
 * so the first diner of an equal split pays the odd cent, every time.
 */
export function splitEvenly(total: number, n: number): Cents[] {
  assertWholeCents(total, 'total');
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`cannot split into ${n} parts`);
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => cents(base + (i < extra ? 1 : 0)));
}

/**
 * Splits `total` in proportion to `weights` (whole numbers >= 0). Each part is its exact share rounded
 * down, and the cents left over go one each to the parts with the largest remainders, lower index first
 * on ties. So the parts sum to `total`, each is within one cent of its exact share, and a zero weight
 * gets nothing. All-zero weights split evenly: there is no proportion to follow, yet the money must land.
 */
export function allocateProportionally(total: number, weights: readonly number[]): Cents[] {
  assertWholeCents(total, 'total');
  weights.forEach((w, i) => assertWholeCents(w, `weight ${i}`));
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`cannot allocate ${total} over no weights`);
  }
  // BigInt: total × weight may pass 2^53, and the remainders must compare exactly.
  const sum = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  if (sum === 0n) return splitEvenly(total, weights.length);

  const t = BigInt(total);
  const floors = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w) => (t * BigInt(w)) % sum);
  let leftover = total - Number(floors.reduce((acc, f) => acc + f, 0n));

  const byRemainder = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra !== rb) return rb > ra ? 1 : -1;
      return a - b;
    });
  const parts = floors.map((f) => Number(f));
  for (const i of byRemainder) {
    if (leftover === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    leftover -= 1;
  }
  return parts.map((p) => cents(p));
}
