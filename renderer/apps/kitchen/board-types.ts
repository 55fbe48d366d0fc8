// What the kitchen display holds about a ticket: the hub's ticket view plus what this screen noticed
// (when it arrived, whether it came live, whether its items are still being fetched).
import type { KitchenBoardView, KitchenHeldGroup } from '../../../protocol/kitchen-board-api.js';

export type TicketView = KitchenBoardView['tickets'][number];
export type TicketItem = TicketView['items'][number];
export type { KitchenBoardView, KitchenHeldGroup };

export interface BoardTicket extends TicketView {
  /** Arrived on the live feed after the board was first drawn: flash it. */
  fresh: boolean;
  /** Created from a TicketCreated event, which names item ids only: the items come with the next read. */
  detailsMissing: boolean;
}

export interface BoardState {
  /** By id; a ticket that did not change keeps its object, so its memoized card skips rendering. */
  tickets: Readonly<Record<string, BoardTicket>>;
  held: readonly KitchenHeldGroup[];
  /** The last event sequence applied (live) or read (board snapshot). */
  lastSeq: number;
  /** Ticket ids bumped while this screen watched, most recent last: R recalls the last one. */
  bumped: readonly string[];
  loaded: boolean;
}

export const emptyBoard: BoardState = { tickets: {}, held: [], lastSeq: 0, bumped: [], loaded: false };

export const isOpen = (t: Pick<TicketView, 'status'>) => t.status === 'NEW' || t.status === 'STARTED';
