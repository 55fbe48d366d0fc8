// The order tickets are shown in: oldest first (the next to send is top-left), then by daily number.
import { isOpen, type BoardTicket } from './board-types.js';

export function openTicketsInOrder(
  tickets: Readonly<Record<string, BoardTicket>>,
  hidden: ReadonlySet<string>,
): BoardTicket[] {
  return Object.values(tickets)
    .filter((t) => isOpen(t) && !hidden.has(t.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.dailyNumber - b.dailyNumber);
}

/** The ticket R recalls: the last one bumped while we watched, else the most recently ready one. */
export function recallCandidate(
  tickets: Readonly<Record<string, BoardTicket>>,
  bumped: readonly string[],
): BoardTicket | null {
  for (let k = bumped.length - 1; k >= 0; k--) {
    const t = tickets[bumped[k]!];
    if (t?.status === 'READY') return t;
  }
  let best: BoardTicket | null = null;
  for (const t of Object.values(tickets)) {
    if (t.status === 'READY' && t.readyAt && (!best || t.readyAt > (best.readyAt ?? ''))) best = t;
  }
  return best;
}
