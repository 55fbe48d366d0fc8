// The shared cart's rules for diners: a line a diner adds is always theirs (the payload's dinerId is
// ignored), and a diner may change or remove only their own pending lines; staff may edit any.
import { describe, expect, it } from 'vitest';
import { itemInputSchema } from '../../protocol/commands/round-commands.js';
import { decideAddItem, decidePlaceRound, decideRemoveItem, decideUpdateItem } from './round-decide.js';
import { checkLineTargets, namesOtherDiners } from './diner-lines.js';
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

describe('the diner and seat a line names', () => {
  const here = new Set(['d-ana', 'd-bob']);
  it('must be a diner who joined this table: a made-up one is NOT_FOUND', () => {
    expect(checkLineTargets(session, [{ dinerId: 'd-ana' }], waiter, here).ok).toBe(true);
    const ghost = checkLineTargets(session, [{ dinerId: 'ghost' }], waiter, here);
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { dinerId: 'ghost' } } });
  });

  it('must be a seat of the table: up to the guests or the highest seat a diner took', () => {
    expect(checkLineTargets(session, [{ seat: 2 }], waiter, undefined).ok).toBe(true);
    expect(checkLineTargets(session, [{ seat: 3 }], waiter, undefined)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', details: { seat: 3, seats: 2 } },
    });
    expect(checkLineTargets({ ...session, guests: 2, maxSeat: 5 }, [{ seat: 5 }], waiter, undefined).ok).toBe(
      true,
    );
  });

  it("a diner's lines need no look-up (they become the diner's own); staff lines without a diner neither", () => {
    expect(namesOtherDiners([{ dinerId: 'd-bob' }], ana)).toBe(false);
    expect(namesOtherDiners([{ dinerId: null }, {}], waiter)).toBe(false);
    expect(namesOtherDiners([{ dinerId: 'd-bob' }], waiter)).toBe(true);
    expect(checkLineTargets(session, [{ dinerId: 'made-up' }], ana, undefined).ok).toBe(true);
    expect(checkLineTargets(session, [{ seat: 9 }], ana, undefined).ok).toBe(false);
  });
});
