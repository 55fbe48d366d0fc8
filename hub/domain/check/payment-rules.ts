// The rules money must obey when it is recorded: no payment beyond what is due, change only for cash,
// no refund beyond what was captured. Tips are kept apart from the amounts that settle the check.
import { cents, type Cents } from '../../../protocol/money.js';
import { fail, ok, type Result } from '../result.js';

export type PaymentMethod = 'CASH' | 'CARD' | 'OTHER';
export type PaymentStatus = 'CAPTURED' | 'REFUNDED';

/** What the rules need of a recorded payment. `amountCents` excludes the tip. */
export interface PaymentRecord {
  amountCents: number;
  refundedCents: number;
  status: PaymentStatus;
}

const isWhole = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** What the payments settle of the check: captured amounts less refunds; a REFUNDED payment settles nothing. */
export function netPaid(payments: readonly PaymentRecord[]): Cents {
  return cents(
    payments.reduce((sum, p) => {
      if (p.status === 'REFUNDED') return sum;
      return sum + Math.max(0, p.amountCents - Math.min(p.refundedCents, p.amountCents));
    }, 0),
  );
}

/** What is still due on a check of `totalCents`; never below zero. */
export function remainingDue(totalCents: number, payments: readonly PaymentRecord[]): Cents {
  return cents(Math.max(0, totalCents - netPaid(payments)));
}

export interface PaymentAttempt {
  totalCents: number;
  /** Net already paid on the check (see `netPaid`). */
  paidCents: number;
  amountCents: number;
  tipCents: number;
  method: PaymentMethod;
  /** Cash handed over; only for cash. Missing means exact money. */
  tenderedCents?: number;
  /** When paying a share of a split: what the share owes and what it has paid. */
  share?: { amountCents: number; paidCents: number };
}

const money = (n: number): string => (n / 100).toFixed(2);

/** Bad numbers, whatever is due: INVALID. */
function findInvalid(attempt: PaymentAttempt): Result<never> | null {
  const { totalCents, paidCents, amountCents, tipCents, method, tenderedCents, share } = attempt;
  if (!isWhole(totalCents) || !isWhole(paidCents)) {
    return fail('INVALID', 'total and paid must be whole cents >= 0', { totalCents, paidCents });
  }
  if (share !== undefined && (!isWhole(share.amountCents) || !isWhole(share.paidCents))) {
    return fail('INVALID', 'share amount and paid must be whole cents >= 0', { share });
  }
  if (!isWhole(amountCents) || amountCents < 1) {
    return fail('INVALID', `payment amount must be whole cents >= 1, got ${amountCents}`, { amountCents });
  }
  if (!isWhole(tipCents))
    return fail('INVALID', `tip must be whole cents >= 0, got ${tipCents}`, { tipCents });
  if (tenderedCents === undefined) return null;
  if (method !== 'CASH') {
    return fail('INVALID', `tendered is only for cash, not ${method}`, { method, tenderedCents });
  }
  if (!isWhole(tenderedCents)) {
    return fail('INVALID', `tendered must be whole cents >= 0, got ${tenderedCents}`, { tenderedCents });
  }
  const needed = amountCents + tipCents;
  if (tenderedCents < needed) {
    const message = `tendered ${money(tenderedCents)} does not cover amount plus tip ${money(needed)}`;
    return fail('INVALID', message, { tenderedCents, neededCents: needed });
  }
  return null;
}

/** Checks a payment before it is recorded and works out the change to hand back. */
export function validatePayment(attempt: PaymentAttempt): Result<{ changeCents: Cents }> {
  const invalid = findInvalid(attempt);
  if (invalid !== null) return invalid;

  const { totalCents, paidCents, amountCents, tipCents, tenderedCents, share } = attempt;
  const due = Math.max(0, totalCents - paidCents);
  if (amountCents > due) {
    const message = `payment of ${money(amountCents)} exceeds the ${money(due)} still due`;
    return fail('CONFLICT', message, { amountCents, dueCents: due });
  }
  if (share !== undefined) {
    const shareDue = Math.max(0, share.amountCents - share.paidCents);
    if (amountCents > shareDue) {
      const message = `payment of ${money(amountCents)} exceeds the ${money(shareDue)} still due on the share`;
      return fail('CONFLICT', message, { amountCents, shareDueCents: shareDue });
    }
  }
  // The tip comes out of what was handed over, so the change is what is left after amount and tip.
  return ok({ changeCents: cents(tenderedCents === undefined ? 0 : tenderedCents - amountCents - tipCents) });
}

export interface RefundAttempt {
  capturedCents: number;
  /** Already refunded on this payment. */
  refundedCents: number;
  amountCents: number;
}

/** Checks a refund on one payment; returns the payment's refunded total after it and whether it is now whole. */
export function validateRefund(
  attempt: RefundAttempt,
): Result<{ refundedCents: Cents; fullyRefunded: boolean }> {
  const { capturedCents, refundedCents, amountCents } = attempt;
  if (!isWhole(capturedCents) || !isWhole(refundedCents) || refundedCents > capturedCents) {
    return fail('INVALID', 'captured and refunded must be whole cents with refunded <= captured', {
      capturedCents,
      refundedCents,
    });
  }
  if (!isWhole(amountCents) || amountCents < 1) {
    return fail('INVALID', `refund amount must be whole cents >= 1, got ${amountCents}`, { amountCents });
  }
  const refundable = capturedCents - refundedCents;
  if (amountCents > refundable) {
    return fail(
      'CONFLICT',
      `refund of ${money(amountCents)} exceeds the ${money(refundable)} left to refund`,
      {
        amountCents,
        refundableCents: refundable,
      },
    );
  }
  const after = refundedCents + amountCents;
  return ok({ refundedCents: cents(after), fullyRefunded: after === capturedCents });
}
