// Owner accounts (per tenant) and their dashboard sessions. Passwords are argon2id hashes; a session
// row is keyed by sha256 of the opaque id in the browser's cookie, so a leaked table cannot sign anyone in.
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from './tenant-tables.js';

export const ownerAccounts = pgTable(
  'owner_accounts',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Stored lower-case; one account per email across the cloud, so login needs no tenant picker. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** owner | viewer */
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('owner_accounts_email_idx').on(t.email),
    index('owner_accounts_tenant_idx').on(t.tenantId),
  ],
);

export const ownerSessions = pgTable(
  'owner_sessions',
  {
    /** hex sha256 of the cookie's random id. */
    idHash: text('id_hash').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => ownerAccounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('owner_sessions_account_idx').on(t.accountId)],
);
