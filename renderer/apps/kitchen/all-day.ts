// All-day counts: how many of each dish the station still has to make right now (open tickets, items
// not bumped or voided), and how many more are held for a later course.
import type { BoardTicket, KitchenHeldGroup } from './board-types.js';
import { isOpen } from './board-types.js';

export interface AllDayLine {
  /** The Spanish name is the key: the ticket view has no product id, and names are unique per menu. */
  key: string;
  name: { es: string; en: string };
  open: number;
  held: number;
}

export function allDayCounts(
  tickets: Iterable<BoardTicket>,
  held: readonly KitchenHeldGroup[],
  hidden: ReadonlySet<string> = new Set(),
): AllDayLine[] {
  const lines = new Map<string, AllDayLine>();
  const line = (name: { es: string; en: string }) => {
    let l = lines.get(name.es);
    if (!l) {
      l = { key: name.es, name, open: 0, held: 0 };
      lines.set(name.es, l);
    }
    return l;
  };
  for (const t of tickets) {
    if (!isOpen(t) || hidden.has(t.id)) continue;
    for (const item of t.items) {
      if (item.status === 'VOIDED' || item.status === 'READY' || t.bumpedItemIds.includes(item.id)) continue;
      line(item.name).open += item.qty;
    }
  }
  for (const g of held) for (const item of g.items) line(item.name).held += item.qty;
  return [...lines.values()].sort((a, b) => b.open - a.open || b.held - a.held || a.key.localeCompare(b.key));
}
