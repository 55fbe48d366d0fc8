// What the cloud has ingested from each hub, its contiguous cursor and audit chain, and the hub's health.
import {
  bigint,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { MONEY_EVENTS } from '../../../protocol/audit-entry.js';
import { hubs } from './tenant-tables.js';

/** The hub events the cloud's catalog copy is built from (catalog-ingest-tail.ts). */
export const CATALOG_EVENT_TYPES = [
  'CategoryUpserted',
  'StationUpserted',
  'ProductUpserted',
  'BranchPriceSet',
  'ProductAvailabilitySet',
  'StockAdjusted',
] as const;

/** `'A', 'B', …` for a constant list of event types in SQL (they are names from the code, not input). */
export const typeList = (types: Iterable<string>): string => [...types].map((t) => `'${t}'`).join(', ');

/**
 * Every applied event, once: the primary key (hub_id, event_id) is the idempotency key, written in the
 * same transaction as the projections. Rejected events are not stored, so a fixed resend still lands.
 */
export const ingestedEvents = pgTable(
  'ingested_events',
  {
    // No foreign key to hubs: only an authenticated hub's batch writes here, and Postgres checks a
    // foreign key with a trigger per row (measured ≈ 3 µs of an ingested event's ≈ 38 µs of Postgres
    // CPU). Hubs are revoked, never deleted.
    hubId: text('hub_id').notNull(),
    eventId: text('event_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    branchId: text('branch_id').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    aggregateSeq: integer('aggregate_seq').notNull(),
    type: text('type').notNull(),
    txId: bigint('tx_id', { mode: 'number' }).notNull(),
    /** Stored as received (not as parsed), so the audit chain hashes exactly what the hub hashed. */
    data: json('data').notNull(),
    actor: json('actor').notNull(),
    commandId: text('command_id'),
    requestId: text('request_id'),
    /** The hub's clock, kept verbatim: used for business days and the audit entry, never for order. */
    occurredAt: text('occurred_at').notNull(),
    /** The hub's audit entry for money events, compared when the cloud's chain reaches this seq. */
    hubAudit: json('hub_audit'),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.eventId] }),
    uniqueIndex('ingested_events_seq_idx').on(t.hubId, t.seq),
    uniqueIndex('ingested_events_aggregate_idx').on(t.hubId, t.aggregateType, t.aggregateId, t.aggregateSeq),
    // The two readers by type (the catalog copy, the audit fold) each want one small set of types in seq
    // order: a partial index each costs an insert only for events of that set, where one index on
    // (hub_id, type, seq) cost every event an insert (≈ 1 of its 7.5 index entries, WAL included).
    // Queries must name the types as constants for the planner to match the predicate.
    index('ingested_events_catalog_idx')
      .on(t.hubId, t.seq)
      .where(sql.raw(`type IN (${typeList(CATALOG_EVENT_TYPES)})`)),
    index('ingested_events_money_idx')
      .on(t.hubId, t.seq)
      .where(sql.raw(`type IN (${typeList(MONEY_EVENTS)})`)),
  ],
);

/** Per hub: every seq ≤ highestContiguousSeq is committed; the audit chain is folded up to auditSeq. */
export const ingestCursors = pgTable('ingest_cursors', {
  hubId: text('hub_id')
    .primaryKey()
    .references(() => hubs.id),
  highestContiguousSeq: bigint('highest_contiguous_seq', { mode: 'number' }).notNull().default(0),
  auditSeq: bigint('audit_seq', { mode: 'number' }).notNull().default(0),
  auditPosition: integer('audit_position').notNull().default(0),
  auditHeadHash: text('audit_head_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What owners see about each hub: last contact, lag, backlog and dead letters, audit chain health. */
export const hubStatus = pgTable('hub_status', {
  hubId: text('hub_id')
    .primaryKey()
    .references(() => hubs.id),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
  backlog: integer('backlog').notNull().default(0),
  deadLetters: integer('dead_letters').notNull().default(0),
  oldestPendingAgeMs: bigint('oldest_pending_age_ms', { mode: 'number' }),
  eventsApplied: bigint('events_applied', { mode: 'number' }).notNull().default(0),
  eventsDuplicate: bigint('events_duplicate', { mode: 'number' }).notNull().default(0),
  eventsRejected: bigint('events_rejected', { mode: 'number' }).notNull().default(0),
  /** The first audit disagreement found; kept until an operator looks, never overwritten by a later one. */
  auditBreakSeq: bigint('audit_break_seq', { mode: 'number' }),
  auditBreakReason: text('audit_break_reason'),
  auditBreakAt: timestamp('audit_break_at', { withTimezone: true }),
});
