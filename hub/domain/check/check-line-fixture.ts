// Test fixture: a served €10.00 line at 21 %, with whatever a test overrides.
import type { CheckLine } from './check-types.js';

export const line = (itemId: string, over: Partial<CheckLine> = {}): CheckLine => ({
  itemId,
  productId: `p-${itemId}`,
  name: itemId,
  qty: 1,
  unitPriceCents: 1_000,
  modifiersCents: 0,
  taxRateBp: 2_100,
  dinerId: null,
  seat: null,
  status: 'SERVED',
  ...over,
});
