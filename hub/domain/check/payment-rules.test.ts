import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitEvenly } from './allocate.js';
import {
  netPaid,
  remainingDue,
  validatePayment,
  validateRefund,
  type PaymentAttempt,
  type PaymentRecord,
} from './payment-rules.js';

const errorCode = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code);
const pay = (over: Partial<PaymentAttempt>): PaymentAttempt => ({
  totalCents: 10_000,
  paidCents: 0,
  amountCents: 10_000,
  tipCents: 0,
  method: 'CARD',
  ...over,
});

describe('remainingDue', () => {
  it('subtracts captured payments less their refunds and ignores refunded ones', () => {
    const payments: PaymentRecord[] = [
      { amountCents: 3_334, refundedCents: 0, status: 'CAPTURED' },
      { amountCents: 3_333, refundedCents: 1_000, status: 'CAPTURED' },
      { amountCents: 3_333, refundedCents: 3_333, status: 'REFUNDED' },
    ];
    expect(netPaid(payments)).toBe(5_667);
    expect(remainingDue(10_000, payments)).toBe(4_333);
  });

  it('is zero, never negative, once the bill is paid', () => {
    expect(remainingDue(10_000, [{ amountCents: 10_000, refundedCents: 0, status: 'CAPTURED' }])).toBe(0);
  });
});

describe('validatePayment', () => {
  it('gives change from €120.00 cash for a €100.00 bill with a €5.00 tip', () => {
    const result = validatePayment(pay({ method: 'CASH', tipCents: 500, tenderedCents: 12_000 }));
    expect(result).toEqual({ ok: true, value: { changeCents: 1_500 } });
  });

  it('treats cash without a tendered amount as exact money', () => {
    expect(validatePayment(pay({ method: 'CASH' }))).toEqual({ ok: true, value: { changeCents: 0 } });
  });

  it('accepts a card payment of part of the bill with no change', () => {
    expect(validatePayment(pay({ amountCents: 3_334, tipCents: 300 }))).toEqual({
      ok: true,
      value: { changeCents: 0 },
    });
  });

  it('rejects paying more than is still due as CONFLICT', () => {
    const result = validatePayment(pay({ paidCents: 6_667, amountCents: 3_334 }));
    expect(errorCode(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.message).toBe('payment of 33.34 exceeds the 33.33 still due');
  });

  it("rejects paying more than the share's remainder even when the bill could take it", () => {
    const result = validatePayment(pay({ amountCents: 3_400, share: { amountCents: 3_334, paidCents: 0 } }));
    expect(errorCode(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.message).toMatch(/on the share/);
  });

  it('rejects cash that does not cover amount plus tip as INVALID', () => {
    expect(errorCode(validatePayment(pay({ method: 'CASH', tipCents: 500, tenderedCents: 10_200 })))).toBe(
      'INVALID',
    );
  });

  it('rejects a tendered amount on a card payment', () => {
    expect(errorCode(validatePayment(pay({ method: 'CARD', tenderedCents: 10_000 })))).toBe('INVALID');
  });

  it.each([
    ['a zero amount', { amountCents: 0 }],
    ['a fractional amount', { amountCents: 99.5 }],
    ['a negative tip', { tipCents: -100 }],
    ['a fractional tip', { tipCents: 0.5 }],
    ['a negative total', { totalCents: -1 }],
  ])('rejects %s as INVALID', (_name, over) => {
    expect(errorCode(validatePayment(pay(over)))).toBe('INVALID');
  });
});

describe('validateRefund', () => {
  it('refunds part of a payment and then the rest, marking it fully refunded', () => {
    expect(validateRefund({ capturedCents: 5_000, refundedCents: 0, amountCents: 2_000 })).toEqual({
      ok: true,
      value: { refundedCents: 2_000, fullyRefunded: false },
    });
    expect(validateRefund({ capturedCents: 5_000, refundedCents: 2_000, amountCents: 3_000 })).toEqual({
      ok: true,
      value: { refundedCents: 5_000, fullyRefunded: true },
    });
  });

  it('rejects refunding more than was captured as CONFLICT', () => {
    const result = validateRefund({ capturedCents: 5_000, refundedCents: 2_000, amountCents: 3_001 });
    expect(errorCode(result)).toBe('CONFLICT');
  });

  it('rejects a zero refund and an impossible history as INVALID', () => {
    expect(errorCode(validateRefund({ capturedCents: 5_000, refundedCents: 0, amountCents: 0 }))).toBe(
      'INVALID',
    );
    expect(errorCode(validateRefund({ capturedCents: 5_000, refundedCents: 6_000, amountCents: 1 }))).toBe(
      'INVALID',
    );
  });
});

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    /** null: a payment on the whole check rather than on one share. */
    share: fc.option(fc.nat(), { nil: null, freq: 2 }),
    // Either any amount, or one that lands within two cents of what is due, where the edge cases live.
    amount: fc.oneof(
      fc.record({ exactly: fc.integer({ min: -5, max: 6_000 }) }),
      fc.record({ dueOffset: fc.integer({ min: -2, max: 2 }) }),
    ),
    tipCents: fc.integer({ min: 0, max: 1_000 }),
    method: fc.constantFrom('CASH' as const, 'CARD' as const, 'OTHER' as const),
    tenderedCents: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined, freq: 2 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    payment: fc.nat(),
    amountCents: fc.integer({ min: 0, max: 3_000 }),
  }),
);

describe('payment rules over random sessions', () => {
  it('never let the paid amount pass the total, on the check or on any share paid against', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(operation, { maxLength: 40, size: 'medium' }),
        (totalCents, shareCount, ops) => {
          const shares = splitEvenly(totalCents, shareCount);
          const payments: Array<PaymentRecord & { share: number | null }> = [];
          for (const op of ops) {
            if (op.kind === 'pay') {
              const share = op.share === null ? null : op.share % shareCount;
              const sharePaid = netPaid(payments.filter((p) => p.share === share));
              const due =
                share === null ? remainingDue(totalCents, payments) : (shares[share] ?? 0) - sharePaid;
              const amountCents = 'exactly' in op.amount ? op.amount.exactly : due + op.amount.dueOffset;
              const result = validatePayment({
                ...op,
                amountCents,
                totalCents,
                paidCents: netPaid(payments),
                share: share === null ? undefined : { amountCents: shares[share] ?? 0, paidCents: sharePaid },
              });
              if (result.ok) payments.push({ share, amountCents, refundedCents: 0, status: 'CAPTURED' });
            } else if (payments.length > 0) {
              const p = payments[op.payment % payments.length];
              if (p === undefined) continue;
              const result = validateRefund({
                capturedCents: p.amountCents,
                refundedCents: p.refundedCents,
                amountCents: op.amountCents,
              });
              if (result.ok) {
                p.refundedCents = result.value.refundedCents;
                if (result.value.fullyRefunded) p.status = 'REFUNDED';
              }
            }
            expect(netPaid(payments)).toBeLessThanOrEqual(totalCents);
            expect(netPaid(payments) + remainingDue(totalCents, payments)).toBe(totalCents);
            shares.forEach((amount, i) =>
              expect(netPaid(payments.filter((p) => p.share === i))).toBeLessThanOrEqual(amount),
            );
            for (const p of payments) expect(p.refundedCents).toBeLessThanOrEqual(p.amountCents);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
