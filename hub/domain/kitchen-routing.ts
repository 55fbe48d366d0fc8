// Splitting fired items into kitchen tickets (one per station and course) and settling a round's status.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { ItemStatus } from '../../protocol/domain-values.js';
import { ev } from './decision.js';
import type { DecideContext, ItemView, RoundView } from './views.js';

export interface TicketPlacement {
  roundId: string;
  sessionId: string;
  tableId: string;
  /** The first free daily ticket number; each new ticket takes the next. */
  nextDailyNumber: number;
}

/** One TicketCreated per (station, course) among the items, in a stable order. */
export function ticketsFor(
  items: ReadonlyArray<Pick<ItemView, 'id' | 'station' | 'course'>>,
  placement: TicketPlacement,
  ctx: DecideContext,
): { events: DomainEvent[]; ticketIds: string[]; nextDailyNumber: number } {
  const groups = new Map<string, { station: string; course: ItemView['course']; itemIds: string[] }>();
  for (const item of items) {
    const key = `${item.station}\u0000${item.course}`;
    const group = groups.get(key) ?? { station: item.station, course: item.course, itemIds: [] };
    group.itemIds.push(item.id);
    groups.set(key, group);
  }
  const events: DomainEvent[] = [];
  const ticketIds: string[] = [];
  let daily = placement.nextDailyNumber;
  for (const group of groups.values()) {
    const ticketId = ctx.newId();
    ticketIds.push(ticketId);
    events.push(
      ev('TicketCreated', {
        ticketId,
        roundId: placement.roundId,
        sessionId: placement.sessionId,
        tableId: placement.tableId,
        station: group.station,
        course: group.course,
        dailyNumber: daily++,
        businessDay: ctx.businessDay,
        itemIds: group.itemIds,
      }),
    );
  }
  return { events, ticketIds, nextDailyNumber: daily };
}

/** The round with some items moved to a new status, for computing what follows. */
export function withItemStatus(round: RoundView, itemIds: readonly string[], status: ItemStatus): RoundView {
  const set = new Set(itemIds);
  return { ...round, items: round.items.map((i) => (set.has(i.id) ? { ...i, status } : i)) };
}

/**
 * After item changes: a round whose live items are all ready becomes READY (or SERVED when all were
 * served); a READY round with something cooking again goes back to IN_KITCHEN.
 */
export function settleRound(round: RoundView): DomainEvent[] {
  const live = round.items.filter((i) => i.status !== 'VOIDED');
  // Every line voided: nothing is left to cook or serve, so the round is over.
  if (live.length === 0) {
    return round.status === 'SUBMITTED' || round.status === 'IN_KITCHEN'
      ? [ev('RoundCanceled', { roundId: round.id, reason: 'every item was voided' })]
      : [];
  }
  const allServed = live.every((i) => i.status === 'SERVED');
  const allDone = live.every((i) => i.status === 'READY' || i.status === 'SERVED');
  if ((round.status === 'IN_KITCHEN' || round.status === 'READY') && allServed) {
    return [ev('RoundServed', { roundId: round.id })];
  }
  if (round.status === 'IN_KITCHEN' && allDone) return [ev('RoundReady', { roundId: round.id })];
  if (round.status === 'READY' && !allDone) return [ev('RoundReopened', { roundId: round.id })];
  return [];
}
