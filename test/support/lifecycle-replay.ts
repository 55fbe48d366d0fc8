// Replays the event log against the lifecycle tables: every status change an event makes must be a
// filled cell, and the statuses the replay ends with are what the read tables must hold.
import type {
  ItemStatus,
  RoundStatus,
  ServiceCallStatus,
  SessionStatus,
  TicketStatus,
} from '../../protocol/domain-values.js';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { itemLifecycle, type ItemTransition } from '../../hub/domain/lifecycle/item-lifecycle.js';
import { allows, type TransitionTable } from '../../hub/domain/lifecycle/lifecycle.js';
import { roundLifecycle, type RoundTransition } from '../../hub/domain/lifecycle/round-lifecycle.js';
import {
  serviceCallLifecycle,
  type ServiceCallTransition,
} from '../../hub/domain/lifecycle/service-call-lifecycle.js';
import { sessionLifecycle, type SessionTransition } from '../../hub/domain/lifecycle/session-lifecycle.js';
import { ticketLifecycle, type TicketTransition } from '../../hub/domain/lifecycle/ticket-lifecycle.js';

export interface ReplayedStatuses {
  sessions: Map<string, SessionStatus>;
  rounds: Map<string, RoundStatus>;
  items: Map<string, ItemStatus>;
  tickets: Map<string, TicketStatus>;
  calls: Map<string, ServiceCallStatus>;
  violations: string[];
}

/** The event that moves a session through one transition of its own table. */
const SESSION_STEP: Partial<Record<string, SessionTransition>> = {
  DinerJoined: 'join',
  GuestsUpdated: 'edit',
  SessionTransferred: 'transfer',
  SessionMerged: 'merge',
  CheckRequested: 'requestCheck',
  SessionClosed: 'close',
  SessionVoided: 'void',
  DiscountApplied: 'edit',
  DiscountRemoved: 'edit',
  CheckSplit: 'edit',
  PaymentRecorded: 'pay',
};

const ROUND_STEP: Partial<Record<string, RoundTransition>> = {
  RoundSubmitted: 'submit',
  RoundSentToKitchen: 'send',
  RoundReady: 'allReady',
  RoundReopened: 'reopen',
  RoundServed: 'serve',
  RoundCanceled: 'cancel',
};

const ITEMS_STEP: Partial<Record<string, ItemTransition>> = {
  ItemsFired: 'fire',
  ItemsReady: 'ready',
  ItemsUnready: 'unready',
  ItemsServed: 'serve',
};

const TICKET_STEP: Partial<Record<string, TicketTransition>> = {
  TicketStarted: 'start',
  TicketItemBumped: 'bumpItem',
  TicketBumped: 'bump',
  TicketRecalled: 'recall',
  TicketVoided: 'void',
};

const CALL_STEP: Partial<Record<string, ServiceCallTransition>> = {
  ServiceCallAcknowledged: 'acknowledge',
  ServiceCallResolved: 'resolve',
  ServiceCallEscalated: 'escalate',
};

type Data = Record<string, unknown>;

export function replayLifecycles(events: Iterable<EventEnvelope>): ReplayedStatuses {
  const out: ReplayedStatuses = {
    sessions: new Map(),
    rounds: new Map(),
    items: new Map(),
    tickets: new Map(),
    calls: new Map(),
    violations: [],
  };
  const roundSession = new Map<string, string>();
  const itemRound = new Map<string, string>();

  function step<S extends string, T extends string>(
    what: string,
    table: TransitionTable<S, T>,
    states: Map<string, S>,
    id: string,
    via: T,
    e: EventEnvelope,
  ): void {
    const from = states.get(id);
    if (from === undefined) {
      out.violations.push(`seq ${e.seq} ${e.type}: ${what} ${id} does not exist`);
      return;
    }
    const to = table[from][via];
    if (to === null) {
      out.violations.push(`seq ${e.seq} ${e.type}: ${what} ${id} cannot ${via} from ${from}`);
      return;
    }
    states.set(id, to);
  }

  /** An event that needs the session in a state whose table allows `via`, without moving it. */
  function requireSession(sessionId: string | undefined, via: SessionTransition, e: EventEnvelope): void {
    const status = sessionId === undefined ? undefined : out.sessions.get(sessionId);
    if (status === undefined)
      out.violations.push(`seq ${e.seq} ${e.type}: session ${sessionId} does not exist`);
    else if (!allows(sessionLifecycle, status, via)) {
      out.violations.push(
        `seq ${e.seq} ${e.type}: session ${sessionId} is ${status}, which does not allow ${via}`,
      );
    }
  }

  function requirePendingRound(roundId: string, e: EventEnvelope): void {
    const status = out.rounds.get(roundId);
    if (status !== 'PENDING')
      out.violations.push(`seq ${e.seq} ${e.type}: round ${roundId} is ${status}, not PENDING`);
  }

  for (const e of events) {
    const d = e.data as Data;
    switch (e.type) {
      case 'SessionOpened':
        out.sessions.set(d.sessionId as string, 'OPEN');
        continue;
      case 'SessionMerged':
        requireSession(d.intoSessionId as string, 'absorb', e);
        break;
      case 'RoundCreated':
        requireSession(d.sessionId as string, 'order', e);
        out.rounds.set(d.roundId as string, 'PENDING');
        roundSession.set(d.roundId as string, d.sessionId as string);
        continue;
      case 'RoundPlaced': {
        // Created, filled and submitted in one fact; sent on at once unless a waiter must confirm.
        const roundId = d.roundId as string;
        requireSession(d.sessionId as string, 'order', e);
        out.rounds.set(roundId, 'PENDING');
        roundSession.set(roundId, d.sessionId as string);
        for (const item of d.items as Data[]) {
          out.items.set(item.itemId as string, 'PENDING');
          itemRound.set(item.itemId as string, roundId);
        }
        step('round', roundLifecycle, out.rounds, roundId, 'submit', e);
        if (!d.needsConfirmation) {
          step('round', roundLifecycle, out.rounds, roundId, 'send', e);
          for (const id of d.firedItemIds as string[]) step('item', itemLifecycle, out.items, id, 'fire', e);
          for (const id of d.heldItemIds as string[]) step('item', itemLifecycle, out.items, id, 'hold', e);
        }
        continue;
      }
      case 'ItemAdded': {
        const roundId = d.roundId as string;
        requirePendingRound(roundId, e);
        requireSession(roundSession.get(roundId), 'order', e);
        const itemId = (d.item as Data).itemId as string;
        out.items.set(itemId, 'PENDING');
        itemRound.set(itemId, roundId);
        continue;
      }
      case 'ItemUpdated':
        requirePendingRound(d.roundId as string, e);
        if (out.items.get(d.itemId as string) !== 'PENDING') {
          out.violations.push(`seq ${e.seq} ItemUpdated: item ${String(d.itemId)} is not PENDING`);
        }
        continue;
      case 'ItemRemoved':
        requirePendingRound(d.roundId as string, e);
        out.items.delete(d.itemId as string);
        continue;
      case 'RoundSubmitted':
        requireSession(roundSession.get(d.roundId as string), 'order', e);
        break;
      case 'RoundSentToKitchen':
        for (const id of d.firedItemIds as string[]) step('item', itemLifecycle, out.items, id, 'fire', e);
        for (const id of d.heldItemIds as string[]) step('item', itemLifecycle, out.items, id, 'hold', e);
        break;
      case 'ItemVoided':
        step('item', itemLifecycle, out.items, d.itemId as string, 'void', e);
        continue;
      case 'RoundCanceled':
        // Canceling voids every line still live; lines voided before stay as they were.
        for (const [itemId, roundId] of itemRound) {
          if (roundId === d.roundId && out.items.has(itemId) && out.items.get(itemId) !== 'VOIDED') {
            step('item', itemLifecycle, out.items, itemId, 'void', e);
          }
        }
        break;
      case 'RoundMoved':
        roundSession.set(d.roundId as string, d.toSessionId as string);
        continue;
      case 'TicketCreated':
        out.tickets.set(d.ticketId as string, 'NEW');
        continue;
      case 'ServiceCallCreated':
        requireSession(d.sessionId as string, 'call', e);
        out.calls.set(d.callId as string, 'OPEN');
        continue;
    }
    const sessionVia = SESSION_STEP[e.type];
    if (sessionVia) step('session', sessionLifecycle, out.sessions, d.sessionId as string, sessionVia, e);
    const roundVia = ROUND_STEP[e.type];
    if (roundVia) step('round', roundLifecycle, out.rounds, d.roundId as string, roundVia, e);
    const itemsVia = ITEMS_STEP[e.type];
    if (itemsVia)
      for (const id of d.itemIds as string[]) step('item', itemLifecycle, out.items, id, itemsVia, e);
    const ticketVia = TICKET_STEP[e.type];
    if (ticketVia) step('ticket', ticketLifecycle, out.tickets, d.ticketId as string, ticketVia, e);
    const callVia = CALL_STEP[e.type];
    if (callVia) step('service call', serviceCallLifecycle, out.calls, d.callId as string, callVia, e);
  }
  return out;
}
