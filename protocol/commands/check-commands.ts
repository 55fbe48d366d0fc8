// Check commands: discounts, splits into shares, payments and refunds. All money is integer cents.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { centsSchema, positiveCentsSchema, type Cents } from '../money.js';
import { noteSchema, paymentMethodSchema } from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const applyDiscountSchema = defineCommand(
  'ApplyDiscount',
  z.strictObject({
    sessionId: idSchema,
    kind: z.enum(['AMOUNT', 'PERCENT']),
    /** Cents for AMOUNT, basis points (1000 = 10 %) for PERCENT. */
    value: z
      .number()
      .int()
      .min(1)
      .max(1_000_000_000)
      .describe('AMOUNT: cents off the check. PERCENT: basis points, 1500 = 15 %, at most 10000 = 100 %.'),
    reason: noteSchema.min(1),
  }),
);

export const removeDiscountSchema = defineCommand(
  'RemoveDiscount',
  z.strictObject({ sessionId: idSchema, discountId: idSchema }),
);

export const splitModeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('NONE') }),
  z.strictObject({ mode: z.literal('EQUAL'), parts: z.number().int().min(1).max(50) }),
  z.strictObject({
    mode: z.literal('BY_ITEM'),
    assignments: z
      .array(z.strictObject({ itemId: idSchema, shareKey: idSchema, qty: z.number().int().min(1).max(99) }))
      .min(1)
      .max(500),
  }),
  z.strictObject({ mode: z.literal('BY_DINER') }),
  z.strictObject({ mode: z.literal('BY_SEAT') }),
]);
export type SplitMode = z.infer<typeof splitModeSchema>;

export const splitCheckSchema = defineCommand(
  'SplitCheck',
  z.strictObject({ sessionId: idSchema, split: splitModeSchema }),
);

export const recordPaymentSchema = defineCommand(
  'RecordPayment',
  z.strictObject({
    sessionId: idSchema,
    shareKey: idSchema.nullable().default(null),
    method: paymentMethodSchema,
    /** What this payment settles (at least 1 cent); the tip is apart. */
    amountCents: positiveCentsSchema,
    tipCents: centsSchema.default(0 as Cents),
    /** Cash only: what the diner handed over; change = tendered − amount − tip. */
    tenderedCents: centsSchema.nullable().default(null),
    /** Card only: copied from the card terminal's slip. */
    approvalCode: z
      .string()
      .regex(/^[A-Za-z0-9]{1,12}$/)
      .nullable()
      .default(null),
    last4: z
      .string()
      .regex(/^\d{4}$/)
      .nullable()
      .default(null),
  }),
);

export const refundPaymentSchema = defineCommand(
  'RefundPayment',
  z.strictObject({ paymentId: idSchema, amountCents: centsSchema, reason: noteSchema.min(1) }),
);
