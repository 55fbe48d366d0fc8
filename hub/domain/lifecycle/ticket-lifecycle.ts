// Kitchen ticket lifecycle.
//
//   NEW ──start──▶ STARTED ──bump──▶ READY
//    │  └─bumpItem─▶ STARTED   ▲        │
//    └───────────bump──────────┘◀─recall┘
//   NEW / STARTED / READY ──void──▶ VOID (all its items were voided)
import type { TicketStatus } from '../../../protocol/domain-values.js';
import type { TransitionTable } from './lifecycle.js';

export const TICKET_TRANSITIONS = ['start', 'bumpItem', 'bump', 'recall', 'void'] as const;
export type TicketTransition = (typeof TICKET_TRANSITIONS)[number];

export const ticketLifecycle: TransitionTable<TicketStatus, TicketTransition> = {
  NEW: { start: 'STARTED', bumpItem: 'STARTED', bump: 'READY', recall: null, void: 'VOID' },
  STARTED: { start: null, bumpItem: 'STARTED', bump: 'READY', recall: null, void: 'VOID' },
  READY: { start: null, bumpItem: null, bump: null, recall: 'STARTED', void: 'VOID' },
  VOID: { start: null, bumpItem: null, bump: null, recall: null, void: null },
};
