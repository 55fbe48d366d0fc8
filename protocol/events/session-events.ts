// Events of a table session: seating, diners, moves, the check, payments and closing.
import { z } from 'zod';
import { paymentMethodSchema } from '../domain-values.js';
import { defineEvent } from './define-event.js';

const id = z.string();
const cents = z.number().int().min(0);

export const sessionOpened = defineEvent(
  'SessionOpened',
  'session',
  z.object({ sessionId: id, tableId: id, guests: z.number().int(), openedBy: id.nullable() }),
);
export const dinerJoined = defineEvent(
  'DinerJoined',
  'session',
  z.object({ sessionId: id, dinerId: id, name: z.string().nullable(), seat: z.number().int() }),
);
export const guestsUpdated = defineEvent(
  'GuestsUpdated',
  'session',
  z.object({ sessionId: id, guests: z.number().int() }),
);
export const sessionTransferred = defineEvent(
  'SessionTransferred',
  'session',
  z.object({ sessionId: id, fromTableId: id, toTableId: id }),
);
export const sessionMerged = defineEvent(
  'SessionMerged',
  'session',
  z.object({ sessionId: id, intoSessionId: id }),
);
export const checkRequested = defineEvent('CheckRequested', 'session', z.object({ sessionId: id }));
export const sessionClosed = defineEvent(
  'SessionClosed',
  'session',
  z.object({ sessionId: id, totalCents: cents, paidCents: cents, tipsCents: cents }),
);
export const sessionVoided = defineEvent(
  'SessionVoided',
  'session',
  z.object({ sessionId: id, reason: z.string() }),
);
export const discountApplied = defineEvent(
  'DiscountApplied',
  'session',
  z.object({
    sessionId: id,
    discountId: id,
    kind: z.enum(['AMOUNT', 'PERCENT']),
    value: z.number().int(),
    reason: z.string(),
  }),
);
export const discountRemoved = defineEvent(
  'DiscountRemoved',
  'session',
  z.object({ sessionId: id, discountId: id }),
);
export const shareSchema = z.object({
  key: z.string(),
  label: z.string(),
  amountCents: cents,
  items: z.array(z.object({ itemId: id, qty: z.number().int(), amountCents: cents })),
});
export const checkSplit = defineEvent(
  'CheckSplit',
  'session',
  z.object({ sessionId: id, mode: z.string(), totalCents: cents, shares: z.array(shareSchema) }),
);
export const paymentRecorded = defineEvent(
  'PaymentRecorded',
  'session',
  z.object({
    sessionId: id,
    paymentId: id,
    shareKey: id.nullable(),
    method: paymentMethodSchema,
    amountCents: cents,
    tipCents: cents,
    tenderedCents: cents.nullable(),
    changeCents: cents,
    approvalCode: z.string().nullable(),
    last4: z.string().nullable(),
  }),
);
export const paymentRefunded = defineEvent(
  'PaymentRefunded',
  'session',
  z.object({ sessionId: id, paymentId: id, amountCents: cents, reason: z.string() }),
);
