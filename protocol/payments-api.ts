// POST /api/payments/card: a card payment through the hub's card terminal (hub/payments/card-payments.ts).
import { z } from 'zod';
import { commandIdSchema, idSchema } from './ids.js';
import { centsSchema, positiveCentsSchema, type Cents } from './money.js';

export const cardPaymentRequestSchema = z.strictObject({
  /** Made by the client: a resend after a lost answer neither charges nor records twice. */
  commandId: commandIdSchema,
  payload: z.strictObject({
    sessionId: idSchema,
    /** The share of the split being paid (`split.shares[].key` of the session), or null for the check. */
    shareKey: idSchema.nullable().default(null),
    amountCents: positiveCentsSchema,
    tipCents: centsSchema.default(0 as Cents),
  }),
});

export const cardPaymentResultSchema = z.object({
  ok: z.literal(true),
  data: z.object({
    paymentId: z.string(),
    changeCents: z.number().int(),
    /** From the terminal, as on the slip. */
    approvalCode: z.string(),
    last4: z.string(),
  }),
  seq: z.number().int(),
});

/** GET /api/payments/card: whether this hub has a card terminal (else card payments are recorded from a slip). */
export const cardTerminalStatusSchema = z.object({
  available: z.boolean(),
  /** `virtual` approves every charge: a demo or a trial, no real money. */
  kind: z.enum(['virtual', 'device']).nullable(),
});
