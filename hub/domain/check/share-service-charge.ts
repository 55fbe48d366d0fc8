// Turns item-based share drafts into shares: the service charge follows the food, so each share pays
// it in proportion to what it ordered.
import { cents } from '../../../protocol/money.js';
import { allocateProportionally } from './allocate.js';
import type { Share, ShareItem } from './check-types.js';

export interface ShareDraft {
  key: string;
  label: string;
  items: ShareItem[];
}

/** Adds each draft's part of the service charge (largest remainder over item amounts) to its items. */
export function withServiceCharge(drafts: readonly ShareDraft[], serviceChargeCents: number): Share[] {
  const itemTotals = drafts.map((d) => d.items.reduce((a, item) => a + item.amountCents, 0));
  const service = allocateProportionally(serviceChargeCents, itemTotals);
  return drafts.map((d, i) => ({
    key: d.key,
    label: d.label,
    amountCents: cents((itemTotals[i] ?? 0) + (service[i] ?? 0)),
    items: d.items,
  }));
}
