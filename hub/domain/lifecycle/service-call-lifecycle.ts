// Service call lifecycle.
//
//   OPEN ──acknowledge──▶ ACKNOWLEDGED ──resolve──▶ RESOLVED
//    │ └─escalate─▶ OPEN (nobody answered in time: every waiter is told)
//    └──────────────resolve──────────────────────────▲
import type { ServiceCallStatus } from '../../../protocol/domain-values.js';
import type { TransitionTable } from './lifecycle.js';

export const SERVICE_CALL_TRANSITIONS = ['acknowledge', 'resolve', 'escalate'] as const;
export type ServiceCallTransition = (typeof SERVICE_CALL_TRANSITIONS)[number];

export const serviceCallLifecycle: TransitionTable<ServiceCallStatus, ServiceCallTransition> = {
  OPEN: { acknowledge: 'ACKNOWLEDGED', resolve: 'RESOLVED', escalate: 'OPEN' },
  ACKNOWLEDGED: { acknowledge: null, resolve: 'RESOLVED', escalate: null },
  RESOLVED: { acknowledge: null, resolve: null, escalate: null },
};
