// The part of a command payload the random sequences have to work out rather than copy from the op: an
// order line from its abstract spec. What a session owes comes from session-money.ts.
import { DONENESS, PRODUCTS } from './command-sequence-fixture.js';
import type { ItemSpec } from './command-sequence-ops.js';

export function itemInput(spec: ItemSpec): Record<string, unknown> {
  const productId = PRODUCTS[spec.product % PRODUCTS.length]!;
  // One in ten steaks comes without its required doneness: INVALID.
  const modifiers =
    productId === 'prod-entrecot' && spec.choice % 10 !== 0
      ? [{ groupId: 'doneness', optionId: DONENESS[spec.choice % DONENESS.length] }]
      : [];
  return {
    productId,
    qty: spec.qty,
    seat: spec.seat,
    modifiers,
    ...(spec.course ? { course: spec.course } : {}),
  };
}
