// Projects printer configuration and reported status into the `printer` table. Print job events
// change nothing here: the durable queue (`print_job`) is operational state, written beside these
// events by the print job writer and never rebuilt (a rebuild must not print the day again).
import { stmt } from '../statements.js';
import type { ProjectorMap } from './projector-types.js';

type PrinterEvents =
  | 'PrinterUpserted'
  | 'PrinterRemoved'
  | 'PrinterStatusChanged'
  | 'CheckPrintRequested'
  | 'TicketReprintRequested'
  | 'PrintJobPrinted'
  | 'PrintJobUncertain'
  | 'PrintJobFailedOver'
  | 'PrintJobFailed';

const noReadTable = (): void => {};

export const printerProjectors: ProjectorMap<PrinterEvents> = {
  PrinterUpserted: (db, e) => {
    const d = e.data;
    // Upsert, so a changed address keeps the status the printer last reported.
    stmt(
      db,
      `INSERT INTO printer (id, name, host, port, stations, paper_width_mm, codepage, backup_printer_id, prints_checks, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, host = excluded.host, port = excluded.port,
         stations = excluded.stations, paper_width_mm = excluded.paper_width_mm, codepage = excluded.codepage,
         backup_printer_id = excluded.backup_printer_id, prints_checks = excluded.prints_checks, active = excluded.active`,
    ).run(
      d.printerId,
      d.name,
      d.host,
      d.port,
      JSON.stringify(d.stations),
      d.paperWidthMm,
      d.codepage,
      d.backupPrinterId,
      d.printsChecks ? 1 : 0,
      d.active ? 1 : 0,
    );
  },
  PrinterRemoved: (db, e) => {
    stmt(db, 'DELETE FROM printer WHERE id = ?').run(e.data.printerId);
  },
  // Written only when the condition changed, so the time is "since when", and a rebuild gives it back.
  PrinterStatusChanged: (db, e) => {
    stmt(db, 'UPDATE printer SET last_status = ?, last_status_at = ? WHERE id = ?').run(
      JSON.stringify(e.data.status),
      e.occurredAt,
      e.data.printerId,
    );
  },
  CheckPrintRequested: noReadTable,
  TicketReprintRequested: noReadTable,
  PrintJobPrinted: noReadTable,
  PrintJobUncertain: noReadTable,
  PrintJobFailedOver: noReadTable,
  PrintJobFailed: noReadTable,
};
