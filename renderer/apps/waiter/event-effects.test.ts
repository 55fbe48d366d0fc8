import { describe, expect, it } from 'vitest';
import { effectsOf, mergeEffects, NO_EFFECTS, touchesSession } from './event-effects.js';

describe('which views a live event makes stale', () => {
  it('a menu change (86, stock, price) refetches only the menu', () => {
    expect(effectsOf({ aggregateType: 'product', type: 'ProductAvailabilitySet' })).toEqual({
      floor: false,
      menu: true,
      session: false,
    });
    expect(effectsOf({ aggregateType: 'product', type: 'StockAdjusted' }).menu).toBe(true);
  });

  it('a session event refetches the floor and only that session', () => {
    const e = effectsOf({ aggregateType: 'session', type: 'PaymentRecorded', data: { sessionId: 's-1' } });
    expect(e.floor).toBe(true);
    expect(touchesSession(e, 's-1')).toBe(true);
    expect(touchesSession(e, 's-2')).toBe(false);
  });

  it('a ticket bump names no session, so the session on screen is refetched', () => {
    const e = effectsOf({ aggregateType: 'ticket', type: 'TicketBumped', data: { ticketId: 't-1' } });
    expect(e).toEqual({ floor: true, menu: false, session: true });
    expect(touchesSession(e, 'any')).toBe(true);
    expect(touchesSession(e, null)).toBe(false);
  });

  it('a merge refetches whichever session is on screen', () => {
    const e = effectsOf({
      aggregateType: 'session',
      type: 'SessionMerged',
      data: { sessionId: 'a', intoSessionId: 'b' },
    });
    expect(touchesSession(e, 'b')).toBe(true);
  });

  it('staff and device events change nothing the waiter sees', () => {
    expect(effectsOf({ aggregateType: 'staff', type: 'StaffUpdated' })).toEqual(NO_EFFECTS);
  });

  it('a burst of events merges into one refetch of each view', () => {
    const a = effectsOf({ aggregateType: 'session', type: 'CheckSplit', data: { sessionId: 's-1' } });
    const b = effectsOf({ aggregateType: 'session', type: 'PaymentRecorded', data: { sessionId: 's-1' } });
    const c = effectsOf({ aggregateType: 'session', type: 'SessionOpened', data: { sessionId: 's-9' } });
    expect(mergeEffects(a, b).session).toBe('s-1');
    expect(mergeEffects(mergeEffects(a, b), c).session).toBe(true);
    expect(mergeEffects(NO_EFFECTS, effectsOf({ aggregateType: 'product', type: 'StockAdjusted' }))).toEqual({
      floor: false,
      menu: true,
      session: false,
    });
  });
});
