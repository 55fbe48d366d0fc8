// Decisions on table sessions: open, diners joining, guests, transfer, merge, check request, void.
import type { DomainEvent } from '../../protocol/events/event.js';
import { decided, ev, type Decision } from './decision.js';
import { sessionLifecycle } from './lifecycle/session-lifecycle.js';
import { allows, transition } from './lifecycle/lifecycle.js';
import { roundLifecycle } from './lifecycle/round-lifecycle.js';
import { fail, type Result } from './result.js';
import type { DecideContext, RoundView, SessionView, TableView } from './views.js';

export function decideOpenSession(
  input: { table: TableView | undefined; liveSession: SessionView | undefined },
  payload: { tableId: string; guests: number },
  ctx: DecideContext,
): Result<Decision> {
  if (!input.table || !input.table.active) return fail('NOT_FOUND', `table ${payload.tableId} not found`);
  if (input.liveSession) {
    return fail('CONFLICT', `table ${input.table.label} already has an open session`, {
      sessionId: input.liveSession.id,
    });
  }
  const sessionId = ctx.newId();
  return decided(
    [
      ev('SessionOpened', {
        sessionId,
        tableId: input.table.id,
        guests: payload.guests,
        openedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
      }),
    ],
    { sessionId, tableId: input.table.id },
  );
}

export function decideJoinSession(
  input: { table: TableView | undefined; liveSession: SessionView | undefined },
  payload: { name?: string | undefined; seat?: number | undefined },
  ctx: DecideContext,
): Result<Decision> {
  if (!input.table || !input.table.active) return fail('NOT_FOUND', 'no table has this code');
  const session = input.liveSession;
  if (!session) return fail('CONFLICT', `table ${input.table.label} is not open yet: ask your waiter`);
  const can = transition('session', sessionLifecycle, session.status, 'join');
  if (!can.ok) return can;
  const dinerId = ctx.newId();
  const seat = payload.seat ?? session.maxSeat + 1;
  return decided([ev('DinerJoined', { sessionId: session.id, dinerId, name: payload.name ?? null, seat })], {
    sessionId: session.id,
    dinerId,
    seat,
    tableId: input.table.id,
  });
}

export function decideUpdateGuests(input: { session: SessionView }, guests: number): Result<Decision> {
  const can = transition('session', sessionLifecycle, input.session.status, 'edit');
  if (!can.ok) return can;
  return decided([ev('GuestsUpdated', { sessionId: input.session.id, guests })]);
}

export function decideTransferSession(input: {
  session: SessionView;
  toTable: TableView | undefined;
  toTableSession: SessionView | undefined;
}): Result<Decision> {
  const { session, toTable } = input;
  const can = transition('session', sessionLifecycle, session.status, 'transfer');
  if (!can.ok) return can;
  if (!toTable || !toTable.active) return fail('NOT_FOUND', 'the target table was not found');
  if (toTable.id === session.tableId) return fail('CONFLICT', 'the session is already at that table');
  if (input.toTableSession) {
    return fail('CONFLICT', `table ${toTable.label} is taken: merge the sessions instead`, {
      sessionId: input.toTableSession.id,
    });
  }
  return decided(
    [
      ev('SessionTransferred', {
        sessionId: session.id,
        fromTableId: session.tableId,
        toTableId: toTable.id,
      }),
    ],
    {
      sessionId: session.id,
      tableId: toTable.id,
    },
  );
}

export function decideMergeSessions(input: {
  from: SessionView;
  into: SessionView;
  fromRounds: readonly RoundView[];
  fromPaymentsCount: number;
}): Result<Decision> {
  const { from, into } = input;
  if (from.id === into.id) return fail('INVALID', 'cannot merge a session into itself');
  const leaving = transition('session', sessionLifecycle, from.status, 'merge');
  if (!leaving.ok) return leaving;
  const absorbing = transition('session', sessionLifecycle, into.status, 'absorb');
  if (!absorbing.ok) return absorbing;
  if (input.fromPaymentsCount > 0) return fail('CONFLICT', 'the session being merged already has payments');
  const events: DomainEvent[] = input.fromRounds.map((r) =>
    ev('RoundMoved', { roundId: r.id, fromSessionId: from.id, toSessionId: into.id }),
  );
  events.push(ev('SessionMerged', { sessionId: from.id, intoSessionId: into.id }));
  return decided(events, { sessionId: into.id, movedRounds: input.fromRounds.length });
}

export function decideRequestCheck(input: { session: SessionView }): Result<Decision> {
  const can = transition('session', sessionLifecycle, input.session.status, 'requestCheck');
  if (!can.ok) return can;
  return decided([ev('CheckRequested', { sessionId: input.session.id })]);
}

export function decideVoidSession(
  input: {
    session: SessionView;
    rounds: readonly RoundView[];
    tickets: ReadonlyArray<{ id: string; status: string }>;
    paymentsCount: number;
  },
  reason: string,
): Result<Decision> {
  const can = transition('session', sessionLifecycle, input.session.status, 'void');
  if (!can.ok) return can;
  const served = input.rounds.some((r) => r.items.some((i) => i.status === 'SERVED'));
  if (served) return fail('CONFLICT', 'something was already served: void the items or take payment');
  if (input.paymentsCount > 0) return fail('CONFLICT', 'the session has payments: refund them first');
  // The kitchen must stop cooking for a table that is gone: its rounds end and its tickets are voided.
  const events: DomainEvent[] = [];
  for (const round of input.rounds) {
    if (allows(roundLifecycle, round.status, 'cancel'))
      events.push(ev('RoundCanceled', { roundId: round.id, reason }));
    else if (round.status === 'READY') {
      for (const item of round.items) {
        if (item.status !== 'VOIDED')
          events.push(ev('ItemVoided', { roundId: round.id, itemId: item.id, reason }));
      }
    }
  }
  for (const t of input.tickets) {
    if (t.status !== 'VOID') events.push(ev('TicketVoided', { ticketId: t.id, reason }));
  }
  events.push(ev('SessionVoided', { sessionId: input.session.id, reason }));
  return decided(events);
}
