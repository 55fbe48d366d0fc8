// A hash chain over money events: any edited, removed or reordered entry breaks it.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { auditEntryOf, GENESIS_HASH, MONEY_EVENTS } from '../../protocol/audit-entry.js';
import { rowToEnvelope } from './event-log.js';
import { stmt } from './statements.js';

export function hashEntry(prevHash: string, entry: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(entry).digest('hex');
}

export function appendAudit(db: Database.Database, event: EventEnvelope): void {
  if (!MONEY_EVENTS.has(event.type)) return;
  const last = stmt(db, 'SELECT position, hash FROM audit_log ORDER BY position DESC LIMIT 1').get() as
    { position: number; hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const entry = auditEntryOf(event);
  stmt(
    db,
    'INSERT INTO audit_log (position, event_seq, event_type, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run((last?.position ?? 0) + 1, event.seq, event.type, entry, prevHash, hashEntry(prevHash, entry));
}

export type AuditVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBad: { position: number; reason: string } };

/**
 * Walks the chain from the start and reports the first position that does not fit. The chain alone cannot
 * see its tail cut off, nor an entry rewritten with its hash recomputed, so each entry is also matched
 * against the money event it records in the event log, and every money event must have its entry.
 */
export function verifyAuditChain(db: Database.Database): AuditVerdict {
  let prevHash = GENESIS_HASH;
  let expectedPosition = 1;
  let count = 0;
  const rows = db
    .prepare('SELECT position, entry, prev_hash, hash FROM audit_log ORDER BY position')
    .iterate() as Iterable<{
    position: number;
    entry: string;
    prev_hash: string;
    hash: string;
  }>;
  const money = [...MONEY_EVENTS];
  const events = db
    .prepare(`SELECT * FROM event WHERE type IN (${money.map(() => '?').join(', ')}) ORDER BY seq`)
    .iterate(...money) as IterableIterator<Parameters<typeof rowToEnvelope>[0]>;
  const bad = (position: number, reason: string): AuditVerdict => ({
    ok: false,
    entries: count,
    firstBad: { position, reason },
  });
  try {
    for (const row of rows) {
      count++;
      if (row.position !== expectedPosition)
        return bad(expectedPosition, `expected position ${expectedPosition}: an entry is missing`);
      if (row.prev_hash !== prevHash) return bad(row.position, 'prev_hash does not match the hash before it');
      if (hashEntry(prevHash, row.entry) !== row.hash)
        return bad(row.position, 'hash does not match the entry: it was edited');
      const event = events.next();
      if (event.done) return bad(row.position, 'no money event in the event log matches this entry');
      if (auditEntryOf(rowToEnvelope(event.value)) !== row.entry) {
        return bad(
          row.position,
          `entry does not match money event seq ${event.value.seq}: one of them was edited`,
        );
      }
      prevHash = row.hash;
      expectedPosition++;
    }
    const unrecorded = events.next();
    if (!unrecorded.done) {
      return bad(
        expectedPosition,
        `money event seq ${unrecorded.value.seq} has no entry: the chain was cut short`,
      );
    }
    return { ok: true, entries: count, headHash: prevHash };
  } finally {
    events.return?.();
  }
}
