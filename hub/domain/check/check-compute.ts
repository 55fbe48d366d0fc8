// Derives the check of a session from its items: subtotal, discounts, service charge, tax breakdown.
import { cents, type Cents } from '../../../protocol/money.js';
import { allocateProportionally } from './allocate.js';
import type {
  AppliedDiscount,
  Check,
  CheckInput,
  CheckLine,
  CheckLineAmounts,
  CheckSettings,
  Discount,
  TaxBreakdown,
} from './check-types.js';
import { mulDivRoundHalfUp } from './round-half-up.js';

const BP = 10_000;

/** PENDING items were never sent to the kitchen, VOIDED ones were taken back: neither is billed. */
function countsOnCheck(line: CheckLine): boolean {
  return line.status !== 'PENDING' && line.status !== 'VOIDED';
}

function requireWhole(n: number, min: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < min)
    throw new RangeError(`${what} must be a whole number >= ${min}, got ${n}`);
}

// Inputs arrive parsed at the edge, so a bad number here is a bug upstream, not a business rule:
// throwing beats quietly billing a fraction of a cent.
function assertInput({ lines, discounts, guests, settings }: CheckInput): void {
  for (const line of lines) {
    requireWhole(line.qty, 1, `qty of item ${line.itemId}`);
    requireWhole(line.unitPriceCents, 0, `unit price of item ${line.itemId}`);
    requireWhole(line.modifiersCents, 0, `modifiers of item ${line.itemId}`);
    requireWhole(line.taxRateBp, 0, `tax rate of item ${line.itemId}`);
  }
  for (const d of discounts) requireWhole(d.value, 0, `value of discount ${d.id}`);
  requireWhole(guests, 0, 'guests');
  requireWhole(settings.serviceChargeBp, 0, 'service charge');
  if (settings.serviceChargeMinGuests !== null)
    requireWhole(settings.serviceChargeMinGuests, 0, 'service minimum');
}

/** Percent discounts are taken on the subtotal; the running cap means earlier discounts win the room. */
function applyDiscounts(discounts: readonly Discount[], subtotal: Cents): AppliedDiscount[] {
  let room = subtotal as number;
  return discounts.map((d) => {
    const asked = d.kind === 'PERCENT' ? mulDivRoundHalfUp(subtotal, d.value, BP) : d.value;
    const amount = Math.min(asked, room);
    room -= amount;
    return { id: d.id, kind: d.kind, reason: d.reason, amountCents: cents(amount) };
  });
}

function serviceChargeFor(net: Cents, guests: number, settings: CheckSettings): Cents {
  const min = settings.serviceChargeMinGuests;
  if (min === null || guests < min) return cents(0);
  return mulDivRoundHalfUp(net, settings.serviceChargeBp, BP);
}

/** Prices include tax, so tax is extracted from each rate's net sales: gross × r / (1 + r). */
function taxBreakdown(lines: readonly CheckLineAmounts[]): TaxBreakdown[] {
  const grossByRate = new Map<number, number>();
  for (const line of lines)
    grossByRate.set(line.taxRateBp, (grossByRate.get(line.taxRateBp) ?? 0) + line.netCents);
  return [...grossByRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, gross]) => {
      const taxCents = mulDivRoundHalfUp(gross, rateBp, BP + rateBp);
      return { rateBp, grossCents: cents(gross), baseCents: cents(gross - taxCents), taxCents };
    });
}

/** Computes the check; every amount is whole cents and the invariants on `Check` hold exactly. */
export function computeCheck(input: CheckInput): Check {
  assertInput(input);
  const counting = input.lines.filter(countsOnCheck);
  const grosses = counting.map((l) => cents(l.qty * (l.unitPriceCents + l.modifiersCents)));
  const subtotalCents = cents(grosses.reduce((a, g) => a + g, 0));

  const discounts = applyDiscounts(input.discounts, subtotalCents);
  const discountCents = cents(discounts.reduce((a, d) => a + d.amountCents, 0));
  // Spread in proportion to gross so each line has a net (tax per rate, by-item splits). Since the
  // discount never passes the subtotal, no line's part passes its gross and no net goes negative.
  const lineDiscounts = allocateProportionally(discountCents, grosses);
  const lines = counting.map((line, i): CheckLineAmounts => {
    const grossCents = grosses[i] ?? cents(0);
    const lineDiscount = lineDiscounts[i] ?? cents(0);
    return { ...line, grossCents, discountCents: lineDiscount, netCents: cents(grossCents - lineDiscount) };
  });

  const netCents = cents(subtotalCents - discountCents);
  // The service charge is not taxed: it is left out of the tax breakdown, which covers the nets only.
  const serviceChargeCents = serviceChargeFor(netCents, input.guests, input.settings);
  return {
    lines,
    subtotalCents,
    discountCents,
    discounts,
    serviceChargeCents,
    totalCents: cents(netCents + serviceChargeCents),
    taxes: taxBreakdown(lines),
  };
}
