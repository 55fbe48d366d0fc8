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

  it('counts nothing of a payment marked REFUNDED, whatever its refunded amount says', () => {
    const refunded: PaymentRecord = { amountCents: 2_500, refundedCents: 0, status: 'REFUNDED' };
    expect(netPaid([refunded])).toBe(0);
    expect(remainingDue(2_500, [refunded])).toBe(2_500);
  });
});

describe('validatePayment', () => {
  it('gives change from €120.00 cash for a €100.00 bill with a €5.00 tip', () => {
    const result = validatePayment(pay({ method: 'CASH', tipCents: 500, tenderedCents: 12_000 }));
    expect(result).toEqual({ ok: true, value: { changeCents: 1_500 } });
  });

  it('gives no change when the cash handed over is exactly amount plus tip', () => {
    const result = validatePayment(pay({ method: 'CASH', tipCents: 500, tenderedCents: 10_500 }));
    expect(result).toEqual({ ok: true, value: { changeCents: 0 } });
  });

  it('hands back tendered − amount − tip as change, and refuses cash short of amount plus tip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: -3_000, max: 5_000 }),
        (amountCents, tipCents, overCents) => {
          const tenderedCents = amountCents + tipCents + overCents;
          fc.pre(tenderedCents >= 0);
          const result = validatePayment(pay({ method: 'CASH', amountCents, tipCents, tenderedCents }));
          if (overCents >= 0) expect(result).toEqual({ ok: true, value: { changeCents: overCents } });
          else expect(errorCode(result)).toBe('INVALID');
        },
      ),
    );
  });

  it('treats cash without a tendered amount as exact money', () => {
    expect(validatePayment(pay({ method: 'CASH' }))).toEqual({ ok: true, value: { changeCents: 0 } });
  });

  it('accepts a payment of one cent, the smallest amount that settles anything', () => {
    expect(validatePayment(pay({ amountCents: 1 }))).toEqual({ ok: true, value: { changeCents: 0 } });
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
    // The till reads what it may still take from the refusal.
    expect(!result.ok && result.error.details).toEqual({ amountCents: 3_334, dueCents: 3_333 });
  });

  it('accepts paying exactly what a share still owes after part of it was paid', () => {
    const share = { amountCents: 3_334, paidCents: 1_000 };
    expect(validatePayment(pay({ paidCents: 1_000, amountCents: 2_334, share }))).toEqual({
      ok: true,
      value: { changeCents: 0 },
    });
  });

  it('refuses any further payment on a share that is settled, even while the bill still owes', () => {
    const result = validatePayment(
      pay({ paidCents: 3_334, amountCents: 1, share: { amountCents: 3_334, paidCents: 3_334 } }),
    );
    expect(errorCode(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.details).toEqual({ amountCents: 1, shareDueCents: 0 });
  });

  it("rejects paying more than the share's remainder even when the bill could take it", () => {
    const result = validatePayment(pay({ amountCents: 3_400, share: { amountCents: 3_334, paidCents: 0 } }));
    expect(errorCode(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.message).toMatch(/on the share/);
    expect(!result.ok && result.error.details).toEqual({ amountCents: 3_400, shareDueCents: 3_334 });
  });

  it('rejects cash that does not cover amount plus tip as INVALID, telling the cashier what is needed', () => {
    expect(validatePayment(pay({ method: 'CASH', tipCents: 500, tenderedCents: 10_200 }))).toEqual({
      ok: false,
      error: {
        code: 'INVALID',
        message: 'tendered 102.00 does not cover amount plus tip 105.00',
        details: { tenderedCents: 10_200, neededCents: 10_500 },
      },
    });
  });

  it('rejects a fractional tendered amount rather than hand back part of a cent', () => {
    expect(errorCode(validatePayment(pay({ method: 'CASH', tenderedCents: 10_000.5 })))).toBe('INVALID');
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
    ['a fractional share amount', { amountCents: 3_334, share: { amountCents: 3_334.5, paidCents: 0 } }],
    ['a negative paid on the share', { amountCents: 3_334, share: { amountCents: 3_334, paidCents: -1 } }],
  ])('rejects %s as INVALID', (_name, over) => {
    expect(errorCode(validatePayment(pay(over)))).toBe('INVALID');
  });

  // The waiter sees the message of a refusal; the details carry the numbers at fault.
  it.each([
    ['the total', { totalCents: 0.5 }, /total/, { totalCents: 0.5, paidCents: 0 }],
    ['what was paid', { paidCents: -1 }, /paid/, { totalCents: 10_000, paidCents: -1 }],
    [
      'the share',
      { share: { amountCents: 1, paidCents: 0.5 } },
      /share/,
      { share: { amountCents: 1, paidCents: 0.5 } },
    ],
    ['the amount', { amountCents: 0 }, /amount/, { amountCents: 0 }],
    ['the tip', { tipCents: -100 }, /tip/, { tipCents: -100 }],
    [
      'tendered money on a card',
      { tenderedCents: 10_000 },
      /only for cash/,
      { method: 'CARD', tenderedCents: 10_000 },
    ],
    ['the tendered cash', { method: 'CASH' as const, tenderedCents: -1 }, /tendered/, { tenderedCents: -1 }],
  ])('names %s when refusing it as INVALID', (_name, over, message, details) => {
    expect(validatePayment(pay(over))).toEqual({
      ok: false,
      error: { code: 'INVALID', message: expect.stringMatching(message), details },
    });
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

  it('refunds a single cent, the smallest refund', () => {
    expect(validateRefund({ capturedCents: 5_000, refundedCents: 0, amountCents: 1 })).toEqual({
      ok: true,
      value: { refundedCents: 1, fullyRefunded: false },
    });
  });

  it('rejects refunding more than was captured as CONFLICT, saying what is left to refund', () => {
    const result = validateRefund({ capturedCents: 5_000, refundedCents: 2_000, amountCents: 3_001 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'refund of 30.01 exceeds the 30.00 left to refund',
        details: { amountCents: 3_001, refundableCents: 3_000 },
      },
    });
  });

  it('rejects any further refund of a fully refunded payment as CONFLICT: nothing is left', () => {
    const result = validateRefund({ capturedCents: 5_000, refundedCents: 5_000, amountCents: 1 });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.details).toEqual({ amountCents: 1, refundableCents: 0 });
  });

  it('rejects a zero refund and an impossible history as INVALID', () => {
    expect(errorCode(validateRefund({ capturedCents: 5_000, refundedCents: 0, amountCents: 0 }))).toBe(
      'INVALID',
    );
    expect(errorCode(validateRefund({ capturedCents: 5_000, refundedCents: 6_000, amountCents: 1 }))).toBe(
      'INVALID',
    );
  });

  it.each([
    ['a fractional captured amount', { capturedCents: 5_000.5, refundedCents: 0 }],
    ['a fractional refunded amount', { capturedCents: 5_000, refundedCents: 0.5 }],
    ['a negative refunded amount', { capturedCents: 5_000, refundedCents: -1 }],
  ])('rejects a payment with %s as INVALID, naming both numbers', (_name, history) => {
    expect(validateRefund({ ...history, amountCents: 1 })).toEqual({
      ok: false,
      error: { code: 'INVALID', message: expect.stringMatching(/captured and refunded/), details: history },
    });
  });

  it('names the refund amount when refusing it as INVALID', () => {
    expect(validateRefund({ capturedCents: 5_000, refundedCents: 0, amountCents: 0.5 })).toEqual({
      ok: false,
      error: {
        code: 'INVALID',
        message: expect.stringMatching(/refund amount/),
        details: { amountCents: 0.5 },
      },
    });
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
