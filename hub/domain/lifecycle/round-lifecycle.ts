// Round lifecycle.
//
//   PENDING ──submit──▶ SUBMITTED ──send──▶ IN_KITCHEN ──allReady──▶ READY ──serve──▶ SERVED
//      │                    │                 ▲   │                    │
//      └──cancel──┐  cancel─┘                 │   └──serve──▶ SERVED   │
//                 ▼                           └──────reopen────────────┘
//              CANCELED ◀──cancel── IN_KITCHEN (only while no ticket has started: checked by the caller)
//
// SUBMITTED waits there only when a diner's round needs a waiter's confirmation.
import type { RoundStatus } from '../../../protocol/domain-values.js';
import type { TransitionTable } from './lifecycle.js';

export const ROUND_TRANSITIONS = ['submit', 'send', 'allReady', 'reopen', 'serve', 'cancel'] as const;
export type RoundTransition = (typeof ROUND_TRANSITIONS)[number];

export const roundLifecycle: TransitionTable<RoundStatus, RoundTransition> = {
  PENDING: { submit: 'SUBMITTED', send: null, allReady: null, reopen: null, serve: null, cancel: 'CANCELED' },
  SUBMITTED: {
    submit: null,
    send: 'IN_KITCHEN',
    allReady: null,
    reopen: null,
    serve: null,
    cancel: 'CANCELED',
  },
  IN_KITCHEN: {
    submit: null,
    send: null,
    allReady: 'READY',
    reopen: null,
    serve: 'SERVED',
    cancel: 'CANCELED',
  },
  READY: { submit: null, send: null, allReady: null, reopen: 'IN_KITCHEN', serve: 'SERVED', cancel: null },
  SERVED: { submit: null, send: null, allReady: null, reopen: null, serve: null, cancel: null },
  CANCELED: { submit: null, send: null, allReady: null, reopen: null, serve: null, cancel: null },
};
