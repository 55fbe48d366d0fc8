// Read tables for the tenant, branch, menu, floor, staff and devices.
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const tenant = sqliteTable('tenant', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const branch = sqliteTable('branch', {
  id: text('id').primaryKey(),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenant.id),
  name: text('name').notNull(),
  /** BranchSettings as JSON (parsed with its zod schema when read). */
  settings: text('settings').notNull(),
  catalogVersion: integer('catalog_version').notNull().default(0),
});

export const station = sqliteTable('station', {
  id: text('id').primaryKey(),
  branchId: text('branch_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
});

export const category = sqliteTable('category', {
  id: text('id').primaryKey(),
  branchId: text('branch_id').notNull(),
  nameEs: text('name_es').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
});

export const product = sqliteTable(
  'product',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => category.id),
    nameEs: text('name_es').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionEs: text('description_es').notNull(),
    descriptionEn: text('description_en').notNull(),
    priceCents: integer('price_cents').notNull(),
    station: text('station').notNull(),
    course: text('course').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    /** JSON array of allergen names. */
    allergens: text('allergens').notNull(),
    /** JSON array of modifier groups. */
    modifierGroups: text('modifier_groups').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('product_category_idx').on(t.categoryId)],
);

/** Per-branch price override, availability (86) and a stock count that runs down. */
export const branchProduct = sqliteTable('branch_product', {
  productId: text('product_id')
    .primaryKey()
    .references(() => product.id),
  branchId: text('branch_id').notNull(),
  priceCents: integer('price_cents'),
  available: integer('available', { mode: 'boolean' }).notNull(),
  stockCount: integer('stock_count'),
});

export const sector = sqliteTable('sector', {
  id: text('id').primaryKey(),
  branchId: text('branch_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
});

export const diningTable = sqliteTable(
  'dining_table',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id').notNull(),
    sectorId: text('sector_id')
      .notNull()
      .references(() => sector.id),
    label: text('label').notNull(),
    seats: integer('seats').notNull(),
    joinCode: text('join_code').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    uniqueIndex('dining_table_join_code_idx').on(t.joinCode),
    index('dining_table_sector_idx').on(t.sectorId),
  ],
);

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  branchId: text('branch_id').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  pinHash: text('pin_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
});

export const waiterAssignment = sqliteTable(
  'waiter_assignment',
  {
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    sectorId: text('sector_id')
      .notNull()
      .references(() => sector.id),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.sectorId] })],
);

export const device = sqliteTable('device', {
  id: text('id').primaryKey(),
  branchId: text('branch_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  station: text('station'),
});
