import { describe, expect, it } from 'vitest';
import { emptyBoard, type BoardState } from './board-types.js';
import { boardView, item, ticketView } from './test-tickets.js';
import { applyConfirmed, applyEvent, mergeBoard, type KitchenEvent } from './ticket-reducer.js';

const at = '2026-11-27T21:05:00.000Z';
let seq = 10;
const ev = (type: string, data: Record<string, unknown>, s = ++seq): KitchenEvent => ({
  seq: s,
  type,
  data,
  occurredAt: at,
});
const loaded = (tickets = [ticketView('k1', { items: [item('a', 'Bravas'), item('b', 'Gambas')] })]) =>
  mergeBoard(emptyBoard, boardView(tickets, 10), { initial: true });

describe('ticket reducer: events → tickets', () => {
  it('a ticket created live arrives bare (item ids only) and fresh, and asks for its details', () => {
    const s = applyEvent(
      loaded(),
      ev('TicketCreated', {
        ticketId: 'k2',
        station: 'cold',
        course: 'main',
        dailyNumber: 7,
        itemIds: ['x'],
      }),
    );
    expect(s.tickets.k2).toMatchObject({
      status: 'NEW',
      station: 'cold',
      dailyNumber: 7,
      createdAt: at,
      fresh: true,
      detailsMissing: true,
      items: [],
    });
    expect(s.lastSeq).toBe(seq);
  });

  it('started, one dish bumped, then the whole ticket bumped: READY and remembered for recall', () => {
    let s = loaded();
    s = applyEvent(s, ev('TicketStarted', { ticketId: 'k1' }));
    expect(s.tickets.k1).toMatchObject({ status: 'STARTED', startedAt: at });
    s = applyEvent(s, ev('TicketItemBumped', { ticketId: 'k1', itemId: 'a' }));
    expect(s.tickets.k1!.bumpedItemIds).toEqual(['a']);
    expect(s.tickets.k1!.items.map((i) => i.status)).toEqual(['READY', 'FIRED']);
    s = applyEvent(s, ev('TicketBumped', { ticketId: 'k1' }));
    expect(s.tickets.k1).toMatchObject({ status: 'READY', readyAt: at });
    expect(s.tickets.k1!.items.every((i) => i.status === 'READY')).toBe(true);
    expect(s.bumped).toEqual(['k1']);
  });

  it('a recall puts the ticket back to STARTED with nothing bumped, and off the recall list', () => {
    let s = applyEvent(loaded(), ev('TicketBumped', { ticketId: 'k1' }));
    s = applyEvent(s, ev('TicketRecalled', { ticketId: 'k1' }));
    expect(s.tickets.k1).toMatchObject({ status: 'STARTED', readyAt: null, bumpedItemIds: [] });
    expect(s.tickets.k1!.items.every((i) => i.status === 'FIRED')).toBe(true);
    expect(s.bumped).toEqual([]);
  });

  it('a voided dish is struck on its ticket; a voided ticket leaves the open ones', () => {
    let s = applyEvent(loaded(), ev('ItemVoided', { roundId: 'r', itemId: 'b', reason: 'x' }));
    expect(s.tickets.k1!.items.find((i) => i.id === 'b')!.status).toBe('VOIDED');
    s = applyEvent(s, ev('TicketVoided', { ticketId: 'k1', reason: 'x' }));
    expect(s.tickets.k1!.status).toBe('VOID');
  });

  it('an event already in the snapshot (seq ≤ lastSeq) changes nothing, nor does one about another board', () => {
    const s = loaded();
    expect(applyEvent(s, ev('TicketBumped', { ticketId: 'k1' }, 10))).toBe(s);
    const other = applyEvent(s, ev('TicketBumped', { ticketId: 'elsewhere' }));
    expect(other.tickets).toBe(s.tickets);
  });

  it('a bump the hub confirmed shows at once, keeps the resume point, and its event changes nothing more', () => {
    const s = applyConfirmed(loaded(), 'TicketBumped', { ticketId: 'k1' });
    expect(s.tickets.k1!.status).toBe('READY');
    expect(s.lastSeq).toBe(10);
    const after = applyEvent(s, ev('TicketBumped', { ticketId: 'k1' }));
    expect(after.tickets.k1!.status).toBe('READY');
    expect(after.bumped).toEqual(['k1']);
  });

  it('events of other kinds (menu, printers) leave the tickets alone', () => {
    const s = loaded();
    expect(applyEvent(s, ev('ProductAvailabilitySet', { productId: 'p', available: false })).tickets).toBe(
      s.tickets,
    );
  });
});

describe('ticket reducer: board snapshots', () => {
  it('a newer snapshot fills in a bare ticket and keeps unchanged tickets as the same objects', () => {
    let s: BoardState = applyEvent(
      loaded(),
      ev('TicketCreated', {
        ticketId: 'k2',
        station: 'grill',
        course: 'starter',
        dailyNumber: 2,
        itemIds: ['c'],
      }),
    );
    const k1 = s.tickets.k1;
    s = mergeBoard(
      s,
      boardView(
        [
          ticketView('k1', { items: [item('a', 'Bravas'), item('b', 'Gambas')] }),
          ticketView('k2', { dailyNumber: 2, items: [item('c', 'Calamares')] }),
        ],
        seq,
      ),
      { initial: false },
    );
    expect(s.tickets.k1).toBe(k1);
    expect(s.tickets.k2).toMatchObject({ detailsMissing: false, fresh: true, items: [{ id: 'c' }] });
  });

  it('an older snapshot (read while events kept coming) only fills in items, never rolls a state back', () => {
    let s = applyEvent(
      loaded(),
      ev('TicketCreated', {
        ticketId: 'k2',
        station: 'grill',
        course: 'starter',
        dailyNumber: 2,
        itemIds: ['c'],
      }),
    );
    s = applyEvent(s, ev('TicketBumped', { ticketId: 'k2' }));
    s = mergeBoard(
      s,
      boardView([ticketView('k1'), ticketView('k2', { status: 'NEW', items: [item('c', 'Calamares')] })], 11),
      { initial: false },
    );
    expect(s.tickets.k2).toMatchObject({ status: 'READY', detailsMissing: false });
    expect(s.tickets.k2!.items[0]!.name.es).toBe('Calamares');
  });

  it('the first load is not fresh (no flash for what was already there) and sets the resume point', () => {
    const s = loaded();
    expect(s.loaded).toBe(true);
    expect(s.lastSeq).toBe(10);
    expect(s.tickets.k1!.fresh).toBe(false);
  });
});
