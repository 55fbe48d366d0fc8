// Where each kitchen ticket's paper stands, read from the print queue: what the waiter sees as
// "printed at Parrilla" and the kitchen screen as an alert when the paper failed or is uncertain.
import type Database from 'better-sqlite3';
import type { PrintJobStatus } from '../../../protocol/printer-values.js';
import { stmt } from '../statements.js';

export interface TicketPrintState {
  jobId: string;
  status: PrintJobStatus;
  /** The printer it printed on, or is queued for. */
  printerId: string | null;
  printerName: string | null;
  printedAt: string | null;
  attempts: number;
  reprint: boolean;
  /** UNCERTAIN (confirm or reprint) or FAILED (on the screen only): a person should look. */
  needsAttention: boolean;
  lastError: string | null;
}

type Row = Record<string, unknown>;

/** The latest kitchen job of each ticket; tickets without one (no printer for the station) are absent. */
export function ticketPrintStates(
  db: Database.Database,
  ticketIds: readonly string[],
): Map<string, TicketPrintState> {
  const out = new Map<string, TicketPrintState>();
  if (ticketIds.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT j.*, p.name AS printer_name FROM print_job j LEFT JOIN printer p ON p.id = coalesce(j.printed_on, j.printer_id)
     WHERE j.kind = 'KITCHEN' AND j.ticket_id IN (SELECT value FROM json_each(?)) ORDER BY j.rowid`,
  ).all(JSON.stringify(ticketIds)) as Row[];
  for (const r of rows) {
    const status = r.status as PrintJobStatus;
    out.set(r.ticket_id as string, {
      jobId: r.id as string,
      status,
      printerId: ((r.printed_on ?? r.printer_id) as string | null) ?? null,
      printerName: (r.printer_name as string | null) ?? null,
      printedAt: (r.printed_at as string | null) ?? null,
      attempts: r.attempts as number,
      reprint: (JSON.parse(r.view as string) as { kind?: string }).kind === 'REPRINT',
      needsAttention: status === 'UNCERTAIN' || status === 'FAILED',
      lastError: (r.last_error as string | null) ?? null,
    });
  }
  return out;
}

/** Tickets of one session, with their station and print state, for the waiter's table view. */
export function sessionTicketPrints(db: Database.Database, sessionId: string) {
  const tickets = stmt(
    db,
    `SELECT k.id, k.round_id, k.station, k.course, k.status, k.daily_number, s.name AS station_name
     FROM kitchen_ticket k LEFT JOIN station s ON s.id = k.station WHERE k.session_id = ? ORDER BY k.daily_number`,
  ).all(sessionId) as Row[];
  const states = ticketPrintStates(
    db,
    tickets.map((t) => t.id as string),
  );
  return tickets.map((t) => ({
    ticketId: t.id as string,
    roundId: t.round_id as string,
    station: t.station as string,
    stationName: (t.station_name as string | null) ?? (t.station as string),
    course: t.course as string,
    status: t.status as string,
    dailyNumber: t.daily_number as number,
    print: states.get(t.id as string) ?? null,
  }));
}
