// What the board shows of commands still waiting for the hub, and which bump R undoes first.
import { describe, expect, it } from 'vitest';
import type { PendingCommand } from '../../shared/pending-store.js';
import { lastPendingBump, pendingEffects } from './pending-effects.js';

let n = 0;
function cmd(type: string, ticketId: string, state: PendingCommand['state'] = 'queued'): PendingCommand {
  return { commandId: `c${++n}`, type, payload: { ticketId }, label: type, createdAt: n, state, attempts: 0 };
}

describe('pending kitchen commands', () => {
  it('hides a ticket bumped offline, and shows it again once a recall is queued behind the bump', () => {
    expect([...pendingEffects([cmd('BumpTicket', 't1')]).hidden]).toEqual(['t1']);
    expect([...pendingEffects([cmd('BumpTicket', 't1'), cmd('RecallTicket', 't1')]).hidden]).toEqual([]);
  });

  it('R undoes the last bump still on its way, not one already recalled or refused', () => {
    expect(lastPendingBump([])).toBeNull();
    expect(lastPendingBump([cmd('BumpTicket', 't1'), cmd('BumpTicket', 't2')])).toBe('t2');
    expect(
      lastPendingBump([cmd('BumpTicket', 't1'), cmd('BumpTicket', 't2'), cmd('RecallTicket', 't2')]),
    ).toBe('t1');
    expect(lastPendingBump([cmd('BumpTicket', 't1'), cmd('BumpTicket', 't2', 'failed')])).toBe('t1');
    expect(lastPendingBump([cmd('StartTicket', 't3')])).toBeNull();
  });
});
