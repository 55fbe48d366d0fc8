// Who the cloud serves: tenants (restaurant groups), their branches, each branch's hub and its API keys.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const branches = pgTable(
  'branches',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The hub's branch settings the owner figures depend on, kept from its BranchInitialized and
    // BranchSettingsUpdated events. The defaults are the hub's own (protocol/domain-values.ts), so a
    // branch whose hub never changed them is right before any such event arrives.
    /** IANA zone: business days and report hours are the branch's wall clock, not UTC. */
    timeZone: text('time_zone').notNull().default('Europe/Madrid'),
    /** Local hour at which the business day changes: a table closed at 00:30 counts for the day before. */
    businessDayStartsAtHour: integer('business_day_starts_at_hour').notNull().default(5),
    currency: text('currency').notNull().default('EUR'),
  },
  (t) => [index('branches_tenant_idx').on(t.tenantId)],
);

/** A branch has one live hub; a replaced machine gets a new hub id, so history stays per hub. */
export const hubs = pgTable(
  'hubs',
  {
    id: text('id').primaryKey(),
    branchId: text('branch_id')
      .notNull()
      .references(() => branches.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hubs_branch_idx').on(t.branchId)],
);

/**
 * Hub API keys. The secret is never stored: `signingKeyHash` is sha256 of it (deriveSigningKey), which
 * is also the HMAC key. A rotated-out key gets `expiresAt` (24 h later); revoke sets `revokedAt` now.
 */
export const hubApiKeys = pgTable(
  'hub_api_keys',
  {
    keyId: text('key_id').primaryKey(),
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    signingKeyHash: text('signing_key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('hub_api_keys_hub_idx').on(t.hubId)],
);
