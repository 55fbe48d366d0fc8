// Every cell of the kitchen ticket lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../../protocol/domain-values.js';
import { transition } from './lifecycle.js';
import { TICKET_TRANSITIONS, ticketLifecycle, type TicketTransition } from './ticket-lifecycle.js';

// Written out by hand, not read from the table: changing a cell must be repeated here on purpose.
// Every cell not listed is CONFLICT.
const ALLOWED: ReadonlyArray<[TicketStatus, TicketTransition, TicketStatus]> = [
  ['NEW', 'start', 'STARTED'],
  // Bumping one item starts the ticket if nobody pressed start.
  ['NEW', 'bumpItem', 'STARTED'],
  ['NEW', 'bump', 'READY'],
  ['NEW', 'void', 'VOID'],
  ['STARTED', 'bumpItem', 'STARTED'],
  ['STARTED', 'bump', 'READY'],
  ['STARTED', 'void', 'VOID'],
  ['READY', 'recall', 'STARTED'],
  ['READY', 'void', 'VOID'],
];

const INITIAL: TicketStatus = 'NEW';

const expected = (from: TicketStatus, via: TicketTransition): TicketStatus | null =>
  ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? null;

const cells = TICKET_STATUSES.flatMap((from) =>
  TICKET_TRANSITIONS.map((via) => ({ from, via, to: expected(from, via) ?? 'CONFLICT' })),
);

describe('kitchen ticket lifecycle', () => {
  it('has a row for every ticket status and a cell for every transition', () => {
    expect(Object.keys(ticketLifecycle).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const row of Object.values(ticketLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...TICKET_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from ticket asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('ticket', ticketLifecycle, from, via);
    if (to === 'CONFLICT') {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `cannot ${via} a ticket that is ${from}`,
          details: { what: 'ticket', from, transition: via },
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('reaches every status from NEW', () => {
    const seen = new Set<TicketStatus>([INITIAL]);
    const queue: TicketStatus[] = [INITIAL];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of Object.values(ticketLifecycle[s])) {
        if (to !== null && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...TICKET_STATUSES].sort());
  });
});
