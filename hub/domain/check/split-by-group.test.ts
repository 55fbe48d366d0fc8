import { describe, expect, it } from 'vitest';
import { computeCheck } from './check-compute.js';
import type { CheckSettings } from './check-types.js';
import { line } from './check-line-fixture.js';
import { splitByGroup } from './split-by-group.js';

const partyOf8: CheckSettings = { serviceChargeBp: 1_000, serviceChargeMinGuests: 8 };

/** The €100.00 dinner with 10 % off and auto-gratuity: the wine has no diner, so all three share it. */
const dinner = computeCheck({
  lines: [
    line('steak', { qty: 2, unitPriceCents: 3_000, dinerId: 'ana', seat: 1 }),
    line('salad', { unitPriceCents: 1_350, dinerId: 'bruno', seat: 2 }),
    line('wine', { unitPriceCents: 2_050 }),
    line('water', { qty: 2, unitPriceCents: 300, taxRateBp: 1_000, dinerId: 'carla', seat: 3 }),
    line('flan', { dinerId: 'dora', seat: 4, status: 'VOIDED' }),
  ],
  discounts: [{ id: 'd1', kind: 'PERCENT', value: 1_000, reason: 'regulars' }],
  guests: 8,
  settings: partyOf8,
});

describe('splitByGroup', () => {
  it('gives each diner their lines, a third of the shared wine and service in proportion', () => {
    const result = splitByGroup(dinner, 'DINER');
    expect(dinner.totalCents).toBe(9_900);
    // Items 6015, 1830, 1155; service 900 → 601.5, 183, 115.5, the tie on .5 going to the first diner.
    expect(result).toEqual({
      ok: true,
      value: [
        {
          key: 'diner-ana',
          label: 'ana',
          amountCents: 6_617,
          items: [
            { itemId: 'steak', qty: 2, amountCents: 5_400 },
            { itemId: 'wine', qty: 1, amountCents: 615, sharedBy: 3 },
          ],
        },
        {
          key: 'diner-bruno',
          label: 'bruno',
          amountCents: 2_013,
          items: [
            { itemId: 'salad', qty: 1, amountCents: 1_215 },
            { itemId: 'wine', qty: 1, amountCents: 615, sharedBy: 3 },
          ],
        },
        {
          key: 'diner-carla',
          label: 'carla',
          amountCents: 1_270,
          items: [
            { itemId: 'wine', qty: 1, amountCents: 615, sharedBy: 3 },
            { itemId: 'water', qty: 2, amountCents: 540 },
          ],
        },
      ],
    });
  });

  it('splits by seat in order of first appearance, ignoring voided lines', () => {
    const result = splitByGroup(dinner, 'SEAT');
    expect(result.ok && result.value.map((s) => [s.key, s.label, s.amountCents])).toEqual([
      ['seat-1', 'Seat 1', 6_617],
      ['seat-2', 'Seat 2', 2_013],
      ['seat-3', 'Seat 3', 1_270],
    ]);
  });

  it('lets a lone diner take the unclaimed lines whole', () => {
    const check = computeCheck({
      lines: [line('bread', { unitPriceCents: 250 }), line('pasta', { dinerId: 'ana' })],
      discounts: [],
      guests: 1,
      settings: partyOf8,
    });
    const result = splitByGroup(check, 'DINER');
    expect(result.ok && result.value).toEqual([
      {
        key: 'diner-ana',
        label: 'ana',
        amountCents: 1_250,
        items: [
          { itemId: 'bread', qty: 1, amountCents: 250 },
          { itemId: 'pasta', qty: 1, amountCents: 1_000 },
        ],
      },
    ]);
  });

  it('fails INVALID when no line has a seat', () => {
    const check = computeCheck({ lines: [line('bread')], discounts: [], guests: 2, settings: partyOf8 });
    const result = splitByGroup(check, 'SEAT');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID');
      expect(result.error.message).toMatch(/nothing to split by seat/);
    }
  });

  it('fails INVALID when no line has a diner, saying it was the split by diner that found nothing', () => {
    const check = computeCheck({
      lines: [line('bread', { seat: 1 })],
      discounts: [],
      guests: 2,
      settings: partyOf8,
    });
    const result = splitByGroup(check, 'DINER');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID');
      expect(result.error.message).toMatch(/nothing to split by diner: no line on the check has a diner/);
      expect(result.error.details).toEqual({ by: 'DINER' });
    }
  });
});
