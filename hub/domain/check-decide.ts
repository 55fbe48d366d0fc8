// Decisions on the check: discounts, splits, payments, refunds and closing the session.
import type { PayloadOf } from '../../protocol/commands/command.js';
import type { BranchSettings } from '../../protocol/domain-values.js';
import { computeCheck } from './check/check-compute.js';
import type { Check, Share } from './check/check-types.js';
import { netPaid, validatePayment, validateRefund } from './check/payment-rules.js';
import { splitByGroup } from './check/split-by-group.js';
import { splitByItem } from './check/split-by-item.js';
import { splitEqual } from './check/split-equal.js';
import { decided, ev, type Decision } from './decision.js';
import { sessionLifecycle } from './lifecycle/session-lifecycle.js';
import { transition } from './lifecycle/lifecycle.js';
import { fail, ok, type Result } from './result.js';
import type { DecideContext, PaymentView, RoundView, SessionView } from './views.js';

export interface CheckState {
  session: SessionView;
  rounds: readonly RoundView[];
  discounts: ReadonlyArray<{ id: string; kind: 'AMOUNT' | 'PERCENT'; value: number; reason: string }>;
  settings: BranchSettings;
}

export interface StoredSplit {
  mode: string;
  totalCents: number;
  shares: Share[];
}

/** The check as it stands: derived from the session's items, never stored by hand. */
export function checkOf(state: CheckState): Check {
  return computeCheck({
    lines: state.rounds.flatMap((r) =>
      r.items.map((i) => ({
        itemId: i.id,
        productId: i.productId,
        name: i.name.es,
        qty: i.qty,
        unitPriceCents: i.unitPriceCents,
        modifiersCents: i.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0),
        taxRateBp: i.taxRateBp,
        dinerId: i.dinerId,
        seat: i.seat,
        status: i.status,
      })),
    ),
    discounts: state.discounts,
    guests: state.session.guests,
    settings: {
      serviceChargeBp: state.settings.serviceChargeBp,
      serviceChargeMinGuests: state.settings.serviceChargeMinGuests,
    },
  });
}

export function decideApplyDiscount(
  state: CheckState,
  p: PayloadOf<'ApplyDiscount'>,
  ctx: DecideContext,
): Result<Decision> {
  const can = transition('session', sessionLifecycle, state.session.status, 'edit');
  if (!can.ok) return can;
  if (p.kind === 'PERCENT' && p.value > 10_000)
    return fail('INVALID', 'a percent discount cannot exceed 100 %');
  const discountId = ctx.newId();
  return decided(
    [
      ev('DiscountApplied', {
        sessionId: state.session.id,
        discountId,
        kind: p.kind,
        value: p.value,
        reason: p.reason,
      }),
    ],
    { discountId },
  );
}

export function decideRemoveDiscount(state: CheckState, discountId: string): Result<Decision> {
  const can = transition('session', sessionLifecycle, state.session.status, 'edit');
  if (!can.ok) return can;
  if (!state.discounts.some((d) => d.id === discountId))
    return fail('NOT_FOUND', `discount ${discountId} not found`);
  return decided([ev('DiscountRemoved', { sessionId: state.session.id, discountId })]);
}

/** How a split by diner names its shares: the diner's name, else "Diner <seat>". */
export interface DinerLabel {
  id: string;
  name: string | null;
  seat: number;
}

export function decideSplitCheck(
  state: CheckState,
  split: PayloadOf<'SplitCheck'>['split'],
  diners: readonly DinerLabel[] = [],
): Result<Decision> {
  const can = transition('session', sessionLifecycle, state.session.status, 'edit');
  if (!can.ok) return can;
  const check = checkOf(state);
  let shares: Result<Share[]>;
  switch (split.mode) {
    case 'NONE':
      shares = ok([]);
      break;
    case 'EQUAL':
      shares = splitEqual(check, split.parts);
      break;
    case 'BY_ITEM':
      shares = splitByItem(check, split.assignments);
      break;
    case 'BY_DINER': {
      shares = splitByGroup(check, 'DINER');
      // A waiter reads the shares aloud: "Eva", not a diner id.
      const byKey = new Map(diners.map((d) => [`diner-${d.id}`, d.name ?? `Diner ${d.seat}`]));
      if (shares.ok) shares = ok(shares.value.map((sh) => ({ ...sh, label: byKey.get(sh.key) ?? sh.label })));
      break;
    }
    case 'BY_SEAT':
      shares = splitByGroup(check, 'SEAT');
      break;
  }
  if (!shares.ok) return shares;
  const data = {
    sessionId: state.session.id,
    mode: split.mode,
    totalCents: check.totalCents,
    shares: shares.value,
  };
  return decided([ev('CheckSplit', data)], { totalCents: check.totalCents, shares: shares.value });
}

export function decideRecordPayment(
  state: CheckState & { payments: readonly PaymentView[]; split: StoredSplit | null },
  p: PayloadOf<'RecordPayment'>,
  ctx: DecideContext,
): Result<Decision> {
  const can = transition('session', sessionLifecycle, state.session.status, 'pay');
  if (!can.ok) return can;
  const check = checkOf(state);
  if (p.method !== 'CASH' && p.tenderedCents !== null)
    return fail('INVALID', 'tendered cash is only for cash payments');
  if (p.method !== 'CARD' && (p.approvalCode !== null || p.last4 !== null)) {
    return fail('INVALID', 'approval code and last4 are only for card payments');
  }
  let share: { amountCents: number; paidCents: number } | undefined;
  if (p.shareKey !== null) {
    if (!state.split) return fail('CONFLICT', 'the check is not split');
    if (state.split.totalCents !== check.totalCents) {
      return fail('CONFLICT', 'the check changed since it was split: split it again');
    }
    const s = state.split.shares.find((x) => x.key === p.shareKey);
    if (!s) return fail('NOT_FOUND', `share ${p.shareKey} not found`);
    share = {
      amountCents: s.amountCents,
      paidCents: netPaid(state.payments.filter((x) => x.shareKey === s.key)),
    };
  }
  const valid = validatePayment({
    totalCents: check.totalCents,
    paidCents: netPaid(state.payments),
    amountCents: p.amountCents,
    tipCents: p.tipCents,
    method: p.method,
    ...(p.tenderedCents !== null ? { tenderedCents: p.tenderedCents } : {}),
    ...(share ? { share } : {}),
  });
  if (!valid.ok) return valid;
  const paymentId = ctx.newId();
  const paid = netPaid(state.payments) + p.amountCents;
  return decided(
    [
      ev('PaymentRecorded', {
        sessionId: state.session.id,
        paymentId,
        shareKey: p.shareKey,
        method: p.method,
        amountCents: p.amountCents,
        tipCents: p.tipCents,
        tenderedCents: p.tenderedCents,
        changeCents: valid.value.changeCents,
        approvalCode: p.approvalCode,
        last4: p.last4,
      }),
    ],
    {
      paymentId,
      changeCents: valid.value.changeCents,
      remainingCents: check.totalCents - paid,
      totalCents: check.totalCents,
    },
  );
}

export function decideRefundPayment(
  input: { payment: PaymentView & { sessionId: string } },
  p: PayloadOf<'RefundPayment'>,
): Result<Decision> {
  const { payment } = input;
  const valid = validateRefund({
    capturedCents: payment.amountCents,
    refundedCents: payment.refundedCents,
    amountCents: p.amountCents,
  });
  if (!valid.ok) return valid;
  return decided(
    [
      ev('PaymentRefunded', {
        sessionId: payment.sessionId,
        paymentId: payment.id,
        amountCents: p.amountCents,
        reason: p.reason,
      }),
    ],
    { paymentId: payment.id, refundedCents: valid.value.refundedCents },
  );
}

export function decideCloseSession(
  state: CheckState & { payments: readonly PaymentView[] },
): Result<Decision> {
  const can = transition('session', sessionLifecycle, state.session.status, 'close');
  if (!can.ok) return can;
  const waiting = state.rounds.filter(
    (r) => (r.status === 'PENDING' && r.items.length > 0) || r.status === 'SUBMITTED',
  );
  if (waiting.length > 0) {
    return fail(
      'CONFLICT',
      `round ${waiting.map((r) => r.number).join(', ')} has not gone to the kitchen: send or cancel it`,
    );
  }
  const check = checkOf(state);
  const paid = netPaid(state.payments);
  if (paid !== check.totalCents) {
    return fail('CONFLICT', `the check is not settled: ${check.totalCents - paid} cents still due`, {
      totalCents: check.totalCents,
      paidCents: paid,
    });
  }
  const tipsCents = state.payments
    .filter((x) => x.status !== 'REFUNDED')
    .reduce((sum, x) => sum + x.tipCents, 0);
  return decided(
    [
      ev('SessionClosed', {
        sessionId: state.session.id,
        totalCents: check.totalCents,
        paidCents: paid,
        tipsCents,
      }),
    ],
    {
      totalCents: check.totalCents,
      paidCents: paid,
      tipsCents,
    },
  );
}
