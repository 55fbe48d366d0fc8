// Operational tables for the LAN edge: paired device tokens, printers and the durable print queue.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** A paired kitchen screen or tablet holds a long-lived token; only its hash is kept. */
export const deviceToken = sqliteTable(
  'device_token',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('device_token_hash_idx').on(t.tokenHash), index('device_token_device_idx').on(t.deviceId)],
);

export const printer = sqliteTable('printer', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull().default(9100),
  /** JSON array of station ids whose tickets this printer prints. */
  stations: text('stations').notNull(),
  paperWidthMm: integer('paper_width_mm').notNull().default(80),
  codepage: text('codepage').notNull().default('cp858'),
  backupPrinterId: text('backup_printer_id'),
  /** Prints checks (pre-bills and receipts) for waiters. */
  printsChecks: integer('prints_checks', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Last status the printer reported (JSON), for the admin and kitchen screens. */
  lastStatus: text('last_status'),
  lastStatusAt: text('last_status_at'),
});

/** One job per thing to print, written in the same transaction as what caused it. */
export const printJob = sqliteTable(
  'print_job',
  {
    id: text('id').primaryKey(),
    /** KITCHEN | VOID | PRE_BILL | RECEIPT */
    kind: text('kind').notNull(),
    ticketId: text('ticket_id'),
    sessionId: text('session_id'),
    printerId: text('printer_id'),
    station: text('station'),
    /** QUEUED | SENDING | PRINTED | FAILED | UNCERTAIN */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    /** The rendered view (JSON) so a retry prints exactly what was first queued. */
    view: text('view').notNull(),
    reprintOf: text('reprint_of'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    printedAt: text('printed_at'),
    printedOn: text('printed_on'),
  },
  (t) => [
    index('print_job_status_idx').on(t.status, t.nextAttemptAt),
    index('print_job_ticket_idx').on(t.ticketId),
  ],
);

/**
 * The card payment saga's journal: one row per charge asked of the card terminal, written before the
 * terminal is called, so that a hub killed between the charge and the payment's record finishes the
 * record (or reverses the charge) when it starts again. Operational state of an edge, like print jobs.
 */
export const cardCharge = sqliteTable(
  'card_charge',
  {
    /** The client's command id: the terminal's reference and the idempotency key of the whole saga. */
    reference: text('reference').primaryKey(),
    sessionId: text('session_id').notNull(),
    shareKey: text('share_key'),
    amountCents: integer('amount_cents').notNull(),
    tipCents: integer('tip_cents').notNull(),
    /** Who asked (JSON): the payment is recorded as them, also when a restart finishes it. */
    actor: text('actor').notNull(),
    requestId: text('request_id'),
    /** STARTED → CHARGED → RECORDED; DECLINED; REVERSED (charged, then the payment was refused). */
    status: text('status').notNull(),
    approvalCode: text('approval_code'),
    last4: text('last4'),
    /** The answer given (JSON), returned again to a resend. */
    result: text('result'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('card_charge_status_idx').on(t.status)],
);
