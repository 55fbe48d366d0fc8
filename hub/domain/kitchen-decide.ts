// Decisions once a round is in the kitchen: fire held courses, bump and recall tickets, serve, void.
import type { Course } from '../../protocol/domain-values.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import { decided, ev, type Decision } from './decision.js';
import { settleRound, ticketsFor, withItemStatus } from './kitchen-routing.js';
import { itemLifecycle } from './lifecycle/item-lifecycle.js';
import { sessionLifecycle } from './lifecycle/session-lifecycle.js';
import { ticketLifecycle } from './lifecycle/ticket-lifecycle.js';
import { allows, transition } from './lifecycle/lifecycle.js';
import { isLiveSession } from './lifecycle/session-lifecycle.js';
import { fail, type Result } from './result.js';
import type { DecideContext, RoundView, SessionView, TicketView } from './views.js';

export function decideFireCourse(
  input: { session: SessionView; rounds: readonly RoundView[]; nextDailyNumber: number },
  course: Course,
  ctx: DecideContext,
): Result<Decision> {
  if (!isLiveSession(input.session.status)) {
    return fail('CONFLICT', `the session is ${input.session.status}: nothing more goes to the kitchen`);
  }
  const events: DomainEvent[] = [];
  const ticketIds: string[] = [];
  let daily = input.nextDailyNumber;
  for (const round of input.rounds) {
    const held = round.items.filter((i) => i.status === 'HELD' && i.course === course);
    if (held.length === 0) continue;
    const itemIds = held.map((i) => i.id);
    events.push(ev('ItemsFired', { roundId: round.id, itemIds }));
    const tickets = ticketsFor(
      held,
      {
        roundId: round.id,
        sessionId: input.session.id,
        tableId: input.session.tableId,
        nextDailyNumber: daily,
      },
      ctx,
    );
    daily = tickets.nextDailyNumber;
    ticketIds.push(...tickets.ticketIds);
    events.push(...tickets.events, ...settleRound(withItemStatus(round, itemIds, 'FIRED')));
  }
  if (events.length === 0) return fail('CONFLICT', `nothing of course "${course}" is on hold at this table`);
  return decided(events, { ticketIds });
}

export interface TicketInput {
  ticket: TicketView;
  round: RoundView;
}

export function decideStartTicket(input: TicketInput): Result<Decision> {
  const next = transition('ticket', ticketLifecycle, input.ticket.status, 'start');
  if (!next.ok) return next;
  return decided([ev('TicketStarted', { ticketId: input.ticket.id })]);
}

function readyItems(input: TicketInput, itemIds: readonly string[]): DomainEvent[] {
  const toReady = input.round.items.filter(
    (i) => itemIds.includes(i.id) && allows(itemLifecycle, i.status, 'ready'),
  );
  if (toReady.length === 0) return [];
  const ids = toReady.map((i) => i.id);
  return [
    ev('ItemsReady', { roundId: input.round.id, itemIds: ids }),
    ...settleRound(withItemStatus(input.round, ids, 'READY')),
  ];
}

export function decideBumpTicket(input: TicketInput): Result<Decision> {
  const next = transition('ticket', ticketLifecycle, input.ticket.status, 'bump');
  if (!next.ok) return next;
  return decided([
    ev('TicketBumped', { ticketId: input.ticket.id }),
    ...readyItems(input, input.ticket.itemIds),
  ]);
}

export function decideBumpItem(input: TicketInput, itemId: string): Result<Decision> {
  const { ticket } = input;
  if (!ticket.itemIds.includes(itemId))
    return fail('NOT_FOUND', `item ${itemId} is not on ticket ${ticket.id}`);
  if (ticket.bumpedItemIds.includes(itemId)) return fail('CONFLICT', 'this item was already bumped');
  const next = transition('ticket', ticketLifecycle, ticket.status, 'bumpItem');
  if (!next.ok) return next;
  const item = input.round.items.find((i) => i.id === itemId);
  if (item?.status === 'VOIDED') return fail('CONFLICT', 'this item was voided');
  const bumped = new Set([...ticket.bumpedItemIds, itemId]);
  const liveIds = ticket.itemIds.filter(
    (id) => input.round.items.find((i) => i.id === id)?.status !== 'VOIDED',
  );
  const whole = liveIds.every((id) => bumped.has(id));
  const events: DomainEvent[] = [ev('TicketItemBumped', { ticketId: ticket.id, itemId })];
  if (whole) events.push(ev('TicketBumped', { ticketId: ticket.id }));
  events.push(...readyItems(input, [itemId]));
  return decided(events, { ticketReady: whole });
}

export function decideRecallTicket(input: TicketInput): Result<Decision> {
  const next = transition('ticket', ticketLifecycle, input.ticket.status, 'recall');
  if (!next.ok) return next;
  const back = input.round.items.filter(
    (i) => input.ticket.itemIds.includes(i.id) && allows(itemLifecycle, i.status, 'unready'),
  );
  const events: DomainEvent[] = [ev('TicketRecalled', { ticketId: input.ticket.id })];
  if (back.length > 0) {
    const ids = back.map((i) => i.id);
    events.push(
      ev('ItemsUnready', { roundId: input.round.id, itemIds: ids }),
      ...settleRound(withItemStatus(input.round, ids, 'FIRED')),
    );
  }
  return decided(events);
}

export function decideMarkServed(
  input: { round: RoundView },
  itemIds: readonly string[] | undefined,
): Result<Decision> {
  const { round } = input;
  if (round.status !== 'IN_KITCHEN' && round.status !== 'READY') {
    return fail('CONFLICT', `cannot serve a round that is ${round.status}`);
  }
  const wanted = itemIds ?? round.items.filter((i) => i.status === 'READY').map((i) => i.id);
  if (wanted.length === 0) return fail('CONFLICT', 'nothing in this round is ready to serve');
  for (const id of wanted) {
    const item = round.items.find((i) => i.id === id);
    if (!item) return fail('NOT_FOUND', `item ${id} is not in round ${round.number}`);
    const ok = transition('item', itemLifecycle, item.status, 'serve');
    if (!ok.ok) return ok;
  }
  return decided([
    ev('ItemsServed', { roundId: round.id, itemIds: [...wanted] }),
    ...settleRound(withItemStatus(round, wanted, 'SERVED')),
  ]);
}

export function decideVoidItem(
  input: { round: RoundView; session: SessionView; tickets: readonly TicketView[] },
  itemId: string,
  reason: string,
): Result<Decision> {
  const { round } = input;
  const item = round.items.find((i) => i.id === itemId);
  if (!item) return fail('NOT_FOUND', `item ${itemId} not found`);
  // A void lowers the total: once a payment froze the check it would leave the table paid beyond it.
  const editable = transition('session', sessionLifecycle, input.session.status, 'edit');
  if (!editable.ok) return editable;
  if (round.status === 'PENDING')
    return fail('CONFLICT', 'the round is not submitted yet: remove the item instead');
  const next = transition('item', itemLifecycle, item.status, 'void');
  if (!next.ok) return next;
  const events: DomainEvent[] = [ev('ItemVoided', { roundId: round.id, itemId, reason })];
  const after = withItemStatus(round, [itemId], 'VOIDED');
  const ticket = input.tickets.find((t) => t.id === item.ticketId);
  if (ticket && ticket.status !== 'VOID') {
    const stillLive = ticket.itemIds.some((id) => after.items.find((i) => i.id === id)?.status !== 'VOIDED');
    if (!stillLive) events.push(ev('TicketVoided', { ticketId: ticket.id, reason }));
  }
  events.push(...settleRound(after));
  return decided(events, { ticketId: item.ticketId });
}
