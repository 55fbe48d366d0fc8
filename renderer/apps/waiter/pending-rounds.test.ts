import { describe, expect, it } from 'vitest';
import type { PendingCommand } from '../../shared/pending-store.js';
import { EMPTY_CART, addLine } from './cart.js';
import type { MenuView } from './hub-types.js';
import { pendingOpensOf, pendingRoundsOf, returnToCart } from './pending-rounds.js';
import { product } from './test-menu.js';

const row = (over: Partial<PendingCommand>): PendingCommand => ({
  commandId: 'c',
  type: 'PlaceRound',
  payload: {},
  label: '',
  createdAt: 1,
  state: 'queued',
  attempts: 0,
  ...over,
});

describe('optimistic rounds from the offline queue', () => {
  it("shows this table's queued rounds with their lines and state, not other tables'", () => {
    const item = { productId: 'prod-flan', qty: 2, notes: '', seat: null, course: 'dessert', modifiers: [] };
    const pending = [
      row({ commandId: 'a', payload: { sessionId: 's-1', items: [item] } }),
      row({ commandId: 'b', payload: { sessionId: 's-2', items: [item] } }),
      row({
        commandId: 'c',
        state: 'failed',
        error: { code: 'CONFLICT', message: 'sold out' },
        payload: { sessionId: 's-1', items: [] },
      }),
      row({ commandId: 'd', type: 'FireCourse', payload: { sessionId: 's-1', course: 'main' } }),
    ];
    const rounds = pendingRoundsOf(pending, 's-1');
    expect(rounds.map((r) => r.commandId)).toEqual(['a', 'c']);
    expect(rounds[0]!.lines).toEqual([item]);
    expect(rounds[1]!.error?.message).toBe('sold out');
  });

  it('marks tables being opened offline, but not ones the hub refused', () => {
    const opens = pendingOpensOf([
      row({ type: 'OpenSession', payload: { tableId: 'table-5', guests: 2 } }),
      row({ type: 'OpenSession', state: 'failed', payload: { tableId: 'table-6', guests: 2 } }),
    ]);
    expect([...opens]).toEqual(['table-5']);
  });
});

const menu: MenuView = {
  catalogVersion: 1,
  currency: 'EUR',
  stations: [],
  categories: [
    {
      id: 'cat',
      name: { es: 'Platos', en: 'Dishes' },
      products: [
        product({
          id: 'prod-entrecot',
          es: 'Entrecot',
          name: { es: 'Entrecot', en: 'Rib-eye' },
          priceCents: 2200,
          modifierGroups: [
            {
              id: 'doneness',
              name: { es: 'Punto', en: 'Doneness' },
              min: 1,
              max: 1,
              options: [{ id: 'rare', name: { es: 'Poco hecho', en: 'Rare' }, priceDeltaCents: 0 }],
            },
            {
              id: 'extras',
              name: { es: 'Extras', en: 'Extras' },
              min: 0,
              max: 2,
              options: [{ id: 'egg', name: { es: 'Huevo', en: 'Egg' }, priceDeltaCents: 150 }],
            },
          ],
        }),
        product({ id: 'prod-flan', es: 'Flan', priceCents: 550, course: 'dessert' }),
      ],
    },
  ],
} as MenuView;

describe('a refused round back into the order', () => {
  let k = 0;
  const key = () => `k${++k}`;

  it('prices and names its lines from the menu and merges with what is already in the order', () => {
    const start = addLine(
      EMPTY_CART,
      {
        productId: 'prod-flan',
        name: { es: 'Flan', en: 'Flan' },
        unitPriceCents: 550,
        qty: 1,
        modifiers: [],
        notes: '',
        seat: null,
        course: 'dessert',
      },
      'first',
    );
    const { cart, missing } = returnToCart(
      start,
      [
        {
          productId: 'prod-entrecot',
          qty: 1,
          notes: 'alergia al huevo',
          seat: 2,
          course: undefined,
          modifiers: [
            { groupId: 'doneness', optionId: 'rare' },
            { groupId: 'extras', optionId: 'egg' },
          ],
        },
        { productId: 'prod-flan', qty: 2, notes: '', seat: null, course: 'dessert', modifiers: [] },
      ],
      menu,
      'en',
      key,
    );
    expect(missing).toEqual([]);
    expect(cart.lines).toHaveLength(2);
    expect(cart.lines[0]).toMatchObject({ key: 'first', productId: 'prod-flan', qty: 3 });
    expect(cart.lines[1]).toMatchObject({
      productId: 'prod-entrecot',
      unitPriceCents: 2200,
      notes: 'alergia al huevo',
      seat: 2,
      course: 'main',
      modifiers: [
        { groupId: 'doneness', optionId: 'rare', name: 'Rare', priceDeltaCents: 0 },
        { groupId: 'extras', optionId: 'egg', name: 'Egg', priceDeltaCents: 150 },
      ],
    });
  });

  it('leaves out, and names, a dish that is no longer on the menu', () => {
    const { cart, missing } = returnToCart(
      EMPTY_CART,
      [{ productId: 'prod-gone', qty: 1, notes: '', seat: null, course: 'main', modifiers: [] }],
      menu,
      'es',
      key,
    );
    expect(cart.lines).toEqual([]);
    expect(missing).toEqual(['prod-gone']);
  });
});
