// The two ways to apply a checked batch, with the same answers and the same tables: batched (the events
// and every projection table in one statement; if the database refuses it, BatchedWriteRefused asks
// for the whole transaction again, per event) and per event (a savepoint, an INSERT and the projection
// statements for each event, so a failure undoes that event alone).
import type { EventResult, SyncEvent } from '../../protocol/sync/ingest-batch.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
import {
  aggregateKey,
  markApplied,
  precheck,
  PROBE_BY_ID,
  rejected,
  type BatchState,
} from './batch-state.js';
import { runWrites, type BatchWrite } from './batch-write.js';
import { lookaheadSelect, type Lookahead } from './advance-cursor.js';
import { clockAfter, projectionContext } from './branch-clock.js';
import type { BranchClock } from '../../protocol/business-time.js';
import type { EventCheck } from './check-event.js';
import { BatchProjection } from './project-batch.js';
import type { ProjectionRows } from './projection-rows.js';
import { projectEvent, type ProjectionContext } from './project-event.js';

/** Where unexpected per-event failures are reported; the answer to the hub carries no internals. */
export interface IngestLog {
  error(obj: object, msg: string): void;
  warn?(obj: object, msg: string): void;
}

/**
 * The batched write was refused. The transaction is aborted, so it is rolled back and the batch redone
 * per event in a new one. (A savepoint around the write would allow a redo in place, but costs two
 * round trips on every batch for a failure that validation makes rare.)
 */
export class BatchedWriteRefused extends Error {
  constructor(override readonly cause: unknown) {
    super('batched apply failed; redoing the batch event by event');
  }
}

export interface Applied {
  results: EventResult[];
  applied: SyncEvent[];
  /** Read by the batched write, for advanceContiguous. */
  lookahead?: Lookahead;
}

/** What the batched path works from besides the events: made before the lock, or read under it. */
export interface BatchedInputs {
  /** Each event's own validity (checkEvent), made before the lock. */
  checks: readonly EventCheck[];
  state: BatchState;
  clock: BranchClock;
  rows: ProjectionRows;
  /** JSON.stringify(events), made before the lock: the events' document when every one is applied. */
  eventsJson: string;
  /** The hub's contiguous cursor, as locked. */
  cursorSeq: number;
  /**
   * More writes for the same statement, made once the answers are known: `after` is where the cursor
   * gets to over the batch's own events (the stored events beyond it come back as the lookahead).
   */
  alsoWrite?: (settled: {
    results: readonly EventResult[];
    applied: readonly SyncEvent[];
    after: number;
  }) => Promise<BatchWrite[]>;
}

async function insertEvent(tx: SqlRunner, hubId: string, e: SyncEvent): Promise<void> {
  await tx.query(
    `INSERT INTO ingested_events (hub_id, event_id, seq, branch_id, aggregate_type, aggregate_id, aggregate_seq, type, tx_id, data, actor, command_id, request_id, occurred_at, hub_audit)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::json, $11::json, $12, $13, $14, $15::json)`,
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

/** One savepoint, INSERT and projection per event: a failure undoes that event alone. */
export async function applyPerEvent(
  tx: SqlRunner,
  hubId: string,
  hubBranchId: string,
  events: readonly SyncEvent[],
  checks: readonly EventCheck[],
  state: BatchState,
  startClock: BranchClock,
  log: IngestLog | undefined,
): Promise<Applied> {
  const results: EventResult[] = [];
  const applied: SyncEvent[] = [];
  let clock = startClock;
  for (const [i, e] of events.entries()) {
    const pre = precheck(e, state, checks[i]!);
    if (!pre.ok) {
      results.push(pre.result);
      continue;
    }
    // A savepoint per event: if applying it fails in a way validation did not foresee, only this event
    // is undone and answered retryable, so one bad event cannot hold the hub's whole stream hostage.
    await tx.query('SAVEPOINT ingest_event');
    try {
      await insertEvent(tx, hubId, e);
      await projectEvent(tx, projectionContext(e, clock), pre.event);
      await tx.query('RELEASE SAVEPOINT ingest_event');
      clock = clockAfter(pre.event, clock); // only once it stuck: a failed settings event changes nothing
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT ingest_event');
      log?.error({ err, eventId: e.id, seq: e.seq, type: e.type }, 'applying an event failed');
      results.push(
        rejected(e, 'INGEST_FAILED', `the cloud could not apply ${e.type}; it will be retried`, true),
      );
      continue;
    }
    results.push(markApplied(state, e));
    applied.push(e);
  }
  return { results, applied };
}

/**
 * The events as one multi-row INSERT (`$2` is the hub id). No ON CONFLICT: under the cursor lock the
 * checks already know every id and seq of the batch, so a unique violation here means something is
 * wrong, and it fails the batched attempt, whose fallback answers each event on its own.
 */
function eventsWrite(events: readonly SyncEvent[], json: string | undefined): BatchWrite {
  return {
    json,
    // The parsed events as they are (zod dropped unknown keys): the column list below names their
    // camelCase fields, so no row object is built per event just to rename them.
    rows: events as SyncEvent[],
    sql: (
      doc,
    ) => `INSERT INTO ingested_events (hub_id, event_id, seq, branch_id, aggregate_type, aggregate_id, aggregate_seq, type, tx_id, data, actor, command_id, request_id, occurred_at, hub_audit)
       SELECT $2, x."id", x."seq", x."branchId", x."aggregateType", x."aggregateId", x."aggregateSeq", x."type", x."txId",
              x."data", x."actor", x."commandId", x."requestId", x."occurredAt", x."audit"
         FROM json_to_recordset(${doc}) AS x("id" text, "seq" bigint, "branchId" text, "aggregateType" text, "aggregateId" text,
              "aggregateSeq" integer, "type" text, "txId" bigint, "data" json, "actor" json, "commandId" text, "requestId" text,
              "occurredAt" text, "audit" json)`,
  };
}

/**
 * Checks every event in memory (as if each applied event had landed), then stores and projects all of
 * them: one statement reads the projection rows, one writes the events and every projection table.
 * Null when a guess made without probing proved wrong (the per-event path, which probes everything,
 * then answers in the same transaction); throws BatchedWriteRefused when the database refused the write.
 */
export async function applyBatched(
  tx: SqlRunner,
  hubId: string,
  hubBranchId: string,
  events: readonly SyncEvent[],
  { checks, state, clock: startClock, rows, eventsJson, cursorSeq, alsoWrite }: BatchedInputs,
): Promise<Applied | null> {
  const results: EventResult[] = [];
  const applied: SyncEvent[] = [];
  const projected: { ctx: ProjectionContext; event: DomainEvent }[] = [];
  let clock = startClock;
  for (const [i, e] of events.entries()) {
    const pre = precheck(e, state, checks[i]!);
    if (!pre.ok) {
      results.push(pre.result);
      continue;
    }
    results.push(markApplied(state, e));
    applied.push(e);
    projected.push({ ctx: projectionContext(e, clock), event: pre.event });
    clock = clockAfter(pre.event, clock);
  }
  // Without the id probe, an event rejected for another reason could be one whose id is stored under
  // another seq, which must be answered EVENT_ID_CONFLICT; and one of an unprobed aggregate could have
  // been judged against a head taken as 0. Probe just the rejected ones (usually none), and if either
  // guess was wrong, let the per-event path (which probes everything) answer the batch.
  const rejectedEvents = events.filter((_, i) => results[i]?.status === 'rejected');
  if (rejectedEvents.length > 0) {
    if (!state.idsProbed) {
      const known = await tx.query(`${PROBE_BY_ID} LIMIT 1`, [hubId, rejectedEvents.map((e) => e.id)]);
      if (known.length > 0) return null;
    }
    const guessed = rejectedEvents.filter((e) => state.unprobed.has(aggregateKey(e)));
    if (guessed.length > 0) {
      const stored = await tx.query(
        `SELECT 1 FROM unnest($2::text[], $3::text[]) AS x(t, i) CROSS JOIN LATERAL
           (SELECT 1 FROM ingested_events WHERE hub_id = $1 AND aggregate_type = x.t AND aggregate_id = x.i LIMIT 1) e
         LIMIT 1`,
        [hubId, guessed.map((e) => e.aggregateType), guessed.map((e) => e.aggregateId)],
      );
      if (stored.length > 0) return null;
    }
  }
  if (applied.length === 0) return { results, applied };
  const projection = new BatchProjection(rows);
  for (const p of projected) projection.apply(p.ctx, p.event);
  // Where the cursor gets to over this batch's own events; the write also reads what lies beyond it.
  const seqs = new Set(applied.map((e) => e.seq));
  let after = cursorSeq;
  while (seqs.has(after + 1)) after++;
  const more = (await alsoWrite?.({ results, applied, after })) ?? [];
  let answer: Record<string, unknown> | undefined;
  try {
    const json = applied.length === events.length ? eventsJson : undefined;
    answer = await runWrites(
      tx,
      [
        [hubBranchId, 'text'],
        [hubId, 'text'],
        [after, 'bigint'],
      ],
      [eventsWrite(applied, json), ...projection.writes(), ...more],
      lookaheadSelect('$2', '$3'),
    );
  } catch (err) {
    throw new BatchedWriteRefused(err);
  }
  const lookahead =
    answer === undefined ? undefined : { after, seqs: ((answer.lookahead ?? []) as unknown[]).map(toNumber) };
  return { results, applied, lookahead };
}
