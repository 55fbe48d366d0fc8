// Events → tickets. The kitchen topics carry ticket events (created, started, item bumped, bumped,
// recalled, voided) and voided items; everything else is ignored. Pure: the controller feeds it the
// live stream in seq order and board snapshots read over HTTP.
import type { BoardState, BoardTicket, KitchenBoardView, TicketView } from './board-types.js';

/** The envelope fields the reducer reads (a structural subset of protocol's EventEnvelope). */
export interface KitchenEvent {
  seq: number;
  type: string;
  data: unknown;
  occurredAt: string;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function patch(state: BoardState, id: string, change: (t: BoardTicket) => BoardTicket): BoardState {
  const current = state.tickets[id];
  if (!current) return state;
  return { ...state, tickets: { ...state.tickets, [id]: change(current) } };
}

function withoutBumped(bumped: readonly string[], id: string): string[] {
  return bumped.filter((b) => b !== id);
}

/** Applies one live event; returns the same object when nothing on this board changed. */
export function applyEvent(state: BoardState, event: KitchenEvent): BoardState {
  if (event.seq <= state.lastSeq) return state; // already in the snapshot or already applied
  const next = applyData(state, event.type, event.data as Data, event.occurredAt);
  return { ...next, lastSeq: event.seq };
}

/**
 * What this screen's own command did, applied as soon as the hub said yes: the HTTP answer can beat
 * the event on the socket, and the bumped ticket must not flash back meanwhile. The event, when it
 * comes, finds the ticket already so and changes nothing; lastSeq is left to the feed.
 */
export function applyConfirmed(state: BoardState, type: string, data: Record<string, unknown>): BoardState {
  return applyData(state, type, data, new Date().toISOString());
}

function applyData(state: BoardState, type: string, d: Data, at: string): BoardState {
  const id = str(d.ticketId);
  switch (type) {
    case 'TicketCreated': {
      if (state.tickets[id]) return state;
      const ticket: BoardTicket = {
        id,
        station: str(d.station),
        course: str(d.course),
        status: 'NEW',
        dailyNumber: typeof d.dailyNumber === 'number' ? d.dailyNumber : 0,
        tableLabel: '',
        roundNumber: 0,
        waiterName: null,
        createdAt: at,
        startedAt: null,
        readyAt: null,
        bumpedItemIds: [],
        print: null,
        items: [],
        fresh: true,
        detailsMissing: true,
      };
      return { ...state, tickets: { ...state.tickets, [id]: ticket } };
    }
    case 'TicketStarted':
      return patch(state, id, (t) => ({ ...t, status: 'STARTED', startedAt: t.startedAt ?? at }));
    case 'TicketItemBumped': {
      const itemId = str(d.itemId);
      return patch(state, id, (t) => ({
        ...t,
        status: 'STARTED',
        startedAt: t.startedAt ?? at,
        bumpedItemIds: t.bumpedItemIds.includes(itemId) ? t.bumpedItemIds : [...t.bumpedItemIds, itemId],
        items: t.items.map((i) => (i.id === itemId && i.status !== 'VOIDED' ? { ...i, status: 'READY' } : i)),
      }));
    }
    case 'TicketBumped': {
      const next = patch(state, id, (t) => ({
        ...t,
        status: 'READY',
        readyAt: at,
        startedAt: t.startedAt ?? at,
        items: t.items.map((i) => (i.status === 'VOIDED' ? i : { ...i, status: 'READY' })),
      }));
      return next === state ? state : { ...next, bumped: [...withoutBumped(state.bumped, id), id] };
    }
    case 'TicketRecalled': {
      const next = patch(state, id, (t) => ({
        ...t,
        status: 'STARTED',
        readyAt: null,
        bumpedItemIds: [],
        items: t.items.map((i) => (i.status === 'READY' ? { ...i, status: 'FIRED' } : i)),
      }));
      return next === state ? state : { ...next, bumped: withoutBumped(state.bumped, id) };
    }
    case 'TicketVoided': {
      const next = patch(state, id, (t) => ({ ...t, status: 'VOID' }));
      return next === state ? state : { ...next, bumped: withoutBumped(state.bumped, id) };
    }
    case 'ItemVoided': {
      const itemId = str(d.itemId);
      const holder = Object.values(state.tickets).find((t) => t.items.some((i) => i.id === itemId));
      const held = state.held.some((g) => g.items.some((i) => i.id === itemId));
      let next = holder
        ? patch(state, holder.id, (t) => ({
            ...t,
            items: t.items.map((i) => (i.id === itemId ? { ...i, status: 'VOIDED' } : i)),
          }))
        : state;
      if (held) {
        next = {
          ...next,
          held: next.held
            .map((g) => ({ ...g, items: g.items.filter((i) => i.id !== itemId) }))
            .filter((g) => g.items.length > 0),
        };
      }
      return next;
    }
    default:
      return state;
  }
}

/** Same ticket as far as the screen can tell: the card need not render again. */
function sameTicket(a: TicketView, b: TicketView): boolean {
  if (
    a.status !== b.status ||
    a.startedAt !== b.startedAt ||
    a.readyAt !== b.readyAt ||
    a.tableLabel !== b.tableLabel ||
    a.waiterName !== b.waiterName ||
    a.bumpedItemIds.length !== b.bumpedItemIds.length ||
    a.items.length !== b.items.length ||
    (a.print?.status ?? null) !== (b.print?.status ?? null)
  ) {
    return false;
  }
  return a.items.every((item, k) => {
    const other = b.items[k];
    return (
      other !== undefined && other.id === item.id && other.status === item.status && other.qty === item.qty
    );
  });
}

/**
 * Merges a board read over HTTP. A snapshot at least as new as what the feed applied replaces the
 * tickets' states; an older one (read while events kept coming) only fills in the items of tickets
 * that arrived bare. Unchanged tickets keep their objects either way.
 */
export function mergeBoard(
  state: BoardState,
  view: KitchenBoardView,
  options: { initial: boolean },
): BoardState {
  const newer = options.initial || view.lastSeq >= state.lastSeq;
  const tickets: Record<string, BoardTicket> = {};
  if (newer) {
    for (const v of view.tickets) {
      const prev = state.tickets[v.id];
      if (prev && !prev.detailsMissing && sameTicket(prev, v)) tickets[v.id] = prev;
      else
        tickets[v.id] = {
          ...v,
          fresh: !options.initial && (prev ? prev.fresh : state.loaded),
          detailsMissing: false,
        };
    }
  } else {
    Object.assign(tickets, state.tickets);
    for (const v of view.tickets) {
      const prev = state.tickets[v.id];
      if (!prev?.detailsMissing) continue;
      tickets[v.id] = {
        ...prev,
        tableLabel: v.tableLabel,
        roundNumber: v.roundNumber,
        waiterName: v.waiterName,
        items: v.items,
        print: v.print,
        createdAt: v.createdAt,
        detailsMissing: false,
      };
    }
  }
  const bumped = state.bumped.filter((id) => tickets[id]?.status === 'READY');
  return {
    tickets,
    held: newer ? view.held : state.held,
    lastSeq: options.initial ? view.lastSeq : Math.max(state.lastSeq, view.lastSeq),
    bumped,
    loaded: true,
  };
}
