// Owner read models, updated in the ingest transaction. Keyed by branch: hub-made ids are UUIDv7.
// Business days are the branch's (protocol/business-time.ts): the local date of the hub's occurredAt in the
// branch time zone, minus the hours before the day's start hour (branches.time_zone and
// business_day_starts_at_hour), so a table closed at 00:30 on Saturday counts for Friday.
import { bigint, integer, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const projSessions = pgTable(
  'proj_sessions',
  {
    branchId: text('branch_id').notNull(),
    sessionId: text('session_id').notNull(),
    tableId: text('table_id').notNull(),
    guests: integer('guests').notNull(),
    /** OPEN | CLOSED | VOIDED | MERGED */
    status: text('status').notNull(),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    businessDay: text('business_day'),
    /** Local wall-clock hour (0–23, branch time zone) of a SessionClosed, for the per-hour report. */
    closedHour: integer('closed_hour'),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    tipsCents: bigint('tips_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.sessionId] }),
    index('proj_sessions_status_idx').on(t.branchId, t.status),
  ],
);

export const projRounds = pgTable(
  'proj_rounds',
  {
    branchId: text('branch_id').notNull(),
    roundId: text('round_id').notNull(),
    sessionId: text('session_id').notNull(),
    number: integer('number').notNull(),
    source: text('source').notNull(),
    /**
     * DRAFT (a cart: staff or diner still adding) | SUBMITTED (a diner's round waiting for a waiter's
     * confirmation) | PLACED (confirmed, or never needed it) | CANCELED
     */
    status: text('status').notNull(),
    businessDay: text('business_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.roundId] })],
);

export const projRoundItems = pgTable(
  'proj_round_items',
  {
    branchId: text('branch_id').notNull(),
    itemId: text('item_id').notNull(),
    roundId: text('round_id').notNull(),
    productId: text('product_id').notNull(),
    name: text('name').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    modifiersCents: bigint('modifiers_cents', { mode: 'number' }).notNull(),
    qty: integer('qty').notNull(),
    /**
     * DRAFT (in a round not yet submitted: never ordered) | ACTIVE | VOIDED | REMOVED | CANCELED: only
     * ACTIVE counts as sold. DRAFT lines become ACTIVE, counted on the day their round is submitted.
     */
    status: text('status').notNull(),
    businessDay: text('business_day').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.itemId] }),
    index('proj_round_items_round_idx').on(t.branchId, t.roundId),
  ],
);

/** Items sold per product per day, net of voids, removals and canceled rounds. */
export const projProductSales = pgTable(
  'proj_product_sales',
  {
    branchId: text('branch_id').notNull(),
    businessDay: text('business_day').notNull(),
    productId: text('product_id').notNull(),
    name: text('name').notNull(),
    qty: bigint('qty', { mode: 'number' }).notNull().default(0),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.businessDay, t.productId] })],
);

/** One row per branch and day. Revenue is the sum of closed sessions' totals. */
export const projBranchDaily = pgTable(
  'proj_branch_daily',
  {
    branchId: text('branch_id').notNull(),
    businessDay: text('business_day').notNull(),
    revenueCents: bigint('revenue_cents', { mode: 'number' }).notNull().default(0),
    sessionsClosed: integer('sessions_closed').notNull().default(0),
    paymentsCents: bigint('payments_cents', { mode: 'number' }).notNull().default(0),
    tipsCents: bigint('tips_cents', { mode: 'number' }).notNull().default(0),
    refundsCents: bigint('refunds_cents', { mode: 'number' }).notNull().default(0),
    roundsPlaced: integer('rounds_placed').notNull().default(0),
    roundsCanceled: integer('rounds_canceled').notNull().default(0),
    itemsVoided: integer('items_voided').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.businessDay] })],
);

export const projPayments = pgTable(
  'proj_payments',
  {
    branchId: text('branch_id').notNull(),
    paymentId: text('payment_id').notNull(),
    sessionId: text('session_id').notNull(),
    method: text('method').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    tipCents: bigint('tip_cents', { mode: 'number' }).notNull(),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    businessDay: text('business_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.paymentId] })],
);
