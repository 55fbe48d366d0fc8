// The write path's own tables: command results, the event log, the outbox, dead letters, the audit chain.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row per command id ever accepted: a resend returns `result` unchanged. */
export const commandLog = sqliteTable('command_log', {
  commandId: text('command_id').primaryKey(),
  type: text('type').notNull(),
  /** sha256 of the canonical payload: the same id with another payload is refused. */
  payloadHash: text('payload_hash').notNull(),
  actor: text('actor').notNull(),
  result: text('result').notNull(),
  ok: integer('ok', { mode: 'boolean' }).notNull(),
  lastSeq: integer('last_seq'),
  requestId: text('request_id'),
  createdAt: text('created_at').notNull(),
});

/** The source of truth. `seq` is the global order; wall clocks never decide order. */
export const event = sqliteTable(
  'event',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    branchId: text('branch_id').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    aggregateSeq: integer('aggregate_seq').notNull(),
    type: text('type').notNull(),
    data: text('data').notNull(),
    commandId: text('command_id'),
    actor: text('actor').notNull(),
    requestId: text('request_id'),
    occurredAt: text('occurred_at').notNull(),
    /** Events of one transaction share it; the relay never splits a transaction across batches. */
    txId: integer('tx_id').notNull(),
    /** JSON array of the live topics (station, sector, session, admin) the event belongs to, fixed at write time. */
    topics: text('topics').notNull().default('[]'),
  },
  (t) => [
    uniqueIndex('event_id_idx').on(t.id),
    uniqueIndex('event_aggregate_idx').on(t.aggregateType, t.aggregateId, t.aggregateSeq),
  ],
);

/** Events waiting to reach the cloud, written in the same transaction as the events. */
export const outbox = sqliteTable(
  'outbox',
  {
    eventSeq: integer('event_seq').primaryKey(),
    eventId: text('event_id').notNull(),
    aggregateKey: text('aggregate_key').notNull(),
    txId: integer('tx_id').notNull(),
    /** pending | parked (behind a dead letter of its aggregate) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.eventSeq),
    index('outbox_aggregate_idx').on(t.aggregateKey),
  ],
);

export const deadLetter = sqliteTable(
  'dead_letter',
  {
    eventSeq: integer('event_seq').primaryKey(),
    eventId: text('event_id').notNull(),
    aggregateKey: text('aggregate_key').notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    deadAt: text('dead_at').notNull(),
  },
  (t) => [index('dead_letter_aggregate_idx').on(t.aggregateKey)],
);

/** Money events, hash-chained: hash = sha256(prevHash + canonical entry). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    position: integer('position').primaryKey(),
    eventSeq: integer('event_seq').notNull(),
    eventType: text('event_type').notNull(),
    entry: text('entry').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // The relay ships each money event with its audit entry, looked up by the event's seq.
  (t) => [index('audit_log_event_seq_idx').on(t.eventSeq)],
);

export const refreshToken = sqliteTable(
  'refresh_token',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [
    uniqueIndex('refresh_token_hash_idx').on(t.tokenHash),
    index('refresh_token_staff_idx').on(t.staffId),
  ],
);

/** Small operational key/values: the JWT secret, the cloud pairing, cursors. Not event-sourced. */
export const hubMeta = sqliteTable('hub_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
