// Dead letters for operators (CLI and admin API): list, inspect, requeue (same event id, so the cloud
// still applies it once) and purge. Either way the parked later events of its aggregate flow again.
import type Database from 'better-sqlite3';
import { rowToEnvelope } from '../store/event-log.js';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { stmt } from '../store/statements.js';

export interface DeadLetterView {
  eventSeq: number;
  eventId: string;
  eventType: string;
  aggregateKey: string;
  error: string;
  attempts: number;
  deadAt: string;
  requestId: string | null;
  /** Later events of the same aggregate held back behind this one. */
  parkedBehind: number;
}

export interface DeadLetterDetail extends DeadLetterView {
  event: EventEnvelope;
}

interface Row {
  event_seq: number;
  event_id: string;
  aggregate_key: string;
  error: string;
  attempts: number;
  dead_at: string;
  type: string;
  request_id: string | null;
}

const SELECT = `SELECT d.*, e.type, e.request_id FROM dead_letter d JOIN event e ON e.seq = d.event_seq`;

function parkedBehind(db: Database.Database, aggregateKey: string, seq: number): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM outbox WHERE aggregate_key = ? AND status = 'parked' AND event_seq > ?`,
    ).get(aggregateKey, seq) as { n: number }
  ).n;
}

function toView(db: Database.Database, r: Row): DeadLetterView {
  return {
    eventSeq: r.event_seq,
    eventId: r.event_id,
    eventType: r.type,
    aggregateKey: r.aggregate_key,
    error: r.error,
    attempts: r.attempts,
    deadAt: r.dead_at,
    requestId: r.request_id,
    parkedBehind: parkedBehind(db, r.aggregate_key, r.event_seq),
  };
}

export function listDeadLetters(db: Database.Database, limit = 500): DeadLetterView[] {
  const rows = stmt(db, `${SELECT} ORDER BY d.event_seq LIMIT ?`).all(limit) as Row[];
  return rows.map((r) => toView(db, r));
}

export function showDeadLetter(db: Database.Database, seq: number): DeadLetterDetail | null {
  const row = stmt(db, `${SELECT} WHERE d.event_seq = ?`).get(seq) as Row | undefined;
  if (!row) return null;
  const event = rowToEnvelope(stmt(db, 'SELECT * FROM event WHERE seq = ?').get(seq) as never);
  return { ...toView(db, row), event };
}

/** Parked events of the aggregate before its first remaining dead letter go back to pending. */
function unpark(db: Database.Database, aggregateKey: string): number {
  return stmt(
    db,
    `UPDATE outbox SET status = 'pending' WHERE aggregate_key = ? AND status = 'parked' AND event_seq <
       coalesce((SELECT min(event_seq) FROM dead_letter WHERE aggregate_key = ?), 9007199254740991)`,
  ).run(aggregateKey, aggregateKey).changes;
}

export interface DeadLetterAction {
  eventSeqs: number[];
  /** Parked events released to flow again. */
  released: number;
}

/** Puts the event back in the outbox with fresh attempts. Returns null when there is no such dead letter. */
export function requeueDeadLetter(db: Database.Database, seq: number): DeadLetterAction | null {
  return db.transaction(() => {
    const row = stmt(db, 'SELECT aggregate_key FROM dead_letter WHERE event_seq = ?').get(seq) as
      { aggregate_key: string } | undefined;
    if (!row) return null;
    stmt(
      db,
      `INSERT OR IGNORE INTO outbox (event_seq, event_id, aggregate_key, tx_id, status, attempts)
       SELECT seq, id, aggregate_type || ':' || aggregate_id, tx_id, 'pending', 0 FROM event WHERE seq = ?`,
    ).run(seq);
    stmt(db, 'DELETE FROM dead_letter WHERE event_seq = ?').run(seq);
    return { eventSeqs: [seq], released: unpark(db, row.aggregate_key) };
  })();
}

/**
 * Gives up on the event for good: it stays in the hub's log but is never sent. The later events of its
 * aggregate flow again; the cloud holds them back (AGGREGATE_GAP) until they too run out of attempts and
 * land here, so an operator sees the whole aggregate rather than losing it silently.
 */
export function purgeDeadLetter(db: Database.Database, seq: number): DeadLetterAction | null {
  return db.transaction(() => {
    const row = stmt(db, 'SELECT aggregate_key FROM dead_letter WHERE event_seq = ?').get(seq) as
      { aggregate_key: string } | undefined;
    if (!row) return null;
    stmt(db, 'DELETE FROM dead_letter WHERE event_seq = ?').run(seq);
    return { eventSeqs: [seq], released: unpark(db, row.aggregate_key) };
  })();
}

function forAll(db: Database.Database, one: (seq: number) => DeadLetterAction | null): DeadLetterAction {
  return db.transaction(() => {
    const seqs = (
      stmt(db, 'SELECT event_seq FROM dead_letter ORDER BY event_seq').all() as Array<{
        event_seq: number;
      }>
    ).map((r) => r.event_seq);
    let released = 0;
    for (const seq of seqs) released += one(seq)?.released ?? 0;
    return { eventSeqs: seqs, released };
  })();
}

export const requeueAllDeadLetters = (db: Database.Database) => forAll(db, (s) => requeueDeadLetter(db, s));
export const purgeAllDeadLetters = (db: Database.Database) => forAll(db, (s) => purgeDeadLetter(db, s));
