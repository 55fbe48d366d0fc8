// Money is integer cents. Never a float, never negative unless a field says so.
import { z } from 'zod';

export type Cents = number & { readonly __brand: 'Cents' };

/** Largest amount a single field may hold: 10 million in major units, far beyond any restaurant bill. */
export const MAX_CENTS = 1_000_000_000;

export const centsSchema = z
  .number()
  .int('must be whole cents')
  .min(0, 'must not be negative')
  .max(MAX_CENTS)
  .transform((n) => n as Cents);

/** An amount that must be at least one cent (what a payment settles). */
export const positiveCentsSchema = z
  .number()
  .int('must be whole cents')
  .min(1, 'must be at least 1 cent')
  .max(MAX_CENTS)
  .transform((n) => n as Cents);

/** Brands a number already known to be whole, non-negative cents. */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a cents amount: ${n}`);
  return n as Cents;
}

/** Tax rates are basis points: 2100 = 21 %. */
export const basisPointsSchema = z.number().int().min(0).max(10_000);
