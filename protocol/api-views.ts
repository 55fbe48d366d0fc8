// Response shapes of the hub's read API, shared by the hub (OpenAPI) and the apps.
import { z } from 'zod';
import {
  ALLERGENS,
  COURSES,
  ITEM_STATUSES,
  ROUND_STATUSES,
  SESSION_STATUSES,
  TABLE_STATES,
  TICKET_STATUSES,
  PAYMENT_METHODS,
  SERVICE_CALL_KINDS,
  SERVICE_CALL_STATUSES,
  localizedTextSchema,
  modifierGroupSchema,
  roleSchema,
} from './domain-values.js';
import { sessionTicketPrintSchema, ticketPrintStateSchema } from './printer-api-views.js';

export const productViewSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  name: localizedTextSchema,
  description: z.object({ es: z.string(), en: z.string() }),
  basePriceCents: z.number().int(),
  priceCents: z.number().int(),
  station: z.string(),
  course: z.enum(COURSES),
  taxRateBp: z.number().int(),
  allergens: z.array(z.enum(ALLERGENS)),
  modifierGroups: z.array(modifierGroupSchema),
  active: z.boolean(),
  available: z.boolean(),
  stockCount: z.number().int().nullable(),
});

export const menuViewSchema = z.object({
  catalogVersion: z.number().int(),
  currency: z.string(),
  stations: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
  categories: z.array(
    z.object({ id: z.string(), name: localizedTextSchema, products: z.array(productViewSchema) }),
  ),
});

export const floorViewSchema = z.object({
  sectors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tables: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          seats: z.number().int(),
          joinCode: z.string(),
          state: z.enum(TABLE_STATES),
          serviceCall: z.boolean(),
          sessionId: z.string().nullable(),
          guests: z.number().int().nullable(),
          openedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/** One dish on a kitchen ticket, as every kitchen view shows it. */
export const ticketItemBaseSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  qty: z.number().int(),
  modifiers: z.array(z.object({ name: z.string() }).passthrough()),
  notes: z.string(),
  allergens: z.array(z.string()),
  seat: z.number().int().nullable(),
});

export const kitchenTicketViewSchema = z.object({
  id: z.string(),
  station: z.string(),
  course: z.string(),
  status: z.enum(TICKET_STATUSES),
  dailyNumber: z.number().int(),
  tableLabel: z.string(),
  roundNumber: z.number().int(),
  waiterName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  bumpedItemIds: z.array(z.string()),
  /** The ticket's paper; null when its station has no printer (screen only). */
  print: ticketPrintStateSchema.nullable(),
  items: z.array(ticketItemBaseSchema.extend({ status: z.enum(ITEM_STATUSES) })),
});

const itemViewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  productId: z.string(),
  name: localizedTextSchema,
  unitPriceCents: z.number().int(),
  qty: z.number().int(),
  modifiers: z.array(
    z.object({ groupId: z.string(), optionId: z.string(), name: z.string(), priceDeltaCents: z.number() }),
  ),
  notes: z.string(),
  dinerId: z.string().nullable(),
  seat: z.number().int().nullable(),
  course: z.enum(COURSES),
  station: z.string(),
  taxRateBp: z.number().int(),
  allergens: z.array(z.enum(ALLERGENS)),
  status: z.enum(ITEM_STATUSES),
  ticketId: z.string().nullable(),
});

/** A line of the check: what counts (submitted, not voided) with its share of the discounts. */
const checkLineSchema = z.object({
  itemId: z.string(),
  productId: z.string(),
  name: z.string(),
  qty: z.number().int(),
  unitPriceCents: z.number().int(),
  /** Per unit, from the chosen modifiers. */
  modifiersCents: z.number().int(),
  taxRateBp: z.number().int(),
  dinerId: z.string().nullable(),
  seat: z.number().int().nullable(),
  status: z.enum(ITEM_STATUSES),
  /** qty × (unit price + modifiers). */
  grossCents: z.number().int(),
  /** This line's part of the check's discounts. */
  discountCents: z.number().int(),
  netCents: z.number().int(),
});

/** A discount as given: `value` is cents for AMOUNT, basis points (1500 = 15 %) for PERCENT. */
const discountViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['AMOUNT', 'PERCENT']),
  value: z.number().int(),
  reason: z.string(),
});

/** What one payer owes; `key` is the `shareKey` of RecordPayment. The shares sum to the split's total. */
const shareViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  amountCents: z.number().int(),
  items: z.array(
    z.object({
      itemId: z.string(),
      qty: z.number().int(),
      amountCents: z.number().int(),
      /** Present when the line is divided among this many shares. */
      sharedBy: z.number().int().optional(),
    }),
  ),
});

export const sessionDetailSchema = z.object({
  session: z.object({
    id: z.string(),
    tableId: z.string(),
    sectorId: z.string(),
    status: z.enum(SESSION_STATUSES),
    guests: z.number().int(),
    roundCount: z.number().int(),
    dinerCount: z.number().int(),
    /** The highest seat a diner took (seats of order lines run up to max(guests, maxSeat)). */
    maxSeat: z.number().int(),
    /** The session's events so far: send it as a command's `expectedVersion` to act only if unchanged. */
    version: z.number().int(),
  }),
  table: z
    .object({
      id: z.string(),
      sectorId: z.string(),
      label: z.string(),
      seats: z.number().int(),
      /** For the table's QR code (diners join with it). */
      joinCode: z.string(),
      active: z.boolean(),
    })
    .optional(),
  diners: z.array(z.object({ id: z.string(), name: z.string().nullable(), seat: z.number().int() })),
  rounds: z.array(
    z.object({
      id: z.string(),
      sessionId: z.string(),
      number: z.number().int(),
      status: z.enum(ROUND_STATUSES),
      /** STAFF (a waiter's tablet) or DINER (the table's own phones). */
      source: z.enum(['STAFF', 'DINER']),
      /** The name of the staff member who placed it; null for the diners' own rounds. */
      placedBy: z.string().nullable(),
      items: z.array(itemViewSchema),
    }),
  ),
  check: z.object({
    lines: z.array(checkLineSchema),
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    /** Each discount as applied (capped at the subtotal). */
    discounts: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['AMOUNT', 'PERCENT']),
        reason: z.string(),
        amountCents: z.number().int(),
      }),
    ),
    serviceChargeCents: z.number().int(),
    totalCents: z.number().int(),
    taxes: z.array(
      z.object({ rateBp: z.number(), grossCents: z.number(), baseCents: z.number(), taxCents: z.number() }),
    ),
  }),
  /** `discountId` of RemoveDiscount. */
  discounts: z.array(discountViewSchema),
  /** The split in force, if any; `stale` when the check changed since (split again). */
  split: z
    .object({
      mode: z.string(),
      totalCents: z.number().int(),
      shares: z.array(shareViewSchema),
      stale: z.boolean(),
    })
    .nullable(),
  /** `id` is the `paymentId` of RefundPayment. */
  payments: z.array(
    z.object({
      id: z.string(),
      sessionId: z.string(),
      shareKey: z.string().nullable(),
      method: z.enum(PAYMENT_METHODS),
      amountCents: z.number().int(),
      tipCents: z.number().int(),
      refundedCents: z.number().int(),
      status: z.enum(['CAPTURED', 'REFUNDED']),
    }),
  ),
  paidCents: z.number().int(),
  dueCents: z.number().int(),
  /** Open service calls of the table (not yet resolved). */
  serviceCalls: z.array(
    z.object({
      id: z.string(),
      sessionId: z.string(),
      tableId: z.string(),
      kind: z.enum(SERVICE_CALL_KINDS),
      status: z.enum(SERVICE_CALL_STATUSES),
    }),
  ),
  tickets: z.array(sessionTicketPrintSchema),
});

export const syncStatusSchema = z.object({
  pending: z.number().int(),
  parked: z.number().int(),
  deadLetters: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSeq: z.number().int(),
  paired: z.boolean(),
});

export const staffListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    active: z.boolean(),
    sectorIds: z.array(z.string()),
  }),
);

export const loginRequestSchema = z.object({
  staffId: z.string().min(1).max(64),
  pin: z.string().min(1).max(16),
});
export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(200) });
export const logoutRequestSchema = z.object({ refreshToken: z.string().min(1).max(200).optional() });
export const sessionTokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.string(),
  staff: z.object({ id: z.string(), name: z.string(), role: roleSchema, sectorIds: z.array(z.string()) }),
});
