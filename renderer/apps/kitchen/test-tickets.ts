// Builders for the kitchen display's tests: tickets shaped exactly as GET /api/kitchen/board sends them.
import type { BoardTicket, KitchenBoardView, TicketItem, TicketView } from './board-types.js';

export function item(id: string, es: string, over: Partial<TicketItem> = {}): TicketItem {
  return {
    id,
    name: { es, en: `${es} (en)` },
    qty: 1,
    modifiers: [],
    notes: '',
    allergens: [],
    seat: null,
    status: 'FIRED',
    ...over,
  };
}

export function ticketView(id: string, over: Partial<TicketView> = {}): TicketView {
  return {
    id,
    station: 'grill',
    course: 'starter',
    status: 'NEW',
    dailyNumber: 1,
    tableLabel: '5',
    roundNumber: 1,
    waiterName: 'Luis',
    createdAt: '2026-11-27T21:00:00.000Z',
    startedAt: null,
    readyAt: null,
    bumpedItemIds: [],
    print: null,
    items: [item(`${id}-i1`, 'Croquetas de jamón', { qty: 2, allergens: ['gluten', 'milk'] })],
    ...over,
  };
}

export function boardTicket(id: string, over: Partial<BoardTicket> = {}): BoardTicket {
  return { ...ticketView(id), fresh: false, detailsMissing: false, ...over };
}

export function boardView(
  tickets: TicketView[],
  lastSeq: number,
  over: Partial<KitchenBoardView> = {},
): KitchenBoardView {
  return { lastSeq, station: null, stations: [], tickets, held: [], ...over };
}

/** `n` open tickets, a minute apart, with two dishes each (one with an allergy note every seventh). */
export function manyTickets(n: number): BoardTicket[] {
  return Array.from({ length: n }, (_, k) =>
    boardTicket(`t${k}`, {
      dailyNumber: k + 1,
      tableLabel: String((k % 14) + 1),
      createdAt: new Date(Date.UTC(2026, 10, 27, 20, 0) + k * 60_000).toISOString(),
      items: [
        item(`t${k}-a`, 'Croquetas de jamón', { qty: 2, allergens: ['gluten', 'milk', 'eggs'] }),
        item(`t${k}-b`, 'Entrecot a la brasa', {
          modifiers: [{ name: 'Poco hecho' }],
          notes: k % 7 === 0 ? 'ALERGIA frutos secos' : '',
        }),
      ],
    }),
  );
}
