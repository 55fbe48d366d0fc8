// Handlers for the check: discounts, splits, payments, refunds and closing.
import {
  decideApplyDiscount,
  decideCloseSession,
  decideRecordPayment,
  decideRefundPayment,
  decideRemoveDiscount,
  decideSplitCheck,
  type CheckState,
  type StoredSplit,
} from '../../domain/check-decide.js';
import { fail } from '../../domain/result.js';
import type { SessionView } from '../../domain/views.js';
import {
  loadDiners,
  loadDiscounts,
  loadPayment,
  loadPayments,
  loadRoundsOfSession,
  loadSession,
  loadSplit,
} from '../../store/queries/view-loaders.js';
import { allowed, type HandlerEnv, type HandlerMap } from './handler-types.js';
import { sessionFor } from './service-handlers.js';

type CheckCommands =
  'ApplyDiscount' | 'RemoveDiscount' | 'SplitCheck' | 'RecordPayment' | 'RefundPayment' | 'CloseSession';

function checkState(env: HandlerEnv, session: SessionView): CheckState {
  return {
    session,
    rounds: loadRoundsOfSession(env.db, session.id),
    discounts: loadDiscounts(env.db, session.id),
    settings: env.branch.settings,
  };
}

export const checkHandlers: HandlerMap<CheckCommands> = {
  ApplyDiscount: (env, p) => {
    const s = sessionFor(env, 'ApplyDiscount', p.sessionId);
    return s.ok ? decideApplyDiscount(checkState(env, s.value), p, env.ctx) : s;
  },
  RemoveDiscount: (env, p) => {
    const s = sessionFor(env, 'RemoveDiscount', p.sessionId);
    return s.ok ? decideRemoveDiscount(checkState(env, s.value), p.discountId) : s;
  },
  SplitCheck: (env, p) => {
    const s = sessionFor(env, 'SplitCheck', p.sessionId);
    if (!s.ok) return s;
    const diners = p.split.mode === 'BY_DINER' ? loadDiners(env.db, s.value.id) : [];
    return decideSplitCheck(checkState(env, s.value), p.split, diners);
  },
  RecordPayment: (env, p) => {
    const s = sessionFor(env, 'RecordPayment', p.sessionId);
    if (!s.ok) return s;
    return decideRecordPayment(
      {
        ...checkState(env, s.value),
        payments: loadPayments(env.db, s.value.id),
        split: loadSplit(env.db, s.value.id) as StoredSplit | null,
      },
      p,
      env.ctx,
    );
  },
  RefundPayment: (env, p) => {
    const can = allowed(env, 'RefundPayment');
    if (!can.ok) return can;
    const payment = loadPayment(env.db, p.paymentId);
    if (!payment) return fail('NOT_FOUND', `payment ${p.paymentId} not found`);
    if (!loadSession(env.db, payment.sessionId)) return fail('INTERNAL', 'payment without a session');
    return decideRefundPayment({ payment }, p);
  },
  CloseSession: (env, p) => {
    const s = sessionFor(env, 'CloseSession', p.sessionId);
    if (!s.ok) return s;
    return decideCloseSession({ ...checkState(env, s.value), payments: loadPayments(env.db, s.value.id) });
  },
};
