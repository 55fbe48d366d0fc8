// Small reads the live LAN gateway needs: devices, stations, a session's sector and whether it is live.
import type Database from 'better-sqlite3';
import { stmt } from './statements.js';

export interface DeviceRow {
  id: string;
  kind: string;
  name: string;
  station: string | null;
}

export function listDevices(db: Database.Database): DeviceRow[] {
  return stmt(db, 'SELECT id, kind, name, station FROM device ORDER BY name').all() as DeviceRow[];
}

export function listActiveStations(db: Database.Database): Array<{ id: string; name: string }> {
  return stmt(db, 'SELECT id, name FROM station WHERE active = 1 ORDER BY position, id').all() as Array<{
    id: string;
    name: string;
  }>;
}

/** The sector of a session's table, for deciding whether a waiter may follow that session. */
export function sectorOfSession(db: Database.Database, sessionId: string): string | null {
  const row = stmt(
    db,
    'SELECT t.sector_id AS s FROM table_session s JOIN dining_table t ON t.id = s.table_id WHERE s.id = ?',
  ).get(sessionId) as { s: string } | undefined;
  return row?.s ?? null;
}

const LIVE = new Set(['OPEN', 'CHECK_REQUESTED', 'PAYING']);

export function isSessionLive(db: Database.Database, sessionId: string): boolean {
  const row = stmt(db, 'SELECT status FROM table_session WHERE id = ?').get(sessionId) as
    { status: string } | undefined;
  return row !== undefined && LIVE.has(row.status);
}
