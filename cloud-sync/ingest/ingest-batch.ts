// Ingests one signed batch in ONE transaction: dedupe on (hub, event id), per-aggregate order,
// projections, contiguous cursor, audit chain and hub status all commit together or not at all.
import { AppError } from '../../protocol/errors.js';
import {
  SYNC_PROTOCOL_VERSION,
  type EventResult,
  type IngestBatch,
  type IngestResponse,
  type SyncEvent,
} from '../../protocol/sync/ingest-batch.js';
import type { VerifiedHub } from '../auth/verify-request.js';
import type { Clock } from '../clock.js';
import { toNumber, type CloudDb, type SqlRunner } from '../db/cloud-db.js';
import { advanceContiguous, foldAuditChain, type CursorState } from './advance-cursor.js';
import { checkEvent } from './check-event.js';
import { projectEvent } from './project-event.js';

export interface IngestOutcome {
  response: IngestResponse;
  counts: { applied: number; duplicate: number; rejected: number };
}

interface KnownRow {
  event_id: string;
  seq: unknown;
  type: string;
}

interface CursorRow {
  highest_contiguous_seq: unknown;
  audit_seq: unknown;
  audit_position: number;
  audit_head_hash: string;
}

function rejected(
  e: SyncEvent,
  reason: Extract<EventResult, { status: 'rejected' }>['reason'],
  message: string,
  retryable: boolean,
): EventResult {
  return { eventId: e.id, seq: e.seq, status: 'rejected', reason, message, retryable };
}

async function lockCursor(tx: SqlRunner, hubId: string): Promise<CursorState> {
  // FOR UPDATE serializes batches of one hub across cloud instances; other hubs are not blocked.
  const rows = await tx.query<CursorRow>('SELECT * FROM ingest_cursors WHERE hub_id = $1 FOR UPDATE', [
    hubId,
  ]);
  const row = rows[0];
  if (row === undefined) throw new AppError('NOT_FOUND', `hub ${hubId} has no ingest cursor`);
  return {
    highestContiguousSeq: toNumber(row.highest_contiguous_seq),
    auditSeq: toNumber(row.audit_seq),
    auditPosition: row.audit_position,
    auditHeadHash: row.audit_head_hash,
  };
}

async function insertEvent(tx: SqlRunner, hubId: string, e: SyncEvent): Promise<void> {
  await tx.query(
    `INSERT INTO ingested_events (hub_id, event_id, seq, branch_id, aggregate_type, aggregate_id, aggregate_seq, type, tx_id, data, actor, command_id, request_id, occurred_at, hub_audit)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15::jsonb)`,
    [
      hubId,
      e.id,
      e.seq,
      e.branchId,
      e.aggregateType,
      e.aggregateId,
      e.aggregateSeq,
      e.type,
      e.txId,
      JSON.stringify(e.data),
      JSON.stringify(e.actor),
      e.commandId,
      e.requestId,
      e.occurredAt,
      e.audit === null ? null : JSON.stringify(e.audit),
    ],
  );
}

/** Where unexpected per-event failures are reported; the answer to the hub carries no internals. */
export interface IngestLog {
  error(obj: object, msg: string): void;
}

export async function ingestBatch(
  db: CloudDb,
  hub: VerifiedHub,
  batch: IngestBatch,
  clock: Clock,
  log?: IngestLog,
): Promise<IngestOutcome> {
  if (batch.protocolVersion !== SYNC_PROTOCOL_VERSION) {
    throw new AppError(
      'INVALID',
      `sync protocol version ${batch.protocolVersion} is not supported; this cloud speaks ${SYNC_PROTOCOL_VERSION}`,
    );
  }
  if (batch.hubId !== hub.hubId)
    throw new AppError('FORBIDDEN', `key ${hub.keyId} belongs to another hub than ${batch.hubId}`);

  return db.transaction(async (tx) => {
    const cursor = await lockCursor(tx, hub.hubId);
    const known = await tx.query<KnownRow>(
      `SELECT event_id, seq, type FROM ingested_events WHERE hub_id = $1 AND (
         event_id IN (SELECT jsonb_array_elements_text($2::jsonb)) OR seq IN (SELECT (jsonb_array_elements_text($3::jsonb))::bigint))`,
      [
        hub.hubId,
        JSON.stringify(batch.events.map((e) => e.id)),
        JSON.stringify(batch.events.map((e) => e.seq)),
      ],
    );
    const byId = new Map(known.map((r) => [r.event_id, r]));
    const idBySeq = new Map(known.map((r) => [toNumber(r.seq), r.event_id]));
    const aggregateLast = new Map<string, number>();
    const results: EventResult[] = [];
    const counts = { applied: 0, duplicate: 0, rejected: 0 };

    for (const e of batch.events) {
      const result = await ingestOne(e);
      counts[result.status]++;
      results.push(result);
    }

    async function ingestOne(e: SyncEvent): Promise<EventResult> {
      const existing = byId.get(e.id);
      if (existing !== undefined) {
        return toNumber(existing.seq) === e.seq && existing.type === e.type
          ? { eventId: e.id, seq: e.seq, status: 'duplicate' }
          : rejected(
              e,
              'EVENT_ID_CONFLICT',
              `event id already ingested as seq ${toNumber(existing.seq)} (${existing.type})`,
              false,
            );
      }
      const holder = idBySeq.get(e.seq);
      if (holder !== undefined) {
        return rejected(
          e,
          'SEQ_CONFLICT',
          `seq ${e.seq} is already held by event ${holder}: was the hub's log reset?`,
          false,
        );
      }
      const check = checkEvent(e, hub.branchId);
      if (!check.ok) return rejected(e, check.reason, check.message, false);

      const aggKey = `${e.aggregateType}:${e.aggregateId}`;
      let last = aggregateLast.get(aggKey);
      if (last === undefined) {
        const rows = await tx.query<{ s: unknown }>(
          'SELECT max(aggregate_seq) AS s FROM ingested_events WHERE hub_id = $1 AND aggregate_type = $2 AND aggregate_id = $3',
          [hub.hubId, e.aggregateType, e.aggregateId],
        );
        last = toNumber(rows[0]?.s ?? 0);
        aggregateLast.set(aggKey, last);
      }
      if (e.aggregateSeq <= last) {
        return rejected(
          e,
          'AGGREGATE_SEQ_CONFLICT',
          `${aggKey} already has event #${e.aggregateSeq} with another id`,
          false,
        );
      }
      if (e.aggregateSeq > last + 1) {
        // An earlier event of this aggregate is missing (parked, dead-lettered or rejected): applying this
        // one first would break per-aggregate order, so it waits; it lands once the gap is filled.
        return rejected(
          e,
          'AGGREGATE_GAP',
          `${aggKey} is at #${last}; event #${e.aggregateSeq} waits for #${last + 1}`,
          true,
        );
      }
      // A savepoint per event: if applying it fails in a way validation did not foresee, only this event
      // is undone and answered retryable, so one bad event cannot hold the hub's whole stream hostage.
      await tx.query('SAVEPOINT ingest_event');
      try {
        await insertEvent(tx, hub.hubId, e);
        await projectEvent(
          tx,
          { branchId: e.branchId, day: check.day, occurredAt: e.occurredAt },
          check.event,
        );
        await tx.query('RELEASE SAVEPOINT ingest_event');
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT ingest_event');
        log?.error({ err, eventId: e.id, seq: e.seq, type: e.type }, 'applying an event failed');
        return rejected(e, 'INGEST_FAILED', `the cloud could not apply ${e.type}; it will be retried`, true);
      }
      aggregateLast.set(aggKey, e.aggregateSeq);
      idBySeq.set(e.seq, e.id);
      return { eventId: e.id, seq: e.seq, status: 'applied' };
    }

    const contiguous = await advanceContiguous(tx, hub.hubId, cursor.highestContiguousSeq);
    const { state, firstBreak } = await foldAuditChain(tx, hub.hubId, cursor, contiguous);
    const nowIso = new Date(clock.nowMs()).toISOString();
    await tx.query(
      `UPDATE ingest_cursors SET highest_contiguous_seq = $2, audit_seq = $3, audit_position = $4, audit_head_hash = $5, updated_at = $6 WHERE hub_id = $1`,
      [
        hub.hubId,
        state.highestContiguousSeq,
        state.auditSeq,
        state.auditPosition,
        state.auditHeadHash,
        nowIso,
      ],
    );
    await tx.query(
      `UPDATE hub_status SET last_seen_at = $2, head_seq = $3, backlog = $4, dead_letters = $5, oldest_pending_age_ms = $6,
         events_applied = events_applied + $7, events_duplicate = events_duplicate + $8, events_rejected = events_rejected + $9,
         audit_break_seq = COALESCE(audit_break_seq, $10), audit_break_reason = COALESCE(audit_break_reason, $11),
         audit_break_at = COALESCE(audit_break_at, $12)
       WHERE hub_id = $1`,
      [
        hub.hubId,
        nowIso,
        batch.hub.headSeq,
        batch.hub.backlog,
        batch.hub.deadLetters,
        batch.hub.oldestPendingAgeMs,
        counts.applied,
        counts.duplicate,
        counts.rejected,
        firstBreak?.seq ?? null,
        firstBreak?.reason ?? null,
        firstBreak === null ? null : nowIso,
      ],
    );
    return { response: { batchId: batch.batchId, results, highestContiguousSeq: contiguous }, counts };
  });
}
