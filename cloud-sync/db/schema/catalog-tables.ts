// The cloud's copy of each branch's menu, the owner's change log that hubs pull, and which version each
// hub reports as applied. The copy starts from the hub's own catalog events (ingest) and then follows
// both the owner's edits and the hub's events, in the hub's order (docs/CLOUD.md, "Catalog").
import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { branches, hubs } from './tenant-tables.js';

export const catalogCategories = pgTable(
  'catalog_categories',
  {
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    categoryId: text('category_id').notNull(),
    /** { es, en } */
    name: jsonb('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.categoryId] })],
);

export const catalogStations = pgTable(
  'catalog_stations',
  {
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    stationId: text('station_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.stationId] })],
);

export const catalogProducts = pgTable(
  'catalog_products',
  {
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    productId: text('product_id').notNull(),
    categoryId: text('category_id').notNull(),
    name: jsonb('name').notNull(),
    description: jsonb('description').notNull(),
    /** The product's base price; `branchPriceCents` overrides it at this branch when set. */
    priceCents: bigint('price_cents', { mode: 'number' }).notNull(),
    branchPriceCents: bigint('branch_price_cents', { mode: 'number' }),
    station: text('station').notNull(),
    course: text('course').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    allergens: jsonb('allergens').notNull(),
    modifierGroups: jsonb('modifier_groups').notNull(),
    active: boolean('active').notNull().default(true),
    available: boolean('available').notNull().default(true),
    stockCount: integer('stock_count'),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.productId] })],
);

/** Per branch: the newest change version and the oldest one still kept (older `since` → must_refetch). */
export const catalogHeads = pgTable('catalog_heads', {
  branchId: text('branch_id')
    .primaryKey()
    .references(() => branches.id),
  headVersion: bigint('head_version', { mode: 'number' }).notNull().default(0),
  oldestVersion: bigint('oldest_version', { mode: 'number' }).notNull().default(1),
});

/** The owner's changes, one hub command each, numbered per branch; `changeId` is the hub's command id. */
export const catalogChanges = pgTable(
  'catalog_changes',
  {
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    version: bigint('version', { mode: 'number' }).notNull(),
    changeId: text('change_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
    /** The owner account that made it (email kept so the log reads after an account is removed). */
    madeBy: text('made_by').notNull(),
    /** First time the branch's hub reported a catalog version ≥ this one: the hub's clock, ISO-8601. */
    appliedAt: text('applied_at'),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.version] }),
    uniqueIndex('catalog_changes_id_idx').on(t.changeId),
  ],
);

/** What each hub last reported in its ingest batches' `hub.catalog`. */
export const catalogHubApplied = pgTable('catalog_hub_applied', {
  hubId: text('hub_id')
    .primaryKey()
    .references(() => hubs.id),
  version: bigint('version', { mode: 'number' }).notNull(),
  /** The hub's clock: when it applied `version` (shown as "applied at"). */
  appliedAt: text('applied_at').notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
});

/**
 * How far the catalog copy has read each hub's ingested catalog events. The copy tails `ingested_events`
 * up to the hub's contiguous cursor (everything at or below it is stored), so it needs no hook inside the
 * ingest transaction and can be rebuilt by resetting this row.
 */
export const catalogIngestCursors = pgTable('catalog_ingest_cursors', {
  hubId: text('hub_id')
    .primaryKey()
    .references(() => hubs.id),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});
