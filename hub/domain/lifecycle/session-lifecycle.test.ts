// Every cell of the table session lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES, type SessionStatus } from '../../../protocol/domain-values.js';
import { allows, transition } from './lifecycle.js';
import {
  SESSION_TRANSITIONS,
  isLiveSession,
  sessionLifecycle,
  type SessionTransition,
} from './session-lifecycle.js';

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

// The same rules as the rest of the hub asks them, through allows(): which statuses take which work.
describe('what a table session allows', () => {
  const statusesAllowing = (via: SessionTransition): SessionStatus[] =>
    SESSION_STATUSES.filter((status) => allows(sessionLifecycle, status, via));

  it('takes orders while open and after the check is asked for, but not once paying has begun', () => {
    expect(statusesAllowing('order')).toEqual(['OPEN', 'CHECK_REQUESTED']);
  });

  it('lets guests, discounts and splits be edited only until the first payment freezes the check', () => {
    expect(statusesAllowing('edit')).toEqual(['OPEN', 'CHECK_REQUESTED']);
  });

  it('takes payments while open, after the check is asked for, and between payments', () => {
    expect(statusesAllowing('pay')).toEqual(['OPEN', 'CHECK_REQUESTED', 'PAYING']);
  });

  it('closes from any status still at the table, and never a second time', () => {
    expect(statusesAllowing('close')).toEqual(['OPEN', 'CHECK_REQUESTED', 'PAYING']);
  });

  it('is voided or merged only before any money was taken', () => {
    expect(statusesAllowing('void')).toEqual(['OPEN', 'CHECK_REQUESTED']);
    expect(statusesAllowing('merge')).toEqual(['OPEN', 'CHECK_REQUESTED']);
  });

  it.each(['CLOSED', 'VOIDED', 'MERGED'] as const)('allows nothing at all once %s', (status) => {
    expect(SESSION_TRANSITIONS.filter((via) => allows(sessionLifecycle, status, via))).toEqual([]);
  });
});

describe('isLiveSession', () => {
  it('counts OPEN, CHECK_REQUESTED and PAYING sessions as still at the table, able to take kitchen work', () => {
    expect(SESSION_STATUSES.filter(isLiveSession)).toEqual(['OPEN', 'CHECK_REQUESTED', 'PAYING']);
  });

  it.each(['CLOSED', 'VOIDED', 'MERGED'] as const)('counts a %s session as gone from its table', (status) => {
    expect(isLiveSession(status)).toBe(false);
  });
});
