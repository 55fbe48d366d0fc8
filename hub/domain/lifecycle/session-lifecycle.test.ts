// Every cell of the table session lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '../../../protocol/domain-values.js';
import { transition } from './lifecycle.js';
import { SESSION_TRANSITIONS, sessionLifecycle, type SessionTransition } from './session-lifecycle.js';

// Written out by hand, not read from the table: changing a cell must be repeated here on purpose.
// Every cell not listed is CONFLICT; CLOSED, VOIDED and MERGED accept nothing at all.
const ALLOWED: ReadonlyArray<[SessionStatus, SessionTransition, SessionStatus]> = [
  ['OPEN', 'order', 'OPEN'],
  ['OPEN', 'requestCheck', 'CHECK_REQUESTED'],
  ['OPEN', 'edit', 'OPEN'],
  ['OPEN', 'pay', 'PAYING'],
  // A session with nothing on it (the table left) closes without paying.
  ['OPEN', 'close', 'CLOSED'],
  ['OPEN', 'void', 'VOIDED'],
  ['OPEN', 'merge', 'MERGED'],
  ['OPEN', 'absorb', 'OPEN'],
  ['OPEN', 'transfer', 'OPEN'],
  ['OPEN', 'join', 'OPEN'],
  ['OPEN', 'call', 'OPEN'],
  // Another coffee after asking for the check.
  ['CHECK_REQUESTED', 'order', 'CHECK_REQUESTED'],
  ['CHECK_REQUESTED', 'edit', 'CHECK_REQUESTED'],
  ['CHECK_REQUESTED', 'pay', 'PAYING'],
  ['CHECK_REQUESTED', 'close', 'CLOSED'],
  ['CHECK_REQUESTED', 'void', 'VOIDED'],
  ['CHECK_REQUESTED', 'merge', 'MERGED'],
  ['CHECK_REQUESTED', 'absorb', 'CHECK_REQUESTED'],
  ['CHECK_REQUESTED', 'transfer', 'CHECK_REQUESTED'],
  ['CHECK_REQUESTED', 'join', 'CHECK_REQUESTED'],
  ['CHECK_REQUESTED', 'call', 'CHECK_REQUESTED'],
  // The first payment freezes the check: no orders, edits, voids, merges or new diners from here.
  ['PAYING', 'pay', 'PAYING'],
  ['PAYING', 'close', 'CLOSED'],
  ['PAYING', 'transfer', 'PAYING'],
  ['PAYING', 'call', 'PAYING'],
];

const INITIAL: SessionStatus = 'OPEN';

const expected = (from: SessionStatus, via: SessionTransition): SessionStatus | null =>
  ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? null;

const cells = SESSION_STATUSES.flatMap((from) =>
  SESSION_TRANSITIONS.map((via) => ({ from, via, to: expected(from, via) ?? 'CONFLICT' })),
);

describe('table session lifecycle', () => {
  it('has a row for every session status and a cell for every transition', () => {
    expect(Object.keys(sessionLifecycle).sort()).toEqual([...SESSION_STATUSES].sort());
    for (const row of Object.values(sessionLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...SESSION_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from session asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('session', sessionLifecycle, from, via);
    if (to === 'CONFLICT') {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `cannot ${via} a session that is ${from}`,
          details: { what: 'session', from, transition: via },
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('reaches every status from OPEN', () => {
    const seen = new Set<SessionStatus>([INITIAL]);
    const queue: SessionStatus[] = [INITIAL];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of Object.values(sessionLifecycle[s])) {
        if (to !== null && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...SESSION_STATUSES].sort());
  });
});
