// Rounds this device sent that the hub has not confirmed yet, read straight from the command queue: the
// optimistic lines shown (marked "pending") on the table until the hub's own round replaces them.
import type { PendingCommand } from '../../shared/pending-store.js';
import { localized, type Lang } from '../../shared/i18n.js';
import { addLine, type Cart } from './cart.js';
import type { Course, MenuView, ProductView } from './hub-types.js';

export interface PendingRoundLine {
  productId: string;
  qty: number;
  notes: string;
  seat: number | null;
  course: Course | undefined;
  modifiers: Array<{ groupId: string; optionId: string }>;
}

export interface PendingRound {
  commandId: string;
  state: PendingCommand['state'];
  /** Tries that found no hub so far. */
  attempts: number;
  error?: { code: string; message: string };
  lines: PendingRoundLine[];
}

interface PlaceRoundPayload {
  sessionId?: string;
  items?: PendingRoundLine[];
}

export function pendingRoundsOf(pending: readonly PendingCommand[], sessionId: string): PendingRound[] {
  return pending
    .filter((p) => p.type === 'PlaceRound' && (p.payload as PlaceRoundPayload).sessionId === sessionId)
    .map((p) => ({
      commandId: p.commandId,
      state: p.state,
      attempts: p.attempts,
      ...(p.error ? { error: p.error } : {}),
      lines: (p.payload as PlaceRoundPayload).items ?? [],
    }));
}

/** Tables being opened from this device (OpenSession still queued), by table id. */
export function pendingOpensOf(pending: readonly PendingCommand[]): Set<string> {
  return new Set(
    pending
      .filter((p) => p.type === 'OpenSession' && p.state !== 'failed')
      .map((p) => String((p.payload as { tableId?: string }).tableId)),
  );
}

/**
 * Puts a refused round's lines back into the table's order (a dish ran out while the round waited in
 * the queue, say), priced and named from the menu as the dish dialog would, so the waiter fixes only
 * what was wrong. A dish no longer on the menu cannot be priced and stays out: it is returned apart.
 */
export function returnToCart(
  cart: Cart,
  lines: readonly PendingRoundLine[],
  menu: MenuView,
  lang: Lang,
  newKey: () => string,
): { cart: Cart; missing: string[] } {
  const products = new Map<string, ProductView>();
  for (const c of menu.categories) for (const p of c.products) products.set(p.id, p);
  const missing: string[] = [];
  let next = cart;
  for (const l of lines) {
    const product = products.get(l.productId);
    if (!product) {
      missing.push(l.productId);
      continue;
    }
    const modifiers = l.modifiers.flatMap((m) => {
      const option = product.modifierGroups
        .find((g) => g.id === m.groupId)
        ?.options.find((o) => o.id === m.optionId);
      return option
        ? [{ ...m, name: localized(option.name, lang), priceDeltaCents: option.priceDeltaCents }]
        : [];
    });
    next = addLine(
      next,
      {
        productId: product.id,
        name: product.name,
        unitPriceCents: product.priceCents,
        qty: l.qty,
        modifiers,
        notes: l.notes,
        seat: l.seat,
        course: l.course ?? product.course,
      },
      newKey(),
    );
  }
  return { cart: next, missing };
}
