// The print queue's transactional writer: the bus calls it for each event it appends, inside the same
// savepoint, so a kitchen ticket and its print job (or a void and its VOID slip) commit together or
// not at all. It is deliberately not a projector: replaying the log must never queue paper again.
import type Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { stmt } from '../store/statements.js';
import {
  insertPrintJob,
  kitchenJobsOfTicket,
  replaceQueuedView,
  setJobStatus,
  type PrintJobRow,
} from '../store/print-job-store.js';
import { printerForStation } from '../store/printer-store.js';
import { loadCheckPrintView, loadKitchenTicketView } from './print-view-loaders.js';

export type TransactionalWriter = (db: Database.Database, event: EventEnvelope) => void;

/** Jobs whose paper may be in the kitchen's hands: a void must follow them on paper too. */
const ON_PAPER = new Set(['PRINTED', 'SENDING', 'UNCERTAIN']);

export const printJobWriter: TransactionalWriter = (db, e) => {
  const at = e.occurredAt;
  switch (e.type) {
    case 'TicketCreated': {
      const printer = printerForStation(db, e.data.station);
      if (!printer) return; // No printer for the station: the ticket lives on its screen only.
      const view = loadKitchenTicketView(db, { ticketId: e.data.ticketId, kind: 'NEW' });
      if (!view) throw new Error(`ticket ${e.data.ticketId} vanished before its print job was written`);
      insertPrintJob(db, {
        id: uuidv7(),
        kind: 'KITCHEN',
        ticketId: e.data.ticketId,
        sessionId: e.data.sessionId,
        station: e.data.station,
        printerId: printer.id,
        view,
        reprintOf: null,
        at,
      });
      return;
    }
    case 'ItemVoided':
      return voidItem(db, e.data.itemId, e.data.reason, at);
    case 'TicketVoided':
      return voidTicket(db, e.data.ticketId, e.data.reason, at);
    case 'TicketReprintRequested': {
      const d = e.data;
      const jobs = kitchenJobsOfTicket(db, d.ticketId);
      if (d.replacesJobId) {
        setJobStatus(db, d.replacesJobId, { status: 'FAILED', at, error: 'the kitchen asked for a reprint' });
      }
      const view = loadKitchenTicketView(db, { ticketId: d.ticketId, kind: 'REPRINT' });
      if (!view) throw new Error(`ticket ${d.ticketId} not found for its reprint`);
      insertPrintJob(db, {
        id: d.jobId,
        kind: 'KITCHEN',
        ticketId: d.ticketId,
        sessionId: sessionOfTicket(db, d.ticketId),
        station: d.station,
        printerId: d.printerId,
        view,
        reprintOf: d.replacesJobId ?? jobs[jobs.length - 1]?.id ?? null,
        at,
      });
      return;
    }
    case 'CheckPrintRequested': {
      const d = e.data;
      const view = loadCheckPrintView(db, { sessionId: d.sessionId, kind: d.kind, at });
      if (!view) throw new Error(`session ${d.sessionId} not found for its check`);
      insertPrintJob(db, {
        id: d.jobId,
        kind: d.kind,
        ticketId: null,
        sessionId: d.sessionId,
        station: null,
        printerId: d.printerId,
        view,
        reprintOf: null,
        at,
      });
      return;
    }
    case 'PrintJobPrinted':
      return setJobStatus(db, e.data.jobId, { status: 'PRINTED', at, printedOn: e.data.printerId });
    case 'PrintJobUncertain':
      return setJobStatus(db, e.data.jobId, { status: 'UNCERTAIN', at, error: e.data.reason });
    case 'PrintJobFailedOver':
      return setJobStatus(db, e.data.jobId, {
        status: 'QUEUED',
        at,
        error: e.data.reason,
        printerId: e.data.toPrinterId,
      });
    case 'PrintJobFailed':
      return setJobStatus(db, e.data.jobId, { status: 'FAILED', at, error: e.data.reason });
    default:
      return;
  }
};

function sessionOfTicket(db: Database.Database, ticketId: string): string | null {
  const r = stmt(db, 'SELECT session_id FROM kitchen_ticket WHERE id = ?').get(ticketId) as
    { session_id: string } | undefined;
  return r?.session_id ?? null;
}

function voidSlip(
  db: Database.Database,
  opts: { ticketId: string; itemIds?: string[]; reason: string; at: string; jobs: PrintJobRow[] },
): void {
  const first = opts.jobs[0];
  if (!first?.station) return;
  const printer = printerForStation(db, first.station);
  if (!printer) return;
  const view = loadKitchenTicketView(db, {
    ticketId: opts.ticketId,
    kind: 'VOID',
    voidReason: opts.reason,
    ...(opts.itemIds ? { itemIds: opts.itemIds } : {}),
  });
  if (!view) return;
  insertPrintJob(db, {
    id: uuidv7(),
    kind: 'VOID',
    ticketId: opts.ticketId,
    sessionId: first.sessionId,
    station: first.station,
    printerId: printer.id,
    view,
    reprintOf: null,
    at: opts.at,
  });
}

// One item off a ticket that stays live: a VOID slip if the ticket may be on paper, and the item taken
// off any copy still waiting in the queue. When it was the last live item, TicketVoided follows and
// handles the whole ticket instead.
function voidItem(db: Database.Database, itemId: string, reason: string, at: string): void {
  const item = stmt(db, 'SELECT ticket_id FROM round_item WHERE id = ?').get(itemId) as
    { ticket_id: string | null } | undefined;
  const ticketId = item?.ticket_id;
  if (!ticketId) return;
  const live = stmt(
    db,
    "SELECT count(*) AS n FROM round_item WHERE ticket_id = ? AND status != 'VOIDED'",
  ).get(ticketId) as { n: number };
  if (live.n === 0) return;
  const jobs = kitchenJobsOfTicket(db, ticketId);
  for (const job of jobs.filter((j) => j.status === 'QUEUED')) {
    const kind = (JSON.parse(job.view) as { kind: 'NEW' | 'REPRINT' }).kind;
    const view = loadKitchenTicketView(db, { ticketId, kind });
    if (view) replaceQueuedView(db, job.id, view, at);
  }
  if (jobs.some((j) => ON_PAPER.has(j.status)))
    voidSlip(db, { ticketId, itemIds: [itemId], reason, at, jobs });
}

// The whole ticket is off: copies still waiting are canceled (never printed, nothing to cook) and, if
// a copy may already be in the kitchen, a VOID slip follows it.
function voidTicket(db: Database.Database, ticketId: string, reason: string, at: string): void {
  const jobs = kitchenJobsOfTicket(db, ticketId);
  for (const job of jobs.filter((j) => j.status === 'QUEUED')) {
    setJobStatus(db, job.id, { status: 'CANCELED', at, error: `ticket voided: ${reason}` });
  }
  if (jobs.some((j) => ON_PAPER.has(j.status))) {
    const itemIds = (
      stmt(db, 'SELECT id FROM round_item WHERE ticket_id = ? ORDER BY position').all(ticketId) as Array<{
        id: string;
      }>
    ).map((r) => r.id);
    voidSlip(db, { ticketId, itemIds, reason, at, jobs });
  }
}
