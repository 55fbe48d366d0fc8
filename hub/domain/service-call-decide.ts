// Decisions on service calls: raise, acknowledge, resolve, escalate.
import type { ServiceCallKind } from '../../protocol/domain-values.js';
import { decided, ev, type Decision } from './decision.js';
import { serviceCallLifecycle } from './lifecycle/service-call-lifecycle.js';
import { sessionLifecycle } from './lifecycle/session-lifecycle.js';
import { transition } from './lifecycle/lifecycle.js';
import { fail, type Result } from './result.js';
import type { DecideContext, ServiceCallView, SessionView } from './views.js';

export function decideCreateServiceCall(
  input: { session: SessionView; openCalls: readonly ServiceCallView[] },
  payload: { kind: ServiceCallKind; note: string },
  ctx: DecideContext,
): Result<Decision> {
  const can = transition('session', sessionLifecycle, input.session.status, 'call');
  if (!can.ok) return can;
  // A second press of the same button while the first is unanswered is the same call.
  const same = input.openCalls.find((c) => c.kind === payload.kind && c.status !== 'RESOLVED');
  if (same) return fail('CONFLICT', 'this call is already open', { callId: same.id });
  const callId = ctx.newId();
  return decided(
    [
      ev('ServiceCallCreated', {
        callId,
        sessionId: input.session.id,
        tableId: input.session.tableId,
        kind: payload.kind,
        note: payload.note,
      }),
    ],
    { callId },
  );
}

type CallStep = 'acknowledge' | 'resolve' | 'escalate';
const EVENT_OF = {
  acknowledge: 'ServiceCallAcknowledged',
  resolve: 'ServiceCallResolved',
  escalate: 'ServiceCallEscalated',
} as const;

export function decideServiceCallStep(
  call: ServiceCallView | undefined,
  step: CallStep,
  callId: string,
): Result<Decision> {
  if (!call) return fail('NOT_FOUND', `service call ${callId} not found`);
  const next = transition('service call', serviceCallLifecycle, call.status, step);
  if (!next.ok) return next;
  return decided([ev(EVENT_OF[step], { callId: call.id })], { callId: call.id, status: next.value });
}
