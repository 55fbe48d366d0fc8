// Ingests one signed batch in ONE transaction: dedupe on (hub, event id), per-aggregate order,
// projections, contiguous cursor, audit chain and hub status all commit together or not at all.
// Two ways to apply the events, with the same answers and the same tables: batched (a handful of
// multi-row statements for the whole batch, the default) and per event (a savepoint, an INSERT and the
// projection statements for each event). If the database refuses the batched write, the transaction
// is rolled back and the batch redone per event in a new one, so the one event at fault is answered
// INGEST_FAILED and the rest land.
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
import type { CloudDb, SqlRunner } from '../db/cloud-db.js';
import { advanceContiguous, foldAuditChain, type CursorState } from './advance-cursor.js';
import {
  applyBatched,
  applyPerEvent,
  BatchedWriteRefused,
  type Applied,
  type BatchedInputs,
  type IngestLog,
} from './apply-events.js';
import { cursorStatusWrites, updateCursorStatus } from './cursor-status.js';
import { projectionRowsFrom, projectionRowsSelect } from './projection-rows.js';
import { loadState, lockCursor } from './batch-state.js';
import { checkEvent, type EventCheck } from './check-event.js';

// Part of this module's public face: callers hand their logger to ingestBatch.
export type { IngestLog } from './apply-events.js';

export interface IngestOutcome {
  response: IngestResponse;
  counts: { applied: number; duplicate: number; rejected: number };
  /** The events this call stored, in seq order: what the live fan-out publishes after the commit. */
  applied: SyncEvent[];
}

export type IngestMode = 'batched' | 'per-event';

export async function ingestBatch(
  db: CloudDb,
  hub: VerifiedHub,
  batch: IngestBatch,
  clock: Clock,
  log?: IngestLog,
  options: { mode?: IngestMode } = {},
): Promise<IngestOutcome> {
  if (batch.protocolVersion !== SYNC_PROTOCOL_VERSION) {
    throw new AppError(
      'INVALID',
      `sync protocol version ${batch.protocolVersion} is not supported; this cloud speaks ${SYNC_PROTOCOL_VERSION}`,
    );
  }
  if (batch.hubId !== hub.hubId)
    throw new AppError('FORBIDDEN', `key ${hub.keyId} belongs to another hub than ${batch.hubId}`);
  const mode = options.mode ?? 'batched';
  // Each event's own validity needs no state: worked out here, before the hub's cursor lock, it runs
  // while the hub's previous batch still holds the lock instead of while this one does.
  const checks = batch.events.map((e) => checkEvent(e, hub.branchId));
  // The events' JSON document for the batched write is made here too (≈ 1 ms for a full batch); it is
  // used when every event of the batch is applied, as nearly always.
  const eventsJson = mode === 'batched' ? JSON.stringify(batch.events) : '';
  try {
    return await ingestOnce(db, hub, batch, { checks, eventsJson }, clock, log, mode);
  } catch (err) {
    if (!(err instanceof BatchedWriteRefused)) throw err;
    if (log?.warn) log.warn({ err: err.cause }, err.message);
    else log?.error({ err: err.cause }, err.message);
    return ingestOnce(db, hub, batch, { checks, eventsJson }, clock, log, 'per-event');
  }
}

/** Made before the hub's cursor lock is taken (see ingestBatch). */
interface Prepared {
  checks: readonly EventCheck[];
  eventsJson: string;
}

/** One transaction: lock, check, apply in `mode`, advance the cursor and the audit chain, commit. */
function ingestOnce(
  db: CloudDb,
  hub: VerifiedHub,
  batch: IngestBatch,
  prepared: Prepared,
  clock: Clock,
  log: IngestLog | undefined,
  mode: IngestMode,
): Promise<IngestOutcome> {
  return db.transaction(async (tx) => {
    const { cursor, clock: branchClock } = await lockCursor(tx, hub.hubId, hub.branchId);
    const nowIso = new Date(clock.nowMs()).toISOString();
    const finish = (results: readonly EventResult[]) => ({
      nowIso,
      report: batch.hub,
      counts: countsOf(results),
    });
    // The batched write also moves the cursor over the batch's own events and updates the hub's
    // status, saving a round trip under the lock. That needs the audit chain folded up to the cursor
    // (always so once a batch has committed), so the fold over the batch runs from memory.
    let written: CursorState | undefined;
    const alsoWrite =
      cursor.auditSeq === cursor.highestContiguousSeq
        ? async ({ results, applied, after }: Parameters<NonNullable<BatchedInputs['alsoWrite']>>[0]) => {
            const { state, firstBreak } = await foldAuditChain(tx, hub.hubId, cursor, after, bySeq(applied));
            written = state;
            return cursorStatusWrites('$2', { ...finish(results), cursor: state, firstBreak });
          }
        : undefined;
    const batched =
      mode === 'batched'
        ? await applyBatchedUnderLock(tx, hub, batch.events, {
            ...prepared,
            cursorSeq: cursor.highestContiguousSeq,
            clock: branchClock,
            alsoWrite,
          })
        : null;
    const outcome =
      batched ??
      (await applyPerEvent(
        tx,
        hub.hubId,
        hub.branchId,
        batch.events,
        prepared.checks,
        (await loadState(tx, hub.hubId, batch.events, 'always')).state,
        branchClock,
        log,
      ));
    const { results, applied } = outcome;
    const stored = bySeq(applied);
    const from = written ?? cursor;
    const contiguous = await advanceContiguous(
      tx,
      hub.hubId,
      from.highestContiguousSeq,
      stored,
      outcome.lookahead,
    );
    // Nothing left to write when the write statement did it and no event stored earlier continues it
    // (the usual case); else the rest of the way, counted once.
    if (written === undefined || contiguous > written.highestContiguousSeq) {
      const { state, firstBreak } = await foldAuditChain(tx, hub.hubId, from, contiguous, stored);
      const update = finish(written === undefined ? results : []);
      await updateCursorStatus(tx, hub.hubId, { ...update, cursor: state, firstBreak });
    }
    return {
      response: { batchId: batch.batchId, results, highestContiguousSeq: contiguous },
      counts: countsOf(results),
      applied,
    };
  });
}

function countsOf(results: readonly EventResult[]): IngestOutcome['counts'] {
  const counts = { applied: 0, duplicate: 0, rejected: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The events this transaction stored, by seq: what the cursor walk and the audit fold read first. */
const bySeq = (applied: readonly SyncEvent[]): Map<number, SyncEvent> =>
  new Map(applied.map((e) => [e.seq, e]));

/**
 * The batched path: its state and every projection row the batch's valid events can touch, read in ONE
 * statement (a round trip under the lock costs ≈ 1.4 ms while the cloud is busy), then applied.
 * Loading rows for events that turn out to be duplicates only reads a few rows more.
 */
async function applyBatchedUnderLock(
  tx: SqlRunner,
  hub: VerifiedHub,
  events: readonly SyncEvent[],
  inputs: Prepared & Pick<BatchedInputs, 'cursorSeq' | 'clock' | 'alsoWrite'>,
): Promise<Applied | null> {
  const valid = inputs.checks.flatMap((c) => (c.ok ? [{ event: c.event }] : []));
  const { state, row } = await loadState(tx, hub.hubId, events, 'when-seqs-known', {
    build: (first) => projectionRowsSelect(hub.branchId, valid, first),
  });
  const rows = projectionRowsFrom(row);
  return applyBatched(tx, hub.hubId, hub.branchId, events, { ...inputs, state, rows });
}
