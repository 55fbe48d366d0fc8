// The shared cart's rules for diners: a line a diner adds is always theirs (the payload's dinerId is
// ignored), and a diner may change or remove only their own pending lines; staff may edit any.
import { describe, expect, it } from 'vitest';
import { itemInputSchema } from '../../protocol/commands/round-commands.js';
import { decideAddItem, decidePlaceRound, decideRemoveItem, decideUpdateItem } from './round-decide.js';
import type { DecideContext, ItemView, ProductView, RoundView, SessionView } from './views.js';
import { branchSettingsSchema } from '../../protocol/domain-values.js';

let n = 0;
const ctxOf = (actor: DecideContext['actor']): DecideContext => ({
  actor,
  now: '2026-11-27T21:00:00.000Z',
  businessDay: '2026-11-27',
  newId: () => `id-${++n}`,
  newJoinCode: () => 'ABCDEF',
});
const ana = ctxOf({ kind: 'diner', sessionId: 's1', dinerId: 'd-ana' });
const bob = ctxOf({ kind: 'diner', sessionId: 's1', dinerId: 'd-bob' });
const waiter = ctxOf({ kind: 'staff', staffId: 'staff-luis', role: 'WAITER' });

const session: SessionView = {
  id: 's1',
  tableId: 't1',
  sectorId: 'sec1',
  status: 'OPEN',
  guests: 2,
  roundCount: 0,
  dinerCount: 2,
  maxSeat: 2,
};
const product: ProductView = {
  id: 'p1',
  categoryId: 'c1',
  name: { es: 'Bravas', en: 'Bravas' },
  basePriceCents: 650,
  priceCents: 650,
  station: 'cold',
  course: 'starter',
  taxRateBp: 1000,
  allergens: [],
  modifierGroups: [],
  active: true,
  available: true,
  stockCount: null,
};
const line = (dinerId: string | null): ItemView => ({
  id: 'i1',
  roundId: 'r1',
  productId: 'p1',
  name: product.name,
  unitPriceCents: 650,
  qty: 1,
  modifiers: [],
  notes: '',
  dinerId,
  seat: null,
  course: 'starter',
  station: 'cold',
  taxRateBp: 1000,
  allergens: [],
  status: 'PENDING',
  ticketId: null,
});
const cart = (dinerId: string | null): RoundView => ({
  id: 'r1',
  sessionId: 's1',
  number: 1,
  status: 'PENDING',
  source: 'DINER',
  items: [line(dinerId)],
});

function addedDinerId(result: ReturnType<typeof decideAddItem>): unknown {
  if (!result.ok) throw new Error(result.error.message);
  const added = result.value.events.find((e) => e.type === 'ItemAdded');
  return (added?.data as { item: { dinerId: unknown } }).item.dinerId;
}

describe('diner lines in the shared cart', () => {
  it('an item a diner adds carries their own diner id, whatever the payload says', () => {
    const item = itemInputSchema.parse({ productId: 'p1', qty: 1, dinerId: 'd-bob' });
    expect(addedDinerId(decideAddItem({ session, pendingRound: undefined, product }, item, ana))).toBe(
      'd-ana',
    );
  });

  it('a waiter may add a line on behalf of a diner', () => {
    const item = itemInputSchema.parse({ productId: 'p1', qty: 1, dinerId: 'd-bob' });
    expect(addedDinerId(decideAddItem({ session, pendingRound: cart(null), product }, item, waiter))).toBe(
      'd-bob',
    );
  });

  it('a round a diner places has every line attributed to them', () => {
    const settings = branchSettingsSchema.parse({});
    const r = decidePlaceRound(
      { session, products: new Map([['p1', product]]), settings, nextDailyNumber: 1 },
      [itemInputSchema.parse({ productId: 'p1', qty: 2, dinerId: 'd-bob' })],
      [],
      ana,
    );
    expect(r.ok).toBe(true);
    const placed = r.ok ? r.value.events.find((e) => e.type === 'RoundPlaced') : undefined;
    expect((placed?.data as { items: Array<{ dinerId: string }> }).items[0]!.dinerId).toBe('d-ana');
  });

  it('a diner may change and remove their own line', () => {
    const input = { round: cart('d-ana'), itemId: 'i1', product };
    expect(decideUpdateItem(input, { qty: 3 }, ana).ok).toBe(true);
    expect(decideRemoveItem(input, ana).ok).toBe(true);
  });

  it('a diner may not change or remove a line someone else added; staff may', () => {
    const input = { round: cart('d-ana'), itemId: 'i1', product };
    for (const r of [decideUpdateItem(input, { qty: 3 }, bob), decideRemoveItem(input, bob)]) {
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    }
    const staffLine = { round: cart(null), itemId: 'i1', product };
    expect(decideRemoveItem(staffLine, bob).ok).toBe(false);
    expect(decideRemoveItem(input, waiter).ok).toBe(true);
    expect(decideUpdateItem(input, { qty: 2 }, waiter).ok).toBe(true);
  });
});
