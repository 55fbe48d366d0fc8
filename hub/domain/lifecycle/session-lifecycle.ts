// Table session lifecycle.
//
//   OPEN ──requestCheck──▶ CHECK_REQUESTED ──pay──▶ PAYING ──close──▶ CLOSED
//       └──────────────pay────────────────────────────▲  (close only when paid equals the total)
//   OPEN and CHECK_REQUESTED take more orders (another coffee after asking for the check) and stay as they are
//   OPEN / CHECK_REQUESTED ──void──▶ VOIDED (manager; nothing served or paid)
//   OPEN / CHECK_REQUESTED ──merge──▶ MERGED (its rounds move to the other session)
//
// `edit` covers guests, discounts and splits: allowed until the first payment freezes the check.
import type { SessionStatus } from '../../../protocol/domain-values.js';
import type { TransitionTable } from './lifecycle.js';

export const SESSION_TRANSITIONS = [
  'order',
  'requestCheck',
  'edit',
  'pay',
  'close',
  'void',
  'merge',
  'absorb',
  'transfer',
  'join',
  'call',
] as const;
export type SessionTransition = (typeof SESSION_TRANSITIONS)[number];

const terminal: Record<SessionTransition, null> = {
  order: null,
  requestCheck: null,
  edit: null,
  pay: null,
  close: null,
  void: null,
  merge: null,
  absorb: null,
  transfer: null,
  join: null,
  call: null,
};

export const sessionLifecycle: TransitionTable<SessionStatus, SessionTransition> = {
  OPEN: {
    order: 'OPEN',
    requestCheck: 'CHECK_REQUESTED',
    edit: 'OPEN',
    pay: 'PAYING',
    close: 'CLOSED',
    void: 'VOIDED',
    merge: 'MERGED',
    absorb: 'OPEN',
    transfer: 'OPEN',
    join: 'OPEN',
    call: 'OPEN',
  },
  CHECK_REQUESTED: {
    order: 'CHECK_REQUESTED',
    requestCheck: null,
    edit: 'CHECK_REQUESTED',
    pay: 'PAYING',
    close: 'CLOSED',
    void: 'VOIDED',
    merge: 'MERGED',
    absorb: 'CHECK_REQUESTED',
    transfer: 'CHECK_REQUESTED',
    join: 'CHECK_REQUESTED',
    call: 'CHECK_REQUESTED',
  },
  PAYING: {
    order: null,
    requestCheck: null,
    edit: null,
    pay: 'PAYING',
    close: 'CLOSED',
    void: null,
    merge: null,
    absorb: null,
    transfer: 'PAYING',
    join: null,
    call: 'PAYING',
  },
  CLOSED: terminal,
  VOIDED: terminal,
  MERGED: terminal,
};

/** A session still at its table: it can take kitchen work (a fired course, a confirmed round). */
export function isLiveSession(status: SessionStatus): boolean {
  return status === 'OPEN' || status === 'CHECK_REQUESTED' || status === 'PAYING';
}
