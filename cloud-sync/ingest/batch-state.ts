// What a batch is checked against, read under the hub's cursor lock: the cursor itself, the stored
// events that share an id or a seq with the batch, and the last applied seq of each aggregate it
// touches. Then the checks that need no event applied (duplicates, conflicts, validity, aggregate
// order), run in memory against that state as each applied event is added to it.
import { AppError } from '../../protocol/errors.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import type { EventResult, SyncEvent } from '../../protocol/sync/ingest-batch.js';
import type { BranchClock } from '../../protocol/business-time.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
import type { CursorState } from './advance-cursor.js';
import { branchClockOf } from './branch-clock.js';
import type { EventCheck } from './check-event.js';

interface CursorRow {
  highest_contiguous_seq: unknown;
  audit_seq: unknown;
  audit_position: number;
  audit_head_hash: string;
  time_zone: string | null;
  business_day_starts_at_hour: number | null;
}

/** The hub's cursor, locked, and its branch's clock as the batch starts (settings events move it on). */
export interface LockedCursor {
  cursor: CursorState;
  clock: BranchClock;
}

export async function lockCursor(tx: SqlRunner, hubId: string, branchId: string): Promise<LockedCursor> {
  // FOR UPDATE serializes batches of one hub across cloud instances; other hubs are not blocked. The
  // branch's clock comes in the same round trip: under load each one costs the batch ≈ 0.5 ms.
  const rows = await tx.query<CursorRow>(
    `SELECT c.highest_contiguous_seq, c.audit_seq, c.audit_position, c.audit_head_hash,
            b.time_zone, b.business_day_starts_at_hour
       FROM ingest_cursors c LEFT JOIN branches b ON b.id = $2
      WHERE c.hub_id = $1 FOR UPDATE OF c`,
    [hubId, branchId],
    { prepare: true },
  );
  const row = rows[0];
  if (row === undefined) throw new AppError('NOT_FOUND', `hub ${hubId} has no ingest cursor`);
  return {
    cursor: {
      highestContiguousSeq: toNumber(row.highest_contiguous_seq),
      auditSeq: toNumber(row.audit_seq),
      auditPosition: row.audit_position,
      auditHeadHash: row.audit_head_hash,
    },
    clock: branchClockOf(row),
  };
}

interface KnownRow {
  event_id: string;
  seq: unknown;
  type: string;
}

/** What the batch's checks read: known ids and seqs, and the last applied seq of each aggregate. */
export interface BatchState {
  byId: Map<string, KnownRow>;
  idBySeq: Map<number, string>;
  aggregateLast: Map<string, number>;
  /** False when the id probe was skipped (no seq of the batch was stored). */
  idsProbed: boolean;
  /** Aggregates whose head was not probed and is taken as 0 (their first event in the batch is #1). */
  unprobed: ReadonlySet<string>;
}

export const aggregateKey = (e: SyncEvent): string => `${e.aggregateType}:${e.aggregateId}`;

/*
 * Why a LATERAL probe per value instead of `seq = ANY($2)`: the plan must not depend on statistics.
 * With stale or missing stats (autovacuum behind, or a hub the stats have not seen yet) the planner
 * estimates `hub_id = $1` at a few hundred rows and picks a bitmap scan of the hub's WHOLE range,
 * filtering the array afterwards: measured 28 ms per 500-event batch at 60,000 stored events, growing
 * with the table. `LIMIT 1` keeps the subquery from being flattened into a join, so each value is one
 * probe of the unique index whatever the planner believes (the same 500 probes: 2 ms).
 */
const PROBE_BY_SEQ = `SELECT e.event_id, e.seq, e.type FROM unnest($2::bigint[]) AS x(v)
  CROSS JOIN LATERAL (SELECT event_id, seq, type FROM ingested_events WHERE hub_id = $1 AND seq = x.v LIMIT 1) e`;
/**
 * The same question for a batch whose seqs are dense (nearly always: a batch is a run of the hub's
 * log): ONE range of the (hub_id, seq) index from the batch's lowest seq to its highest, instead of a
 * descent per seq. Stored events in the range that are not the batch's are dropped in loadState. The
 * bounds come from the array inside the statement, so both bounds are index conditions whatever the
 * planner believes; a sparse batch keeps the per-seq probe, so the range never spans much more than
 * the batch.
 */
const PROBE_SEQ_RANGE = `SELECT e.event_id, e.seq, e.type
  FROM (SELECT min(v) AS lo, max(v) AS hi FROM unnest($2::bigint[]) AS x(v)) b
  CROSS JOIN LATERAL (SELECT event_id, seq, type FROM ingested_events
                       WHERE hub_id = $1 AND seq >= b.lo AND seq <= b.hi ORDER BY seq) e`;
/** At most this many seqs spanned per event for the range probe. */
const DENSE_SPAN = 2;
/** The id probe, with the ids' placeholder given (the hub id is `$1`). */
const probeById = (ids: string) => `SELECT e.event_id, e.seq, e.type FROM unnest(${ids}::text[]) AS x(v)
  CROSS JOIN LATERAL (SELECT event_id, seq, type FROM ingested_events WHERE hub_id = $1 AND event_id = x.v LIMIT 1) e`;
export const PROBE_BY_ID = probeById('$2');

const NO_ROWS: KnownRow[] = [];

/** Reads made in the same statement as the state's (the batched path's projection rows). */
export interface Alongside {
  /** Select-list expressions; their placeholders start at `$first`, passed to `build`. */
  build(first: number): { select: string; params: unknown[] };
}

/**
 * The batch's state in one statement (one round trip under the hub's lock): the stored events at the
 * batch's seqs (and ids), the last applied seq of each aggregate it touches, and whatever `alongside`
 * adds, whose json columns come back in `row`.
 *
 * `ids: 'when-seqs-known'` (the batched path) skips the id probe when no seq of the batch is stored:
 * the seq probe walks one short index range, the id probe hits a random page per UUID. A stored id
 * under another seq (EVENT_ID_CONFLICT, a broken hub) then fails the batched INSERT on the primary key,
 * and the per-event redo, which always probes ids, answers it.
 */
export async function loadState(
  tx: SqlRunner,
  hubId: string,
  events: readonly SyncEvent[],
  ids: 'always' | 'when-seqs-known',
  alongside?: Alongside,
): Promise<{ state: BatchState; row: Record<string, unknown> }> {
  // The last applied seq of every aggregate of the batch: a backward probe of the aggregate index each.
  // The lean (batched) path skips aggregates that the batch starts at #1: a new aggregate, unless the
  // hub is broken, and then the batched INSERT fails on the aggregate index and the per-event redo,
  // which probes every aggregate, answers it (applyBatched re-checks the rejected ones).
  const aggregates = new Map<string, SyncEvent>();
  const unprobed = new Set<string>();
  for (const e of events) {
    const key = aggregateKey(e);
    if (aggregates.has(key) || unprobed.has(key)) continue;
    if (ids === 'when-seqs-known' && e.aggregateSeq === 1) unprobed.add(key);
    else aggregates.set(key, e);
  }
  const list = [...aggregates.values()];
  const params: unknown[] = [
    hubId,
    events.map((e) => e.seq),
    list.map((e) => e.aggregateType),
    list.map((e) => e.aggregateId),
  ];
  const probeIds = ids === 'always';
  if (probeIds) params.push(events.map((e) => e.id));
  const extra = alongside?.build(params.length + 1);
  const seqs = events.map((e) => e.seq);
  const span = events.length === 0 ? 0 : Math.max(...seqs) - Math.min(...seqs) + 1;
  const dense = span <= DENSE_SPAN * events.length;
  // One unique-index probe per seq or id, however many events the hub has sent (see PROBE_BY_SEQ), or
  // one index range for the batch's seqs.
  const [row = {}] = await tx.query<Record<string, unknown>>(
    `SELECT (SELECT json_agg(k) FROM (${dense ? PROBE_SEQ_RANGE : PROBE_BY_SEQ}) k) AS known,
            ${probeIds ? `(SELECT json_agg(k) FROM (${probeById('$5')}) k)` : 'NULL'} AS known_ids,
            (SELECT json_agg(h) FROM (SELECT x.t, x.i, (SELECT max(aggregate_seq) FROM ingested_events e
                        WHERE e.hub_id = $1 AND e.aggregate_type = x.t AND e.aggregate_id = x.i) AS s
               FROM unnest($3::text[], $4::text[]) AS x(t, i)) h) AS heads
            ${extra ? `, ${extra.select}` : ''}`,
    [...params, ...(extra?.params ?? [])],
    { prepare: true },
  );
  const known = (row.known ?? NO_ROWS) as KnownRow[];
  const inBatch = dense ? new Set(seqs) : null;
  const bySeq = inBatch ? known.filter((r) => inBatch.has(toNumber(r.seq))) : known;
  const idRows = probeIds
    ? ((row.known_ids ?? []) as KnownRow[])
    : bySeq.length === 0
      ? NO_ROWS
      : await tx.query<KnownRow>(PROBE_BY_ID, [hubId, events.map((e) => e.id)]);
  const aggregateLast = new Map<string, number>();
  for (const r of (row.heads ?? []) as Array<{ t: string; i: string; s: unknown }>)
    aggregateLast.set(`${r.t}:${r.i}`, toNumber(r.s));
  const byId = new Map<string, KnownRow>();
  const idBySeq = new Map<number, string>();
  for (const r of [...idRows, ...bySeq]) {
    byId.set(r.event_id, r);
    idBySeq.set(toNumber(r.seq), r.event_id);
  }
  return { state: { byId, idBySeq, aggregateLast, idsProbed: idRows !== NO_ROWS, unprobed }, row };
}

export function rejected(
  e: SyncEvent,
  reason: Extract<EventResult, { status: 'rejected' }>['reason'],
  message: string,
  retryable: boolean,
): EventResult {
  return { eventId: e.id, seq: e.seq, status: 'rejected', reason, message, retryable };
}

type Precheck = { ok: false; result: EventResult } | { ok: true; event: DomainEvent };

/**
 * Every check that does not need the event applied: duplicates, conflicts, validity, aggregate order.
 * `check` is the event's own validity (checkEvent), worked out before the cursor lock was taken.
 */
export function precheck(e: SyncEvent, state: BatchState, check: EventCheck): Precheck {
  const existing = state.byId.get(e.id);
  if (existing !== undefined) {
    const result: EventResult =
      toNumber(existing.seq) === e.seq && existing.type === e.type
        ? { eventId: e.id, seq: e.seq, status: 'duplicate' }
        : rejected(
            e,
            'EVENT_ID_CONFLICT',
            `event id already ingested as seq ${toNumber(existing.seq)} (${existing.type})`,
            false,
          );
    return { ok: false, result };
  }
  const holder = state.idBySeq.get(e.seq);
  if (holder !== undefined) {
    return {
      ok: false,
      result: rejected(
        e,
        'SEQ_CONFLICT',
        `seq ${e.seq} is already held by event ${holder}: was the hub's log reset?`,
        false,
      ),
    };
  }
  if (!check.ok) return { ok: false, result: rejected(e, check.reason, check.message, false) };
  const aggKey = aggregateKey(e);
  const last = state.aggregateLast.get(aggKey) ?? 0;
  if (e.aggregateSeq <= last) {
    return {
      ok: false,
      result: rejected(
        e,
        'AGGREGATE_SEQ_CONFLICT',
        `${aggKey} already has event #${e.aggregateSeq} with another id`,
        false,
      ),
    };
  }
  if (e.aggregateSeq > last + 1) {
    // An earlier event of this aggregate is missing (parked, dead-lettered or rejected): applying this
    // one first would break per-aggregate order, so it waits; it lands once the gap is filled.
    return {
      ok: false,
      result: rejected(
        e,
        'AGGREGATE_GAP',
        `${aggKey} is at #${last}; event #${e.aggregateSeq} waits for #${last + 1}`,
        true,
      ),
    };
  }
  return { ok: true, event: check.event };
}

export function markApplied(state: BatchState, e: SyncEvent): EventResult {
  state.aggregateLast.set(aggregateKey(e), e.aggregateSeq);
  state.idBySeq.set(e.seq, e.id);
  return { eventId: e.id, seq: e.seq, status: 'applied' };
}
