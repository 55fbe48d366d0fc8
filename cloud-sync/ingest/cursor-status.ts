// The end of a batch's transaction: the hub's contiguous cursor and audit chain state, and what its
// status shows owners (last contact, the hub's own backlog report, the batch's counts, the first audit
// break). Written as BatchWrites, so the batched path sends them inside its one write statement, and
// the per-event path as a statement of their own.
import type { IngestBatch } from '../../protocol/sync/ingest-batch.js';
import type { SqlRunner } from '../db/cloud-db.js';
import type { AuditBreak, CursorState } from './advance-cursor.js';
import { runWrites, type BatchWrite } from './batch-write.js';

export interface CursorStatusUpdate {
  cursor: CursorState;
  firstBreak: AuditBreak | null;
  nowIso: string;
  report: IngestBatch['hub'];
  /** Added to the hub's totals. */
  counts: { applied: number; duplicate: number; rejected: number };
}

/** The two updates; `hub` is the hub id's placeholder in the statement they go into. */
export function cursorStatusWrites(hub: string, u: CursorStatusUpdate): BatchWrite[] {
  return [
    {
      rows: [
        {
          seq: u.cursor.highestContiguousSeq,
          audit_seq: u.cursor.auditSeq,
          audit_position: u.cursor.auditPosition,
          audit_head_hash: u.cursor.auditHeadHash,
          now: u.nowIso,
        },
      ],
      sql: (doc) => `UPDATE ingest_cursors c SET highest_contiguous_seq = x.seq, audit_seq = x.audit_seq,
           audit_position = x.audit_position, audit_head_hash = x.audit_head_hash, updated_at = x.now::timestamptz
          FROM json_to_recordset(${doc}) AS x(seq bigint, audit_seq bigint, audit_position integer,
               audit_head_hash text, now text)
         WHERE c.hub_id = ${hub}`,
    },
    {
      rows: [
        {
          now: u.nowIso,
          head_seq: u.report.headSeq,
          backlog: u.report.backlog,
          dead_letters: u.report.deadLetters,
          oldest_pending_age_ms: u.report.oldestPendingAgeMs,
          applied: u.counts.applied,
          duplicate: u.counts.duplicate,
          rejected: u.counts.rejected,
          break_seq: u.firstBreak?.seq ?? null,
          break_reason: u.firstBreak?.reason ?? null,
        },
      ],
      // The first audit break is kept until an operator looks: a later one never overwrites it.
      sql: (doc) => `UPDATE hub_status s SET last_seen_at = x.now::timestamptz, head_seq = x.head_seq,
           backlog = x.backlog, dead_letters = x.dead_letters, oldest_pending_age_ms = x.oldest_pending_age_ms,
           events_applied = s.events_applied + x.applied, events_duplicate = s.events_duplicate + x.duplicate,
           events_rejected = s.events_rejected + x.rejected,
           audit_break_seq = COALESCE(s.audit_break_seq, x.break_seq),
           audit_break_reason = COALESCE(s.audit_break_reason, x.break_reason),
           audit_break_at = COALESCE(s.audit_break_at, CASE WHEN x.break_seq IS NULL THEN NULL ELSE x.now::timestamptz END)
          FROM json_to_recordset(${doc}) AS x(now text, head_seq bigint, backlog integer, dead_letters integer,
               oldest_pending_age_ms bigint, applied bigint, duplicate bigint, rejected bigint, break_seq bigint,
               break_reason text)
         WHERE s.hub_id = ${hub}`,
    },
  ];
}

/** The same two updates as a statement of their own. */
export async function updateCursorStatus(
  tx: SqlRunner,
  hubId: string,
  update: CursorStatusUpdate,
): Promise<void> {
  await runWrites(tx, [[hubId, 'text']], cursorStatusWrites('$1', update));
}
