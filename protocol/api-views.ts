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
  status: z.enum(ITEM_STATUSES),
  ticketId: z.string().nullable(),
});

export const sessionDetailSchema = z.object({
  session: z.object({
    id: z.string(),
    tableId: z.string(),
    sectorId: z.string(),
    status: z.enum(SESSION_STATUSES),
    guests: z.number().int(),
    roundCount: z.number().int(),
  }),
  diners: z.array(z.object({ id: z.string(), name: z.string().nullable(), seat: z.number().int() })),
  rounds: z.array(
    z.object({
      id: z.string(),
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
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    serviceChargeCents: z.number().int(),
    totalCents: z.number().int(),
    taxes: z.array(
      z.object({ rateBp: z.number(), grossCents: z.number(), baseCents: z.number(), taxCents: z.number() }),
    ),
  }),
  paidCents: z.number().int(),
  dueCents: z.number().int(),
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
