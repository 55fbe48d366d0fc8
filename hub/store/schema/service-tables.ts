// Read tables for the live service: sessions, diners, rounds, items, tickets, calls, checks, payments.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { diningTable } from './branch-tables.js';

export const tableSession = sqliteTable(
  'table_session',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    tableId: text('table_id')
      .notNull()
      .references(() => diningTable.id),
    status: text('status').notNull(),
    guests: integer('guests').notNull(),
    openedBy: text('opened_by'),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    mergedInto: text('merged_into'),
    roundCount: integer('round_count').notNull().default(0),
    /** JSON of the latest split: { mode, totalCents, shares[] }, or null. */
    split: text('split'),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('table_session_table_idx').on(t.tableId),
    // At most one live session per table: enforced by the domain and, as a backstop, here.
    uniqueIndex('table_session_one_live_idx')
      .on(t.tableId)
      .where(sql`status in ('OPEN','CHECK_REQUESTED','PAYING')`),
  ],
);

export const diner = sqliteTable(
  'diner',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => tableSession.id),
    name: text('name'),
    seat: integer('seat').notNull(),
    joinedAt: text('joined_at').notNull(),
  },
  (t) => [index('diner_session_idx').on(t.sessionId)],
);

export const discount = sqliteTable(
  'discount',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => tableSession.id),
    kind: text('kind').notNull(),
    value: integer('value').notNull(),
    reason: text('reason').notNull(),
    appliedBy: text('applied_by'),
    appliedAt: text('applied_at').notNull(),
  },
  (t) => [index('discount_session_idx').on(t.sessionId)],
);

export const round = sqliteTable(
  'round',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => tableSession.id),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
    readyAt: text('ready_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [index('round_session_idx').on(t.sessionId), index('round_status_idx').on(t.status)],
);

export const roundItem = sqliteTable(
  'round_item',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => round.id),
    position: integer('position').notNull(),
    productId: text('product_id').notNull(),
    nameEs: text('name_es').notNull(),
    nameEn: text('name_en').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    qty: integer('qty').notNull(),
    /** JSON array of chosen modifiers (snapshots with price deltas). */
    modifiers: text('modifiers').notNull(),
    modifiersCents: integer('modifiers_cents').notNull(),
    notes: text('notes').notNull(),
    dinerId: text('diner_id'),
    seat: integer('seat'),
    course: text('course').notNull(),
    station: text('station').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    allergens: text('allergens').notNull(),
    status: text('status').notNull(),
    ticketId: text('ticket_id'),
    addedBy: text('added_by'),
    voidReason: text('void_reason'),
  },
  (t) => [index('round_item_round_idx').on(t.roundId), index('round_item_ticket_idx').on(t.ticketId)],
);

export const kitchenTicket = sqliteTable(
  'kitchen_ticket',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    roundId: text('round_id')
      .notNull()
      .references(() => round.id),
    sessionId: text('session_id').notNull(),
    tableId: text('table_id').notNull(),
    station: text('station').notNull(),
    course: text('course').notNull(),
    status: text('status').notNull(),
    dailyNumber: integer('daily_number').notNull(),
    businessDay: text('business_day').notNull(),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    readyAt: text('ready_at'),
    /** JSON array of item ids bumped one by one before the whole ticket. */
    bumpedItemIds: text('bumped_item_ids').notNull(),
  },
  (t) => [
    index('kitchen_ticket_station_status_idx').on(t.station, t.status),
    index('kitchen_ticket_round_idx').on(t.roundId),
    uniqueIndex('kitchen_ticket_daily_number_idx').on(t.businessDay, t.dailyNumber),
  ],
);

export const serviceCall = sqliteTable(
  'service_call',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => tableSession.id),
    tableId: text('table_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: text('acknowledged_at'),
    resolvedAt: text('resolved_at'),
    escalatedAt: text('escalated_at'),
  },
  (t) => [index('service_call_status_idx').on(t.status), index('service_call_session_idx').on(t.sessionId)],
);

export const payment = sqliteTable(
  'payment',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => tableSession.id),
    shareKey: text('share_key'),
    method: text('method').notNull(),
    amountCents: integer('amount_cents').notNull(),
    tipCents: integer('tip_cents').notNull(),
    tenderedCents: integer('tendered_cents'),
    changeCents: integer('change_cents').notNull(),
    approvalCode: text('approval_code'),
    last4: text('last4'),
    status: text('status').notNull(),
    refundedCents: integer('refunded_cents').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('payment_session_idx').on(t.sessionId)],
);
