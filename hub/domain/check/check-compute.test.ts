import { describe, expect, it } from 'vitest';
import { computeCheck } from './check-compute.js';
import type { CheckLine, CheckSettings, Discount } from './check-types.js';
import { line } from './check-line-fixture.js';

/** A €100.00 dinner for three: €94.00 at 21 % and €6.00 of water at 10 %, plus lines that don't count. */
const dinner: CheckLine[] = [
  line('steak', { qty: 2, unitPriceCents: 3_000, dinerId: 'ana', seat: 1 }),
  line('salad', { unitPriceCents: 1_200, modifiersCents: 150, dinerId: 'bruno', seat: 2, status: 'READY' }),
  line('wine', { unitPriceCents: 2_050, status: 'FIRED' }),
  line('water', { qty: 2, unitPriceCents: 300, taxRateBp: 1_000, dinerId: 'carla', seat: 3, status: 'HELD' }),
  line('flan', { unitPriceCents: 900, status: 'PENDING' }),
  line('soup', { unitPriceCents: 1_100, status: 'VOIDED' }),
];

const noService: CheckSettings = { serviceChargeBp: 1_000, serviceChargeMinGuests: null };
const partyOf8: CheckSettings = { serviceChargeBp: 1_000, serviceChargeMinGuests: 8 };
const tenPercent: Discount = { id: 'd1', kind: 'PERCENT', value: 1_000, reason: 'regulars' };

describe('computeCheck', () => {
  it('bills only submitted, unvoided lines at qty × (price + modifiers)', () => {
    const check = computeCheck({ lines: dinner, discounts: [], guests: 3, settings: noService });
    expect(check.lines.map((l) => [l.itemId, l.grossCents])).toEqual([
      ['steak', 6_000],
      ['salad', 1_350],
      ['wine', 2_050],
      ['water', 600],
    ]);
    expect(check.subtotalCents).toBe(10_000);
    expect(check.totalCents).toBe(10_000);
  });

  it('breaks a €100.00 bill down by tax rate, sorted by rate, tax extracted from included prices', () => {
    const check = computeCheck({ lines: dinner, discounts: [], guests: 3, settings: noService });
    expect(check.taxes).toEqual([
      { rateBp: 1_000, grossCents: 600, baseCents: 545, taxCents: 55 },
      { rateBp: 2_100, grossCents: 9_400, baseCents: 7_769, taxCents: 1_631 },
    ]);
  });

  it('takes a 10 % discount off the subtotal and spreads it over the lines by gross', () => {
    const check = computeCheck({ lines: dinner, discounts: [tenPercent], guests: 3, settings: noService });
    expect(check.discountCents).toBe(1_000);
    expect(check.lines.map((l) => [l.discountCents, l.netCents])).toEqual([
      [600, 5_400],
      [135, 1_215],
      [205, 1_845],
      [60, 540],
    ]);
    expect(check.discounts).toEqual([{ id: 'd1', kind: 'PERCENT', reason: 'regulars', amountCents: 1_000 }]);
    expect(check.taxes).toEqual([
      { rateBp: 1_000, grossCents: 540, baseCents: 491, taxCents: 49 },
      { rateBp: 2_100, grossCents: 8_460, baseCents: 6_992, taxCents: 1_468 },
    ]);
    expect(check.totalCents).toBe(9_000);
  });

  it('adds a 10 % auto-gratuity for a party of 8, untaxed, on the discounted total', () => {
    const check = computeCheck({ lines: dinner, discounts: [tenPercent], guests: 8, settings: partyOf8 });
    expect(check.serviceChargeCents).toBe(900);
    expect(check.totalCents).toBe(9_900);
    expect(check.taxes.reduce((a, t) => a + t.grossCents, 0)).toBe(9_000);
  });

  it('adds no auto-gratuity for a party of 7', () => {
    const check = computeCheck({ lines: dinner, discounts: [], guests: 7, settings: partyOf8 });
    expect(check.serviceChargeCents).toBe(0);
  });

  it('charges service on every table when the minimum is zero', () => {
    const settings = { serviceChargeBp: 500, serviceChargeMinGuests: 0 };
    const check = computeCheck({ lines: dinner, discounts: [], guests: 1, settings });
    expect(check.serviceChargeCents).toBe(500);
  });

  it('rounds a percent discount of exactly half a cent up', () => {
    const lines = [line('coffee', { unitPriceCents: 1_005 })];
    const check = computeCheck({ lines, discounts: [tenPercent], guests: 1, settings: noService });
    expect(check.discountCents).toBe(101);
  });

  it('rounds a tax amount of exactly half a cent up', () => {
    // At 20 % the tax in a tax-included €15.09 is 1509 / 6 = 251.5 cents.
    const lines = [line('menu', { unitPriceCents: 1_509, taxRateBp: 2_000 })];
    const check = computeCheck({ lines, discounts: [], guests: 1, settings: noService });
    expect(check.taxes).toEqual([{ rateBp: 2_000, grossCents: 1_509, baseCents: 1_257, taxCents: 252 }]);
  });

  it('adds amount and percent discounts, both on the original subtotal', () => {
    const discounts: Discount[] = [{ id: 'd0', kind: 'AMOUNT', value: 500, reason: 'late food' }, tenPercent];
    const check = computeCheck({ lines: dinner, discounts, guests: 3, settings: noService });
    expect(check.discounts.map((d) => d.amountCents)).toEqual([500, 1_000]);
    expect(check.totalCents).toBe(8_500);
  });

  it('caps the discount at the subtotal, never charging a negative bill', () => {
    const discounts: Discount[] = [
      { id: 'd0', kind: 'AMOUNT', value: 2_500, reason: 'birthday' },
      { id: 'd1', kind: 'AMOUNT', value: 2_500, reason: 'complaint' },
    ];
    const lines = [line('pizza', { unitPriceCents: 3_000 })];
    const check = computeCheck({ lines, discounts, guests: 8, settings: partyOf8 });
    expect(check.discounts.map((d) => d.amountCents)).toEqual([2_500, 500]);
    expect(check.discountCents).toBe(3_000);
    expect(check.lines[0]?.netCents).toBe(0);
    expect(check.totalCents).toBe(0);
    expect(check.taxes).toEqual([{ rateBp: 2_100, grossCents: 0, baseCents: 0, taxCents: 0 }]);
  });

  it('gives an empty session an empty check', () => {
    const check = computeCheck({ lines: [], discounts: [tenPercent], guests: 8, settings: partyOf8 });
    expect(check).toMatchObject({
      lines: [],
      subtotalCents: 0,
      discountCents: 0,
      serviceChargeCents: 0,
      totalCents: 0,
    });
    expect(check.taxes).toEqual([]);
  });

  it('refuses fractional prices and zero quantities as bugs upstream', () => {
    const settings = noService;
    expect(() =>
      computeCheck({ lines: [line('x', { unitPriceCents: 9.99 })], discounts: [], guests: 1, settings }),
    ).toThrow(/unit price of item x/);
    expect(() =>
      computeCheck({ lines: [line('x', { qty: 0 })], discounts: [], guests: 1, settings }),
    ).toThrow(/qty/);
  });

  it.each([
    ['modifiers of item x', { lines: [line('x', { modifiersCents: -50 })] }],
    ['tax rate of item x', { lines: [line('x', { taxRateBp: 2_100.5 })] }],
    ['value of discount d1', { discounts: [{ ...tenPercent, value: -1 }] }],
    ['guests', { guests: 2.5 }],
    ['service charge', { settings: { serviceChargeBp: -1, serviceChargeMinGuests: 8 } }],
    ['service minimum', { settings: { serviceChargeBp: 1_000, serviceChargeMinGuests: 7.5 } }],
  ])('refuses a broken %s as a bug upstream, naming it', (what, over) => {
    const input = { lines: [line('x')], discounts: [], guests: 1, settings: partyOf8, ...over };
    expect(() => computeCheck(input)).toThrow(what);
  });
});
