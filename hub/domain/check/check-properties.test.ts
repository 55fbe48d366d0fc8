// Property tests: for random sessions the check's invariants hold and every split lands every cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, splitEvenly } from './allocate.js';
import { computeCheck } from './check-compute.js';
import type { Check, CheckInput, CheckLine, Discount, Share } from './check-types.js';
import { splitByGroup } from './split-by-group.js';
import { splitByItem, type ItemAssignment } from './split-by-item.js';
import { splitEqual } from './split-equal.js';

const lineArb = fc.record({
  qty: fc.integer({ min: 1, max: 6 }),
  unitPriceCents: fc.integer({ min: 0, max: 25_000 }),
  modifiersCents: fc.integer({ min: 0, max: 800 }),
  taxRateBp: fc.oneof(
    fc.constantFrom(0, 1_000, 1_050, 2_000, 2_100, 2_700, 10_000),
    fc.integer({ min: 0, max: 10_000 }),
  ),
  dinerId: fc.constantFrom('ana', 'bruno', 'carla', null),
  seat: fc.constantFrom(1, 2, 3, 4, null),
  status: fc.constantFrom('PENDING', 'HELD', 'FIRED', 'READY', 'SERVED', 'VOIDED', 'SERVED') as fc.Arbitrary<
    CheckLine['status']
  >,
});

const discountArb: fc.Arbitrary<Discount> = fc
  .oneof(
    fc.record({ kind: fc.constant('AMOUNT' as const), value: fc.integer({ min: 0, max: 60_000 }) }),
    fc.record({ kind: fc.constant('PERCENT' as const), value: fc.integer({ min: 0, max: 12_000 }) }),
  )
  .map((d) => ({ ...d, id: 'd', reason: 'manager' }));

const inputArb: fc.Arbitrary<CheckInput> = fc.record({
  lines: fc
    .array(lineArb, { maxLength: 12 })
    .map((ls) => ls.map((l, i) => ({ ...l, itemId: `item-${i}`, productId: `p-${i}`, name: `Dish ${i}` }))),
  discounts: fc.array(discountArb, { maxLength: 3 }),
  guests: fc.integer({ min: 0, max: 12 }),
  settings: fc.record({
    serviceChargeBp: fc.integer({ min: 0, max: 2_500 }),
    serviceChargeMinGuests: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  }),
});

const sum = (ns: readonly number[]): number => ns.reduce((a, b) => a + b, 0);

function expectSharesLandEveryCent(check: Check, shares: readonly Share[]): void {
  expect(sum(shares.map((s) => s.amountCents))).toBe(check.totalCents);
  for (const s of shares) {
    expect(Number.isSafeInteger(s.amountCents) && s.amountCents >= 0).toBe(true);
    for (const item of s.items)
      expect(Number.isSafeInteger(item.amountCents) && item.amountCents >= 0).toBe(true);
  }
}

/** The service part of each share (amount − items) sums to the service charge, each within a cent of its due. */
function expectServiceFollowsItems(check: Check, shares: readonly Share[]): void {
  const itemTotals = shares.map((s) => sum(s.items.map((i) => i.amountCents)));
  const serviceParts = shares.map((s, i) => s.amountCents - (itemTotals[i] ?? 0));
  expect(serviceParts).toEqual(allocateProportionally(check.serviceChargeCents, itemTotals));
}

describe('computeCheck over random sessions', () => {
  it('keeps total = subtotal − discount + service, with nets and tax grosses summing to the net', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const check = computeCheck(input);
        const net = check.subtotalCents - check.discountCents;
        expect(check.totalCents).toBe(net + check.serviceChargeCents);
        expect(sum(check.lines.map((l) => l.netCents))).toBe(net);
        expect(sum(check.taxes.map((t) => t.grossCents))).toBe(net);
        expect(sum(check.lines.map((l) => l.grossCents))).toBe(check.subtotalCents);
        expect(sum(check.discounts.map((d) => d.amountCents))).toBe(check.discountCents);
        expect(check.discountCents).toBeLessThanOrEqual(check.subtotalCents);
        const { serviceChargeBp, serviceChargeMinGuests: min } = input.settings;
        const applies = min !== null && input.guests >= min;
        // Half up: service·10000 lies in (net·bp − 5000, net·bp + 5000].
        const serviceDiff = check.serviceChargeCents * 20_000 - 2 * net * serviceChargeBp;
        if (applies) expect(serviceDiff > -10_000 && serviceDiff <= 10_000).toBe(true);
        else expect(check.serviceChargeCents).toBe(0);
      }),
    );
  });

  it('bills only counting lines and never makes a negative or fractional amount', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const check = computeCheck(input);
        const counting = input.lines.filter((l) => l.status !== 'PENDING' && l.status !== 'VOIDED');
        expect(check.lines.map((l) => l.itemId)).toEqual(counting.map((l) => l.itemId));
        for (const l of check.lines) {
          expect(l.grossCents).toBe(l.qty * (l.unitPriceCents + l.modifiersCents));
          expect(l.netCents).toBeGreaterThanOrEqual(0);
          expect(l.netCents + l.discountCents).toBe(l.grossCents);
        }
        const rates = check.taxes.map((t) => t.rateBp);
        expect(rates).toEqual([...new Set(rates)].sort((a, b) => a - b));
        for (const t of check.taxes) {
          expect(t.baseCents + t.taxCents).toBe(t.grossCents);
          expect(Math.min(t.baseCents, t.taxCents)).toBeGreaterThanOrEqual(0);
          // Half up: exact − ½ < tax ≤ exact + ½, with exact = gross·r / (1 + r); scaled to integers.
          const scale = 10_000 + t.rateBp;
          const diff = 2 * t.taxCents * scale - 2 * t.grossCents * t.rateBp;
          expect(diff > -scale && diff <= scale).toBe(true);
        }
      }),
    );
  });
});

describe('splits over random sessions', () => {
  it('splits equally into shares one cent apart at most, summing to the total', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 50 }), (input, n) => {
        const check = computeCheck(input);
        const result = splitEqual(check, n);
        if (!result.ok) throw new Error(result.error.message);
        expectSharesLandEveryCent(check, result.value);
        const amounts = result.value.map((s) => s.amountCents);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives each share of a full by-item split exactly its assigned unit amounts plus its service part', () => {
    const keys = ['A', 'B', 'C', 'D'];
    fc.assert(
      fc.property(
        inputArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 80, maxLength: 80 }),
        (input, picks) => {
          const check = computeCheck(input);
          // Walk every unit of every line, pick a share for it, and merge runs of one share into an assignment.
          const assignments: ItemAssignment[] = [];
          const expected = new Map<string, number>();
          let u = 0;
          for (const line of check.lines) {
            splitEvenly(line.netCents, line.qty).forEach((unitCents) => {
              const shareKey = keys[picks[u++ % picks.length] ?? 0] ?? 'A';
              expected.set(shareKey, (expected.get(shareKey) ?? 0) + unitCents);
              const last = assignments.at(-1);
              if (last?.itemId === line.itemId && last.shareKey === shareKey) last.qty += 1;
              else assignments.push({ itemId: line.itemId, shareKey, qty: 1 });
            });
          }
          const result = splitByItem(check, assignments);
          if (!result.ok) throw new Error(result.error.message);
          expectSharesLandEveryCent(check, result.value);
          expectServiceFollowsItems(check, result.value);
          expect(result.value.some((s) => s.key === 'rest')).toBe(false);
          for (const share of result.value) {
            expect(sum(share.items.map((i) => i.amountCents))).toBe(expected.get(share.key));
          }
        },
      ),
    );
  });

  it('lands every cent of a partial by-item split, unassigned units going to a last rest share', () => {
    const picksArb = fc.array(
      fc.record({ line: fc.nat(), shareKey: fc.constantFrom('A', 'B', 'C'), qty: fc.nat(3) }),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(inputArb, picksArb, (input, picks) => {
        const check = computeCheck(input);
        // Aim each pick at a real line and never past its quantity, so every split here is valid.
        const left = new Map(check.lines.map((l) => [l.itemId, l.qty]));
        const assignments: ItemAssignment[] = [];
        for (const pick of picks) {
          const line = check.lines[pick.line % Math.max(1, check.lines.length)];
          const qty = Math.min(pick.qty + 1, left.get(line?.itemId ?? '') ?? 0);
          if (line === undefined || qty === 0) continue;
          left.set(line.itemId, (left.get(line.itemId) ?? 0) - qty);
          assignments.push({ itemId: line.itemId, shareKey: pick.shareKey, qty });
        }
        const result = splitByItem(check, assignments);
        if (!result.ok) throw new Error(result.error.message);
        expectSharesLandEveryCent(check, result.value);
        expectServiceFollowsItems(check, result.value);
        const unitsLeft = sum([...left.values()]);
        const restIndex = result.value.findIndex((s) => s.key === 'rest');
        expect(restIndex).toBe(unitsLeft > 0 ? result.value.length - 1 : -1);
        expect(sum(result.value.map((s) => sum(s.items.map((i) => i.qty))))).toBe(
          sum(check.lines.map((l) => l.qty)),
        );
      }),
    );
  });

  it('rejects a by-item split exactly when it over-assigns, names an item not on the check or a qty below 1', () => {
    const rawArb = fc.array(
      fc.record({
        item: fc.nat(4),
        shareKey: fc.constantFrom('A', 'B'),
        qty: fc.oneof(
          { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 9 },
          { arbitrary: fc.constant(0), weight: 1 },
        ),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(inputArb, rawArb, (input, raw) => {
        const check = computeCheck(input);
        const assignments = raw.map((a) => ({ itemId: `item-${a.item}`, shareKey: a.shareKey, qty: a.qty }));
        const qtyOnCheck = new Map(check.lines.map((l) => [l.itemId, l.qty]));
        const asked = new Map<string, number>();
        for (const a of assignments) asked.set(a.itemId, (asked.get(a.itemId) ?? 0) + a.qty);
        const valid =
          assignments.every((a) => a.qty >= 1 && qtyOnCheck.has(a.itemId)) &&
          [...asked].every(([itemId, qty]) => qty <= (qtyOnCheck.get(itemId) ?? 0));
        const result = splitByItem(check, assignments);
        expect(result.ok).toBe(valid);
        if (result.ok) expectSharesLandEveryCent(check, result.value);
        else expect(result.error.code).toBe('INVALID');
      }),
    );
  });

  it('splits by diner or seat into shares that land every cent, or fails only when no line has a group', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('DINER' as const, 'SEAT' as const), (input, by) => {
        const check = computeCheck(input);
        const result = splitByGroup(check, by);
        const grouped = check.lines.some((l) => (by === 'DINER' ? l.dinerId : l.seat) !== null);
        expect(result.ok).toBe(grouped);
        if (!result.ok) return;
        expectSharesLandEveryCent(check, result.value);
        expectServiceFollowsItems(check, result.value);
        expect(new Set(result.value.map((s) => s.key)).size).toBe(result.value.length);
      }),
    );
  });
});
