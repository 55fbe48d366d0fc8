// Round item lifecycle.
//
//   PENDING ──hold──▶ HELD ──fire──▶ FIRED ──ready──▶ READY ──serve──▶ SERVED
//      └─────────fire─────────────────▲  ▲──unready──────┘ │
//                                     └──serve (bar items nobody bumps)──┘
//   any state but VOIDED ──void──▶ VOIDED   (PENDING lines are removed instead; voids after submit need a manager)
import type { ItemStatus } from '../../../protocol/domain-values.js';
import type { TransitionTable } from './lifecycle.js';

export const ITEM_TRANSITIONS = ['hold', 'fire', 'ready', 'unready', 'serve', 'void'] as const;
export type ItemTransition = (typeof ITEM_TRANSITIONS)[number];

export const itemLifecycle: TransitionTable<ItemStatus, ItemTransition> = {
  PENDING: { hold: 'HELD', fire: 'FIRED', ready: null, unready: null, serve: null, void: 'VOIDED' },
  HELD: { hold: null, fire: 'FIRED', ready: null, unready: null, serve: null, void: 'VOIDED' },
  FIRED: { hold: null, fire: null, ready: 'READY', unready: null, serve: 'SERVED', void: 'VOIDED' },
  READY: { hold: null, fire: null, ready: null, unready: 'FIRED', serve: 'SERVED', void: 'VOIDED' },
  SERVED: { hold: null, fire: null, ready: null, unready: null, serve: null, void: 'VOIDED' },
  VOIDED: { hold: null, fire: null, ready: null, unready: null, serve: null, void: null },
};
