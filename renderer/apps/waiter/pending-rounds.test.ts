import { describe, expect, it } from 'vitest';
import type { PendingCommand } from '../../shared/pending-store.js';
import { pendingOpensOf, pendingRoundsOf } from './pending-rounds.js';

const row = (over: Partial<PendingCommand>): PendingCommand => ({
  commandId: 'c',
  type: 'PlaceRound',
  payload: {},
  label: '',
  createdAt: 1,
  state: 'queued',
  attempts: 0,
  ...over,
});

describe('optimistic rounds from the offline queue', () => {
  it("shows this table's queued rounds with their lines and state, not other tables'", () => {
    const item = { productId: 'prod-flan', qty: 2, notes: '', seat: null, course: 'dessert', modifiers: [] };
    const pending = [
      row({ commandId: 'a', payload: { sessionId: 's-1', items: [item] } }),
      row({ commandId: 'b', payload: { sessionId: 's-2', items: [item] } }),
      row({
        commandId: 'c',
        state: 'failed',
        error: { code: 'CONFLICT', message: 'sold out' },
        payload: { sessionId: 's-1', items: [] },
      }),
      row({ commandId: 'd', type: 'FireCourse', payload: { sessionId: 's-1', course: 'main' } }),
    ];
    const rounds = pendingRoundsOf(pending, 's-1');
    expect(rounds.map((r) => r.commandId)).toEqual(['a', 'c']);
    expect(rounds[0]!.lines).toEqual([item]);
    expect(rounds[1]!.error?.message).toBe('sold out');
  });

  it('marks tables being opened offline, but not ones the hub refused', () => {
    const opens = pendingOpensOf([
      row({ type: 'OpenSession', payload: { tableId: 'table-5', guests: 2 } }),
      row({ type: 'OpenSession', state: 'failed', payload: { tableId: 'table-6', guests: 2 } }),
    ]);
    expect([...opens]).toEqual(['table-5']);
  });
});
