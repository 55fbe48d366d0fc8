import { describe, expect, it } from 'vitest';
import { computeCheck } from './check-compute.js';
import type { CheckSettings, Discount } from './check-types.js';
import { line } from './check-line-fixture.js';
import { splitByItem } from './split-by-item.js';

const noService: CheckSettings = { serviceChargeBp: 0, serviceChargeMinGuests: null };
const partyOf8: CheckSettings = { serviceChargeBp: 1_000, serviceChargeMinGuests: 8 };

/** Three beers at €5.00 with €5.00 off: a €10.00 line that three units cannot share evenly. */
const beers = computeCheck({
  lines: [line('beer', { qty: 3, unitPriceCents: 500 })],
  discounts: [{ id: 'd', kind: 'AMOUNT', value: 500, reason: 'happy hour' } satisfies Discount],
  guests: 2,
  settings: noService,
});

const dinner = computeCheck({
  lines: [
    line('steak', { qty: 2, unitPriceCents: 3_000 }),
    line('salad', { unitPriceCents: 1_350 }),
    line('wine', { unitPriceCents: 2_050 }),
    line('water', { qty: 2, unitPriceCents: 300, taxRateBp: 1_000 }),
    line('flan', { status: 'PENDING' }),
    line('soup', { status: 'VOIDED' }),
  ],
  discounts: [],
  guests: 8,
  settings: partyOf8,
});

describe('splitByItem', () => {
  it('splits a line of 3 assigned 1 and 2 in the ratio 1:2, the first unit carrying the odd cent', () => {
    const result = splitByItem(beers, [
      { itemId: 'beer', shareKey: 'ana', qty: 1 },
      { itemId: 'beer', shareKey: 'bruno', qty: 2 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { key: 'ana', label: 'ana', amountCents: 334, items: [{ itemId: 'beer', qty: 1, amountCents: 334 }] },
        {
          key: 'bruno',
          label: 'bruno',
          amountCents: 666,
          items: [{ itemId: 'beer', qty: 2, amountCents: 666 }],
        },
      ],
    });
  });

  it('merges repeated assignments of one item to one share into a single entry', () => {
    const result = splitByItem(beers, [
      { itemId: 'beer', shareKey: 'ana', qty: 1 },
      { itemId: 'beer', shareKey: 'bruno', qty: 1 },
      { itemId: 'beer', shareKey: 'ana', qty: 1 },
    ]);
    expect(result.ok && result.value.map((s) => s.items)).toEqual([
      [{ itemId: 'beer', qty: 2, amountCents: 667 }],
      [{ itemId: 'beer', qty: 1, amountCents: 333 }],
    ]);
  });

  it('puts unassigned units in a last "Rest" share and spreads the party-of-8 service charge by items', () => {
    const result = splitByItem(dinner, [
      { itemId: 'salad', shareKey: 'bruno', qty: 1 },
      { itemId: 'steak', shareKey: 'ana', qty: 2 },
    ]);
    expect(dinner.serviceChargeCents).toBe(1_000);
    expect(result.ok && result.value.map((s) => [s.key, s.label, s.amountCents])).toEqual([
      ['bruno', 'bruno', 1_485],
      ['ana', 'ana', 6_600],
      ['rest', 'Rest', 2_915],
    ]);
    expect(result.ok && result.value[2]?.items.map((i) => i.itemId)).toEqual(['wine', 'water']);
  });

  it('makes no rest share when every unit is assigned', () => {
    const result = splitByItem(beers, [{ itemId: 'beer', shareKey: 'ana', qty: 3 }]);
    expect(result.ok && result.value.map((s) => s.key)).toEqual(['ana']);
  });

  it('sends everything to the rest share when nothing is assigned', () => {
    const result = splitByItem(dinner, []);
    expect(result.ok && result.value.map((s) => [s.key, s.amountCents])).toEqual([['rest', 11_000]]);
  });

  it('rejects over-assigned, unknown, pending and zero-quantity items, naming each', () => {
    const result = splitByItem(dinner, [
      { itemId: 'steak', shareKey: 'ana', qty: 2 },
      { itemId: 'steak', shareKey: 'bruno', qty: 1 },
      { itemId: 'ghost', shareKey: 'ana', qty: 1 },
      { itemId: 'flan', shareKey: 'ana', qty: 1 },
      { itemId: 'wine', shareKey: 'ana', qty: 0 },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID');
    for (const id of ['steak', 'ghost', 'flan', 'wine']) expect(result.error.message).toContain(id);
    expect(result.error.details).toEqual({
      items: [
        { itemId: 'ghost', problem: expect.stringContaining('not on the check') },
        { itemId: 'flan', problem: expect.stringContaining('not on the check') },
        { itemId: 'wine', problem: expect.stringContaining('quantity 0') },
        { itemId: 'steak', problem: 'has 3 units assigned but only 2 ordered' },
      ],
    });
  });

  it('rejects an assignment to a share with no key, which no payment could name', () => {
    const result = splitByItem(beers, [{ itemId: 'beer', shareKey: '', qty: 1 }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID');
    expect(result.error.message).toContain('beer');
    expect(result.error.details).toEqual({
      items: [{ itemId: 'beer', problem: expect.stringContaining('empty share key') }],
    });
  });
});
