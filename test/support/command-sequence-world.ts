// The hub's state as the random command sequences read it before each op: plain rows in insertion order,
// so that "the 3rd session" means the same row for the same seed. Also how an op picks one of them.
import type Database from 'better-sqlite3';

export type Row = Record<string, unknown>;

export interface World {
  sessions: Array<{ id: string; tableId: string; status: string; sectorId: string; joinCode: string }>;
  diners: Array<{ id: string; sessionId: string }>;
  rounds: Array<{ id: string; sessionId: string; status: string }>;
  items: Array<{
    id: string;
    roundId: string;
    sessionId: string;
    status: string;
    qty: number;
    ticketId: string | null;
  }>;
  tickets: Array<{ id: string; sessionId: string; status: string }>;
  calls: Array<{ id: string; sessionId: string; status: string; escalated: boolean }>;
  payments: Array<{ id: string; sessionId: string; amount: number; refunded: number; status: string }>;
}

/** Session statuses in which a table is still being served. */
export const LIVE = ['OPEN', 'CHECK_REQUESTED', 'PAYING'];

export function readWorld(db: Database.Database): World {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  return {
    sessions: all(
      `SELECT s.id, s.table_id, s.status, t.sector_id, t.join_code FROM table_session s
       JOIN dining_table t ON t.id = s.table_id ORDER BY s.rowid`,
    ).map((r) => ({
      id: r.id as string,
      tableId: r.table_id as string,
      status: r.status as string,
      sectorId: r.sector_id as string,
      joinCode: r.join_code as string,
    })),
    diners: all('SELECT id, session_id FROM diner ORDER BY rowid').map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
    })),
    rounds: all('SELECT id, session_id, status FROM round ORDER BY rowid').map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      status: r.status as string,
    })),
    items: all(
      `SELECT i.id, i.round_id, i.status, i.qty, i.ticket_id, r.session_id FROM round_item i
       JOIN round r ON r.id = i.round_id ORDER BY i.rowid`,
    ).map((r) => ({
      id: r.id as string,
      roundId: r.round_id as string,
      sessionId: r.session_id as string,
      status: r.status as string,
      qty: r.qty as number,
      ticketId: r.ticket_id as string | null,
    })),
    tickets: all('SELECT id, session_id, status FROM kitchen_ticket ORDER BY rowid').map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      status: r.status as string,
    })),
    calls: all('SELECT id, session_id, status, escalated_at FROM service_call ORDER BY rowid').map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      status: r.status as string,
      escalated: r.escalated_at !== null,
    })),
    payments: all(
      'SELECT id, session_id, amount_cents, refunded_cents, status FROM payment ORDER BY rowid',
    ).map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      amount: r.amount_cents as number,
      refunded: r.refunded_cents as number,
      status: r.status as string,
    })),
  };
}

/** Mostly a candidate that fits (`prefer`), now and then any candidate at all, so wrong states get tried too. */
export function choose<T>(rows: readonly T[], pick: number, prefer?: (row: T) => boolean): T | undefined {
  const preferred = prefer ? rows.filter(prefer) : [];
  const pool = preferred.length > 0 && pick % 7 !== 0 ? preferred : rows;
  return pool[pick % Math.max(pool.length, 1)];
}
