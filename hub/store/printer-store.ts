// Reads the `printer` table: the printers of the branch, which one serves a station or the checks.
import type Database from 'better-sqlite3';
import {
  printerConditionSchema,
  type PrinterCodepageSetting,
  type PrinterConditionFlags,
} from '../../protocol/printer-values.js';
import type { PrinterView } from '../domain/printer-decide.js';
import { stmt } from './statements.js';

export interface PrinterRow extends PrinterView {
  host: string;
  port: number;
  paperWidthMm: 58 | 80;
  codepage: PrinterCodepageSetting;
  lastStatus: PrinterConditionFlags | null;
  lastStatusAt: string | null;
}

type Row = Record<string, unknown>;

function printerFromRow(r: Row): PrinterRow {
  const status =
    r.last_status === null ? null : printerConditionSchema.safeParse(JSON.parse(r.last_status as string));
  return {
    id: r.id as string,
    name: r.name as string,
    host: r.host as string,
    port: r.port as number,
    stations: JSON.parse(r.stations as string) as string[],
    paperWidthMm: (r.paper_width_mm as number) === 58 ? 58 : 80,
    codepage: r.codepage as PrinterCodepageSetting,
    backupPrinterId: (r.backup_printer_id as string | null) ?? null,
    printsChecks: r.prints_checks === 1,
    active: r.active === 1,
    lastStatus: status?.success ? status.data : null,
    lastStatusAt: (r.last_status_at as string | null) ?? null,
  };
}

// Name, then id: the same printer wins every time when several serve one station.
export function loadPrinters(db: Database.Database): PrinterRow[] {
  return (stmt(db, 'SELECT * FROM printer ORDER BY name, id').all() as Row[]).map(printerFromRow);
}

export function loadPrinter(db: Database.Database, id: string): PrinterRow | undefined {
  const r = stmt(db, 'SELECT * FROM printer WHERE id = ?').get(id) as Row | undefined;
  return r && printerFromRow(r);
}

/** The station's own printer: the first active one that lists it. None means screen only. */
export function printerForStation(db: Database.Database, station: string): PrinterRow | undefined {
  const r = stmt(
    db,
    `SELECT * FROM printer WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(printer.stations) WHERE value = ?)
     ORDER BY name, id LIMIT 1`,
  ).get(station) as Row | undefined;
  return r && printerFromRow(r);
}

/** The branch's check printer: the first active one that prints checks. */
export function checkPrinter(db: Database.Database): PrinterRow | undefined {
  const r = stmt(
    db,
    'SELECT * FROM printer WHERE active = 1 AND prints_checks = 1 ORDER BY name, id LIMIT 1',
  ).get() as Row | undefined;
  return r && printerFromRow(r);
}
