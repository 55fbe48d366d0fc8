// The round a waiter is building for one table, kept on this device until it is sent. It goes to the hub
// as one PlaceRound (created, filled and submitted at once), which can wait in the offline queue as a
// single command; lines another waiter sends meanwhile become their own round, so nobody's items are lost.
import type { Course } from './hub-types.js';

export interface CartModifier {
  groupId: string;
  optionId: string;
  name: string;
  priceDeltaCents: number;
}

export interface CartLine {
  key: string;
  productId: string;
  name: { es: string; en: string };
  unitPriceCents: number;
  qty: number;
  modifiers: CartModifier[];
  notes: string;
  seat: number | null;
  course: Course;
}

export interface Cart {
  lines: CartLine[];
  holdCourses: Course[];
}

export const EMPTY_CART: Cart = { lines: [], holdCourses: [] };

/** Same dish, same choices, same seat and course: one line with a higher quantity. */
function sameDish(a: CartLine, b: Omit<CartLine, 'key'>): boolean {
  return (
    a.productId === b.productId &&
    a.notes === b.notes &&
    a.seat === b.seat &&
    a.course === b.course &&
    a.modifiers.map((m) => m.optionId).join() === b.modifiers.map((m) => m.optionId).join()
  );
}

export function addLine(cart: Cart, line: Omit<CartLine, 'key'>, key: string): Cart {
  const same = cart.lines.find((l) => sameDish(l, line));
  if (same) {
    return {
      ...cart,
      lines: cart.lines.map((l) => (l === same ? { ...l, qty: Math.min(99, l.qty + line.qty) } : l)),
    };
  }
  return { ...cart, lines: [...cart.lines, { ...line, key }] };
}

export function changeQty(cart: Cart, key: string, delta: number): Cart {
  return {
    ...cart,
    lines: cart.lines
      .map((l) => (l.key === key ? { ...l, qty: Math.min(99, l.qty + delta) } : l))
      .filter((l) => l.qty > 0),
  };
}

export function toggleHold(cart: Cart, course: Course): Cart {
  const held = cart.holdCourses.includes(course);
  return {
    ...cart,
    holdCourses: held ? cart.holdCourses.filter((c) => c !== course) : [...cart.holdCourses, course],
  };
}

export function lineTotal(line: CartLine): number {
  return (line.unitPriceCents + line.modifiers.reduce((s, m) => s + m.priceDeltaCents, 0)) * line.qty;
}

export function cartTotal(cart: Cart): number {
  return cart.lines.reduce((s, l) => s + lineTotal(l), 0);
}

/** Courses present in the cart, in service order: the ones that can be held back. */
export function cartCourses(cart: Cart): Course[] {
  const order: Course[] = ['drink', 'starter', 'main', 'dessert'];
  return order.filter((c) => cart.lines.some((l) => l.course === c));
}

/** The PlaceRound payload (without sessionId): what the hub needs, not the names it already knows. */
export function placeRoundItems(cart: Cart) {
  return cart.lines.map((l) => ({
    productId: l.productId,
    qty: l.qty,
    modifiers: l.modifiers.map((m) => ({ groupId: m.groupId, optionId: m.optionId })),
    notes: l.notes,
    seat: l.seat,
    course: l.course,
  }));
}
