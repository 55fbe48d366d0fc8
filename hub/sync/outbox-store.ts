// The relay's side of the outbox: read the next batch in seq order, settle the cloud's answers, and the
// dead-letter table with parking (a dead event holds back only the later events of its own aggregate).
import type Database from 'better-sqlite3';
import { MONEY_EVENTS } from '../../protocol/audit-entry.js';
import { stmt } from '../store/statements.js';
import type { EventRow } from '../store/event-log.js';

export interface BatchEvent {
  seq: number;
  id: string;
  type: string;
  aggregateKey: string;
  txId: number;
  attempts: number;
  requestId: string | null;
  commandId: string | null;
  /** The event as the cloud gets it (protocol/sync/ingest-batch.ts syncEventSchema), already JSON. */
  json: string;
}

export interface BatchLimits {
  maxEvents: number;
  /** The batch body stays under this, unless a single event is bigger. */
  maxBytes: number;
}

/** An event row joined with its outbox row. */
interface Row extends EventRow {
  attempts: number;
  tx_id: number;
}

const J = JSON.stringify;

/**
 * The wire JSON of one event, assembled from the stored JSON text of `data` and `actor` instead of parsing
 * and re-serializing them: the relay spends its time on the network, not on JSON.
 */
function eventJson(db: Database.Database, r: Row): string {
  let audit = 'null';
  if (MONEY_EVENTS.has(r.type)) {
    const a = stmt(db, 'SELECT position, prev_hash, hash FROM audit_log WHERE event_seq = ?').get(r.seq) as
      { position: number; prev_hash: string; hash: string } | undefined;
    if (a) audit = `{"position":${a.position},"prevHash":${J(a.prev_hash)},"hash":${J(a.hash)}}`;
  }
  return (
    `{"id":${J(r.id)},"seq":${r.seq},"branchId":${J(r.branch_id)},"aggregateType":${J(r.aggregate_type)},` +
    `"aggregateId":${J(r.aggregate_id)},"aggregateSeq":${r.aggregate_seq},"type":${J(r.type)},"data":${r.data},` +
    `"commandId":${J(r.command_id)},"actor":${r.actor},"requestId":${J(r.request_id)},"occurredAt":${J(r.occurred_at)},` +
    `"txId":${r.tx_id},"audit":${audit}}`
  );
}

export class OutboxStore {
  /** Pending rows above this seq have been checked against the dead letters (see parkBehindDeadLetters). */
  private parkCheckedUpTo = 0;

  constructor(private readonly db: Database.Database) {}

  /**
   * The next pending events after `afterSeq`, in seq order, within the limits, never splitting a local
   * transaction across batches unless one transaction alone exceeds them.
   */
  readBatch(afterSeq: number, limits: BatchLimits): BatchEvent[] {
    this.parkBehindDeadLetters();
    const rows = stmt(
      this.db,
      `SELECT o.event_seq AS seq, o.attempts, e.id, e.branch_id, e.aggregate_type, e.aggregate_id, e.aggregate_seq,
              e.type, e.data, e.command_id, e.actor, e.request_id, e.occurred_at, e.tx_id
         FROM outbox o JOIN event e ON e.seq = o.event_seq
        WHERE o.status = 'pending' AND o.event_seq > ? ORDER BY o.event_seq LIMIT ?`,
    ).all(afterSeq, limits.maxEvents + 1) as Row[];
    const out: BatchEvent[] = [];
    let bytes = 200; // the envelope around the events
    let cut = rows.length; // index of the first row left out
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (out.length === limits.maxEvents) {
        cut = i;
        break;
      }
      const json = eventJson(this.db, r);
      if (out.length > 0 && bytes + json.length + 1 > limits.maxBytes) {
        cut = i;
        break;
      }
      bytes += json.length + 1;
      out.push({
        seq: r.seq,
        id: r.id,
        type: r.type,
        aggregateKey: `${r.aggregate_type}:${r.aggregate_id}`,
        txId: r.tx_id,
        attempts: r.attempts,
        requestId: r.request_id,
        commandId: r.command_id,
        json,
      });
    }
    const next = rows[cut];
    if (next !== undefined && out.length > 0 && next.tx_id === out[out.length - 1]!.txId) {
      // The cut falls inside a transaction: send what came before it, and the transaction next time.
      const txStart = out.findIndex((e) => e.txId === next.tx_id);
      if (txStart > 0) out.length = txStart;
    }
    return out;
  }

  /** New pending rows of an aggregate that has a dead letter before them are parked, not sent. */
  private parkBehindDeadLetters(): void {
    const top =
      (stmt(this.db, 'SELECT max(event_seq) AS s FROM outbox').get() as { s: number | null }).s ?? 0;
    if (top <= this.parkCheckedUpTo) return;
    if (stmt(this.db, 'SELECT 1 FROM dead_letter LIMIT 1').get() !== undefined) {
      stmt(
        this.db,
        `UPDATE outbox SET status = 'parked' WHERE status = 'pending' AND event_seq > ? AND EXISTS
           (SELECT 1 FROM dead_letter d WHERE d.aggregate_key = outbox.aggregate_key AND d.event_seq < outbox.event_seq)`,
      ).run(this.parkCheckedUpTo);
    }
    this.parkCheckedUpTo = top;
  }

  /** The cloud has it (applied or duplicate): the row leaves the outbox. */
  acknowledge(seq: number): void {
    stmt(this.db, 'DELETE FROM outbox WHERE event_seq = ?').run(seq);
  }

  /** A retryable failure; returns the attempts so far. */
  recordAttempt(seq: number, error: string): number {
    const row = stmt(
      this.db,
      'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE event_seq = ? RETURNING attempts',
    ).get(error, seq) as { attempts: number } | undefined;
    return row?.attempts ?? 0;
  }

  /** Moves an event to the dead letters and parks the later events of its aggregate. */
  deadLetter(
    e: Pick<BatchEvent, 'seq' | 'id' | 'aggregateKey'>,
    error: string,
    attempts: number,
    at: Date,
  ): void {
    stmt(
      this.db,
      `INSERT INTO dead_letter (event_seq, event_id, aggregate_key, error, attempts, dead_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (event_seq) DO UPDATE SET error = excluded.error, attempts = excluded.attempts, dead_at = excluded.dead_at`,
    ).run(e.seq, e.id, e.aggregateKey, error, attempts, at.toISOString());
    stmt(this.db, 'DELETE FROM outbox WHERE event_seq = ?').run(e.seq);
    stmt(
      this.db,
      `UPDATE outbox SET status = 'parked' WHERE aggregate_key = ? AND status = 'pending' AND event_seq > ?`,
    ).run(e.aggregateKey, e.seq);
  }

  runInTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

export interface OutboxCounts {
  pending: number;
  parked: number;
  deadLetters: number;
  headSeq: number;
  oldestPendingSeq: number | null;
  oldestPendingAt: string | null;
}

/** Counts for status, metrics and the hub report. */
export function outboxCounts(db: Database.Database): OutboxCounts {
  const row = stmt(
    db,
    `SELECT (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
            (SELECT count(*) FROM outbox WHERE status = 'parked') AS parked,
            (SELECT count(*) FROM dead_letter) AS dead,
            (SELECT max(seq) FROM event) AS head,
            (SELECT min(event_seq) FROM outbox) AS oldest`,
  ).get() as { pending: number; parked: number; dead: number; head: number | null; oldest: number | null };
  const oldestAt =
    row.oldest === null
      ? null
      : ((stmt(db, 'SELECT occurred_at FROM event WHERE seq = ?').get(row.oldest) as { occurred_at: string })
          ?.occurred_at ?? null);
  return {
    pending: row.pending,
    parked: row.parked,
    deadLetters: row.dead,
    headSeq: row.head ?? 0,
    oldestPendingSeq: row.oldest,
    oldestPendingAt: oldestAt,
  };
}
