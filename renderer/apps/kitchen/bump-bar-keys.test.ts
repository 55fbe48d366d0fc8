import { describe, expect, it } from 'vitest';
import { cycleItem, keyAction, moveIndex } from './bump-bar-keys.js';
import { pendingEffects } from './pending-effects.js';
import { openTicketsInOrder, recallCandidate } from './order-tickets.js';
import { boardTicket } from './test-tickets.js';

const key = (k: string, shiftKey = false) =>
  keyAction({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

describe('bump-bar keys', () => {
  it('maps the bump bar: arrows, digits, Enter/space, R, A, S, H', () => {
    expect(key('ArrowDown')).toEqual({ type: 'move', dir: 'down' });
    expect(key('7')).toEqual({ type: 'pick', n: 7 });
    expect(key('0')).toBeNull();
    expect(key('Enter')).toEqual({ type: 'bump' });
    expect(key(' ')).toEqual({ type: 'bump' });
    expect(key('R')).toEqual({ type: 'recall' });
    expect(key('a')).toEqual({ type: 'allDay' });
    expect(key('s')).toEqual({ type: 'station' });
    expect(key('?')).toEqual({ type: 'help' });
    expect(key('Tab', true)).toEqual({ type: 'item', delta: -1 });
    expect(keyAction({ key: 'r', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
  });

  it('moves in the grid and stops at its edges', () => {
    expect(moveIndex(-1, 'right', 5, 12)).toBe(0);
    expect(moveIndex(2, 'down', 5, 12)).toBe(7);
    expect(moveIndex(8, 'down', 5, 12)).toBe(8);
    expect(moveIndex(2, 'up', 5, 12)).toBe(2);
    expect(moveIndex(11, 'right', 5, 12)).toBe(11);
    expect(moveIndex(0, 'left', 5, 0)).toBe(-1);
  });

  it('tabs through dishes and back to the whole ticket', () => {
    expect([cycleItem(-1, 1, 2), cycleItem(0, 1, 2), cycleItem(1, 1, 2)]).toEqual([0, 1, -1]);
    expect(cycleItem(-1, -1, 2)).toBe(1);
  });
});

describe('board order, recall and pending commands', () => {
  const tickets = {
    b: boardTicket('b', { createdAt: '2026-11-27T21:02:00Z', dailyNumber: 2 }),
    a: boardTicket('a', { createdAt: '2026-11-27T21:01:00Z', dailyNumber: 1 }),
    r1: boardTicket('r1', { status: 'READY', readyAt: '2026-11-27T21:05:00Z' }),
    r2: boardTicket('r2', { status: 'READY', readyAt: '2026-11-27T21:06:00Z' }),
  };

  it('shows the oldest open ticket first and hides the ones bumped here', () => {
    expect(openTicketsInOrder(tickets, new Set()).map((t) => t.id)).toEqual(['a', 'b']);
    expect(openTicketsInOrder(tickets, new Set(['a'])).map((t) => t.id)).toEqual(['b']);
  });

  it('recalls the last bumped here, else the most recently ready', () => {
    expect(recallCandidate(tickets, ['r2', 'r1'])!.id).toBe('r1');
    expect(recallCandidate(tickets, [])!.id).toBe('r2');
  });

  it('a bump waiting for the hub hides its ticket; a refused one does not', () => {
    const base = { label: '', createdAt: 0, attempts: 0 };
    const fx = pendingEffects([
      { ...base, commandId: '1', type: 'BumpTicket', payload: { ticketId: 'a' }, state: 'queued' },
      {
        ...base,
        commandId: '2',
        type: 'BumpItem',
        payload: { ticketId: 'b', itemId: 'b-i1' },
        state: 'sending',
      },
      { ...base, commandId: '3', type: 'BumpTicket', payload: { ticketId: 'c' }, state: 'failed' },
    ]);
    expect([...fx.hidden]).toEqual(['a']);
    expect([...fx.items]).toEqual(['b-i1']);
    expect(fx.busy.has('c')).toBe(false);
  });
});
