// The durable print queue (`print_job`): one row per paper to print, written in the same transaction
// as what caused it, moved through its lifecycle by the print job writer (beside the job's events) and
// by the print worker (claims and retries, which are operational and carry no event).
import type Database from 'better-sqlite3';
import type { PrintJobKind, PrintJobStatus } from '../../protocol/printer-values.js';
import type { PrintJobView } from '../domain/printer-decide.js';
import { stmt } from './statements.js';

export interface PrintJobRow extends PrintJobView {
  /** The view to render, as JSON; parsed with its schema before printing. */
  view: string;
  attempts: number;
  nextAttemptAt: string | null;
  reprintOf: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  printedAt: string | null;
  printedOn: string | null;
}

type Row = Record<string, unknown>;

function jobFromRow(r: Row): PrintJobRow {
  return {
    id: r.id as string,
    kind: r.kind as PrintJobKind,
    status: r.status as PrintJobStatus,
    ticketId: (r.ticket_id as string | null) ?? null,
    sessionId: (r.session_id as string | null) ?? null,
    station: (r.station as string | null) ?? null,
    printerId: (r.printer_id as string | null) ?? null,
    view: r.view as string,
    attempts: r.attempts as number,
    nextAttemptAt: (r.next_attempt_at as string | null) ?? null,
    reprintOf: (r.reprint_of as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    printedAt: (r.printed_at as string | null) ?? null,
    printedOn: (r.printed_on as string | null) ?? null,
  };
}

export interface NewPrintJob {
  id: string;
  kind: PrintJobKind;
  ticketId: string | null;
  sessionId: string | null;
  station: string | null;
  printerId: string;
  view: unknown;
  reprintOf: string | null;
  at: string;
}

export function insertPrintJob(db: Database.Database, job: NewPrintJob): void {
  stmt(
    db,
    `INSERT INTO print_job (id, kind, ticket_id, session_id, printer_id, station, status, attempts, view, reprint_of,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.kind,
    job.ticketId,
    job.sessionId,
    job.printerId,
    job.station,
    JSON.stringify(job.view),
    job.reprintOf,
    job.at,
    job.at,
  );
}

export function loadPrintJob(db: Database.Database, id: string): PrintJobRow | undefined {
  const r = stmt(db, 'SELECT * FROM print_job WHERE id = ?').get(id) as Row | undefined;
  return r && jobFromRow(r);
}

/** The kitchen papers (tickets and their reprints, not VOID slips) of one ticket, oldest first. */
export function kitchenJobsOfTicket(db: Database.Database, ticketId: string): PrintJobRow[] {
  return (
    stmt(db, "SELECT * FROM print_job WHERE ticket_id = ? AND kind = 'KITCHEN' ORDER BY rowid").all(
      ticketId,
    ) as Row[]
  ).map(jobFromRow);
}

/** Every job in a state, oldest first. */
export function jobsWithStatus(db: Database.Database, status: PrintJobStatus): PrintJobRow[] {
  return (stmt(db, 'SELECT * FROM print_job WHERE status = ? ORDER BY rowid').all(status) as Row[]).map(
    jobFromRow,
  );
}

/**
 * The head of each printer's queue: its oldest QUEUED job, whatever its retry time, because a later
 * job must never overtake an earlier one on the same printer (FIFO).
 */
export function queueHeads(db: Database.Database): PrintJobRow[] {
  return (
    stmt(
      db,
      `SELECT j.* FROM print_job j
       JOIN (SELECT printer_id, min(rowid) AS first FROM print_job WHERE status = 'QUEUED' GROUP BY printer_id) h
         ON j.rowid = h.first`,
    ).all() as Row[]
  ).map(jobFromRow);
}

/** QUEUED → SENDING, counting the attempt. False when the job was no longer queued. */
export function claimPrintJob(db: Database.Database, id: string, at: string): boolean {
  const info = stmt(
    db,
    "UPDATE print_job SET status = 'SENDING', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'QUEUED'",
  ).run(at, id);
  return info.changes === 1;
}

/** SENDING → QUEUED after an attempt that provably left nothing on the printer. */
export function scheduleRetry(
  db: Database.Database,
  id: string,
  opts: { at: string; nextAttemptAt: string; error: string },
): void {
  stmt(
    db,
    "UPDATE print_job SET status = 'QUEUED', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'",
  ).run(opts.nextAttemptAt, opts.error, opts.at, id);
}

/**
 * A kitchen copy that came back from a failed attempt after its ticket was voided is canceled rather
 * than retried, with any VOID slip queued only because it might have printed. True when canceled.
 */
export function cancelIfTicketVoided(
  db: Database.Database,
  job: { id: string; ticketId: string | null; kind: string },
  at: string,
): boolean {
  if (job.kind !== 'KITCHEN' || job.ticketId === null) return false;
  const ticket = stmt(db, 'SELECT status FROM kitchen_ticket WHERE id = ?').get(job.ticketId) as
    { status: string } | undefined;
  if (ticket?.status !== 'VOID') return false;
  return db.transaction(() => {
    stmt(
      db,
      "UPDATE print_job SET status = 'CANCELED', updated_at = ?, last_error = 'ticket voided before it printed' WHERE id = ?",
    ).run(at, job.id);
    const onPaper = stmt(
      db,
      "SELECT 1 FROM print_job WHERE ticket_id = ? AND kind = 'KITCHEN' AND status IN ('PRINTED','SENDING','UNCERTAIN')",
    ).get(job.ticketId);
    if (!onPaper) {
      stmt(
        db,
        "UPDATE print_job SET status = 'CANCELED', updated_at = ? WHERE ticket_id = ? AND kind = 'VOID' AND status = 'QUEUED'",
      ).run(at, job.ticketId);
    }
    return true;
  })();
}

/** A printer is back: its waiting jobs go now rather than at their backed-off time. */
export function retryNow(db: Database.Database, printerId: string, at: string): number {
  return stmt(
    db,
    "UPDATE print_job SET next_attempt_at = NULL, updated_at = ? WHERE printer_id = ? AND status = 'QUEUED' AND next_attempt_at IS NOT NULL",
  ).run(at, printerId).changes;
}

export function setJobStatus(
  db: Database.Database,
  id: string,
  change: {
    status: PrintJobStatus;
    at: string;
    error?: string | null;
    printedOn?: string;
    printerId?: string;
  },
): void {
  stmt(
    db,
    `UPDATE print_job SET status = ?, updated_at = ?, last_error = coalesce(?, last_error),
       printed_at = CASE WHEN ? = 'PRINTED' THEN ? ELSE printed_at END,
       printed_on = coalesce(?, printed_on),
       printer_id = coalesce(?, printer_id),
       next_attempt_at = CASE WHEN ? = 'QUEUED' THEN NULL ELSE next_attempt_at END
     WHERE id = ?`,
  ).run(
    change.status,
    change.at,
    change.error ?? null,
    change.status,
    change.at,
    change.printedOn ?? null,
    change.printerId ?? null,
    change.status,
    id,
  );
}

/** Replaces the view of a job not yet sent (an item voided while it waited). */
export function replaceQueuedView(db: Database.Database, id: string, view: unknown, at: string): void {
  stmt(db, "UPDATE print_job SET view = ?, updated_at = ? WHERE id = ? AND status = 'QUEUED'").run(
    JSON.stringify(view),
    at,
    id,
  );
}

export function countJobsByStatus(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of stmt(db, 'SELECT status, count(*) AS n FROM print_job GROUP BY status').all() as Row[])
    out[r.status as string] = r.n as number;
  return out;
}
