import { describe, expect, it } from 'vitest';
import {
  addLine,
  cartCourses,
  cartTotal,
  changeQty,
  EMPTY_CART,
  placeRoundItems,
  toggleHold,
  type CartLine,
} from './cart.js';

const entrecot: Omit<CartLine, 'key'> = {
  productId: 'prod-entrecot',
  name: { es: 'Entrecot a la brasa', en: 'Grilled sirloin' },
  unitPriceCents: 2400,
  qty: 1,
  modifiers: [{ groupId: 'doneness', optionId: 'rare', name: 'Poco hecho', priceDeltaCents: 0 }],
  notes: 'sin gluten',
  seat: 1,
  course: 'main',
};
const burger: Omit<CartLine, 'key'> = {
  productId: 'prod-burger',
  name: { es: 'Hamburguesa', en: 'Burger' },
  unitPriceCents: 1450,
  qty: 2,
  modifiers: [{ groupId: 'extras', optionId: 'bacon', name: 'Beicon', priceDeltaCents: 150 }],
  notes: '',
  seat: null,
  course: 'main',
};

describe('the round being built for a table', () => {
  it('the same dish with the same choices adds up on one line; another doneness is another line', () => {
    let cart = addLine(EMPTY_CART, entrecot, 'a');
    cart = addLine(cart, entrecot, 'b');
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.qty).toBe(2);
    cart = addLine(cart, { ...entrecot, modifiers: [{ ...entrecot.modifiers[0]!, optionId: 'well' }] }, 'c');
    expect(cart.lines).toHaveLength(2);
  });

  it('totals include paid extras, in integer cents', () => {
    const cart = addLine(addLine(EMPTY_CART, entrecot, 'a'), burger, 'b');
    expect(cartTotal(cart)).toBe(2400 + 2 * (1450 + 150));
  });

  it('a line taken down to zero leaves the cart', () => {
    const cart = changeQty(addLine(EMPTY_CART, entrecot, 'a'), 'a', -1);
    expect(cart.lines).toEqual([]);
  });

  it('becomes a PlaceRound payload with modifier ids only, and holds only courses it has', () => {
    let cart = addLine(EMPTY_CART, { ...entrecot, course: 'starter' }, 'a');
    cart = addLine(cart, burger, 'b');
    cart = toggleHold(cart, 'main');
    expect(cartCourses(cart)).toEqual(['starter', 'main']);
    expect(cart.holdCourses).toEqual(['main']);
    expect(placeRoundItems(cart)[0]).toEqual({
      productId: 'prod-entrecot',
      qty: 1,
      modifiers: [{ groupId: 'doneness', optionId: 'rare' }],
      notes: 'sin gluten',
      seat: 1,
      course: 'starter',
    });
    expect(toggleHold(cart, 'main').holdCourses).toEqual([]);
  });
});
