// What the screen shows of commands not yet confirmed by the hub: a ticket bumped offline leaves the
// board at once (the cook is done with it) and a dish bumped offline shows as done, both marked as
// waiting; a refused command brings the ticket back and stays in the pending list with its reason.
import type { PendingCommand } from '../../shared/pending-store.js';

export interface PendingEffects {
  /** Tickets bumped here, waiting for the hub: off the board. */
  hidden: ReadonlySet<string>;
  /** Tickets with any command waiting: marked. */
  busy: ReadonlySet<string>;
  /** Items bumped here, waiting: shown done. */
  items: ReadonlySet<string>;
}

export function pendingEffects(pending: readonly PendingCommand[]): PendingEffects {
  const hidden = new Set<string>();
  const busy = new Set<string>();
  const items = new Set<string>();
  for (const p of pending) {
    if (p.state === 'failed') continue;
    const ticketId = typeof p.payload.ticketId === 'string' ? p.payload.ticketId : null;
    if (!ticketId) continue;
    busy.add(ticketId);
    if (p.type === 'BumpTicket') hidden.add(ticketId);
    if (p.type === 'RecallTicket') hidden.delete(ticketId);
    if (p.type === 'BumpItem' && typeof p.payload.itemId === 'string') items.add(p.payload.itemId);
  }
  return { hidden, busy, items };
}

/**
 * The ticket the cook bumped last while the hub has not confirmed it yet (and not already recalled): R
 * must undo that one, even before the hub knows of the bump. The recall is queued behind the bump, so the
 * hub gets them in that order and the ticket ends where the cook left it.
 */
export function lastPendingBump(pending: readonly PendingCommand[]): string | null {
  const recalled = new Set<string>();
  for (let k = pending.length - 1; k >= 0; k--) {
    const p = pending[k]!;
    if (p.state === 'failed' || typeof p.payload.ticketId !== 'string') continue;
    if (p.type === 'RecallTicket') recalled.add(p.payload.ticketId);
    else if (p.type === 'BumpTicket' && !recalled.has(p.payload.ticketId)) return p.payload.ticketId;
  }
  return null;
}
