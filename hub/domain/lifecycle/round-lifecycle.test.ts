// Every cell of the round lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { ROUND_STATUSES, type RoundStatus } from '../../../protocol/domain-values.js';
import { transition } from './lifecycle.js';
import { ROUND_TRANSITIONS, roundLifecycle, type RoundTransition } from './round-lifecycle.js';

// Written out by hand from DOMAIN.md ("Rounds and items") rather than read from the table, so that
// changing a cell of the table is a deliberate act that must be repeated here. Every other cell is CONFLICT.
const ALLOWED: ReadonlyArray<[RoundStatus, RoundTransition, RoundStatus]> = [
  ['PENDING', 'submit', 'SUBMITTED'],
  ['PENDING', 'cancel', 'CANCELED'],
  ['SUBMITTED', 'send', 'IN_KITCHEN'],
  ['SUBMITTED', 'cancel', 'CANCELED'],
  ['IN_KITCHEN', 'allReady', 'READY'],
  ['IN_KITCHEN', 'serve', 'SERVED'],
  // Only while no ticket has started; the caller checks the tickets.
  ['IN_KITCHEN', 'cancel', 'CANCELED'],
  ['READY', 'reopen', 'IN_KITCHEN'],
  ['READY', 'serve', 'SERVED'],
];

const INITIAL: RoundStatus = 'PENDING';

const expected = (from: RoundStatus, via: RoundTransition): RoundStatus | null =>
  ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? null;

const cells = ROUND_STATUSES.flatMap((from) =>
  ROUND_TRANSITIONS.map((via) => ({ from, via, to: expected(from, via) ?? 'CONFLICT' })),
);

describe('round lifecycle', () => {
  it('has a row for every round status and a cell for every transition', () => {
    expect(Object.keys(roundLifecycle).sort()).toEqual([...ROUND_STATUSES].sort());
    for (const row of Object.values(roundLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...ROUND_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from round asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('round', roundLifecycle, from, via);
    if (to === 'CONFLICT') {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `cannot ${via} a round that is ${from}`,
          details: { what: 'round', from, transition: via },
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('reaches every status from PENDING', () => {
    const seen = new Set<RoundStatus>([INITIAL]);
    const queue: RoundStatus[] = [INITIAL];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of Object.values(roundLifecycle[s])) {
        if (to !== null && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ROUND_STATUSES].sort());
  });
});
