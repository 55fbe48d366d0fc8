// HTTP shapes of the diner app (served at /t/<join code>): the table behind a join code, the menu,
// and the diner's own session — the shared cart (the PENDING round), earlier rounds with who added
// each line, the check and the open service calls. A diner token reads nothing else.
import { z } from 'zod';
import {
  COURSES,
  ITEM_STATUSES,
  ROUND_STATUSES,
  SERVICE_CALL_KINDS,
  SERVICE_CALL_STATUSES,
  SESSION_STATUSES,
  localizedTextSchema,
} from './domain-values.js';
import { commandResultSchema } from './commands/command.js';

/** What the join screen shows before anyone joins: which table and restaurant the QR code is for. */
export const dinerTableViewSchema = z.object({
  tableLabel: z.string(),
  branchName: z.string(),
  /** False until a waiter seats the table: joining answers CONFLICT until then. */
  open: z.boolean(),
});

/** Who added a line: a diner of this table (by name, when they gave one) or a member of staff. */
export const lineAuthorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('diner'),
    dinerId: z.string(),
    name: z.string().nullable(),
    seat: z.number().int(),
  }),
  z.object({ kind: z.literal('staff'), name: z.string() }),
]);

export const dinerLineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  name: localizedTextSchema,
  qty: z.number().int(),
  unitPriceCents: z.number().int(),
  modifiers: z.array(z.object({ name: z.string(), priceDeltaCents: z.number().int() })),
  notes: z.string(),
  course: z.enum(COURSES),
  status: z.enum(ITEM_STATUSES),
  /** qty × (unit price + modifier deltas). */
  lineTotalCents: z.number().int(),
  addedBy: lineAuthorSchema.nullable(),
  /** The diner asking added it: they may change or remove it while the round is pending. */
  mine: z.boolean(),
});

export const dinerRoundSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  source: z.enum(['STAFF', 'DINER']),
  items: z.array(dinerLineSchema),
  totalCents: z.number().int(),
});

export const dinerSessionViewSchema = z.object({
  session: z.object({
    id: z.string(),
    tableId: z.string(),
    tableLabel: z.string(),
    status: z.enum(SESSION_STATUSES),
    guests: z.number().int(),
    openedAt: z.string(),
  }),
  branchName: z.string(),
  me: z.object({ dinerId: z.string(), name: z.string().nullable(), seat: z.number().int() }),
  diners: z.array(z.object({ id: z.string(), name: z.string().nullable(), seat: z.number().int() })),
  settings: z.object({
    currency: z.string(),
    /** A diner's round waits for a waiter's ConfirmRound before the kitchen sees it. */
    dinerRoundsNeedConfirmation: z.boolean(),
  }),
  /** The shared cart: the session's PENDING round, or null when nobody has added anything yet. */
  cart: dinerRoundSchema.nullable(),
  /** Every round past PENDING, oldest first (canceled ones included, for the record). */
  rounds: z.array(dinerRoundSchema),
  check: z.object({
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    serviceChargeCents: z.number().int(),
    totalCents: z.number().int(),
    taxes: z.array(z.object({ rateBp: z.number().int(), taxCents: z.number().int() })),
    paidCents: z.number().int(),
    dueCents: z.number().int(),
  }),
  serviceCalls: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SERVICE_CALL_KINDS),
      status: z.enum(SERVICE_CALL_STATUSES),
      createdAt: z.string(),
    }),
  ),
  /** The hub's last event sequence when this was read: subscribe with it as `afterSeq`. */
  lastSeq: z.number().int(),
});
export type DinerSessionView = z.infer<typeof dinerSessionViewSchema>;
export type DinerLine = z.infer<typeof dinerLineSchema>;

export const dinerCommandResponseSchema = commandResultSchema;
