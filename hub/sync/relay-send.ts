// One signed batch of the outbox relay, from the wire to the verdict: the request body (events plus the
// hub's own report), the HTTP call, and the settling of the cloud's answer. Applied or duplicate →
// acknowledged; refused for good, or failing `maxAttempts` times → dead letter; anything else stays for
// another try. A whole-batch failure (network, 429/503 with Retry-After, auth, refusal) becomes `trouble`,
// which the loop in relay.ts turns into backoff.
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { traceHeaders } from '../observability/tracing.js';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  INGEST_PATH,
  ingestResponseSchema,
  SYNC_PROTOCOL_VERSION,
  type HubReport,
  type IngestResponse,
} from '../../protocol/sync/ingest-batch.js';
import type { Logger } from '../observability/logger.js';
import type { BatchSizer } from './batch-sizer.js';
import {
  authFailureReason,
  describeAnswer,
  retryAfterMs,
  TransportError,
  type CloudAnswer,
  type CloudClient,
} from './cloud-client.js';
import { outboxCounts, type BatchEvent, type OutboxCounts, type OutboxStore } from './outbox-store.js';
import type { RelayOptions } from './relay-options.js';
import type { SyncMetrics } from './sync-metrics.js';

/** `bytes`: the request body's size; `ms`: from sending to the answer (or the failure). */
export type SendResult =
  | { kind: 'answer'; batchId: string; answer: CloudAnswer; bytes: number; ms: number }
  | { kind: 'transport'; batchId: string; error: string; bytes: number; ms: number; slowLink: boolean };

export interface Verdict {
  /** Some event left the outbox (acknowledged or dead-lettered). */
  progress: boolean;
  /** Some event stays pending for another try. */
  leftovers: boolean;
  /** Why the batch failed as a whole, and how long the cloud asked us to wait. */
  trouble?: { error: string; retryAfterMs?: number };
}

/** The hub's backlog and catalog version, sent with every batch so the cloud can show how far behind it is. */
export class HubReporter {
  private counts: { at: number; value: OutboxCounts } | null = null;

  constructor(
    private readonly options: Pick<RelayOptions, 'db' | 'catalogApplied'>,
    private readonly now: () => number,
  ) {}

  report(): HubReport {
    const nowMs = this.now();
    // Counting the outbox costs a scan; once a second is plenty for a status report.
    if (!this.counts || nowMs - this.counts.at > 1000)
      this.counts = { at: nowMs, value: outboxCounts(this.options.db) };
    const c = this.counts.value;
    const catalog = this.options.catalogApplied?.();
    return {
      headSeq: c.headSeq,
      backlog: c.pending + c.parked,
      deadLetters: c.deadLetters,
      oldestPendingAgeMs:
        c.oldestPendingAt === null ? null : Math.max(0, Math.round(nowMs - Date.parse(c.oldestPendingAt))),
      ...(catalog ? { catalog } : {}),
    };
  }

  /**
   * A batch was settled. While the relay drains a backlog, batches settle every few milliseconds, and a
   * count scans the pending rows: counting afresh after each cost as much as reading the batch (≈ 4 µs
   * per event at 200,000 pending). So the events that left are taken off the last count, which is
   * redone once a second as before; a dead letter also parks events, which only a count can tell, so
   * it recounts.
   */
  settled(left: number, deadLettered: number): void {
    if (deadLettered > 0 || !this.counts) {
      this.counts = null;
      return;
    }
    const value = this.counts.value;
    const pending = Math.max(0, value.pending - left);
    // The oldest pending event's age stays as last counted (it can only overstate the lag), unless
    // nothing is left to be old.
    const empty = pending === 0 && value.parked === 0;
    this.counts = {
      at: this.counts.at,
      value: {
        ...value,
        pending,
        ...(empty ? { oldestPendingSeq: null, oldestPendingAt: null } : {}),
      },
    };
  }
}

/** Never throws: a failure to get any answer comes back as `transport`. */
export async function postBatch(
  client: CloudClient,
  reporter: HubReporter,
  events: BatchEvent[],
  now: () => number,
  tracer?: Tracer,
): Promise<SendResult> {
  const batchId = randomUUID();
  const { pairing } = client;
  const body =
    `{"protocolVersion":${SYNC_PROTOCOL_VERSION},"hubId":${JSON.stringify(pairing.hubId)},"batchId":"${batchId}",` +
    `"prevSeq":${events[0]!.seq - 1},"events":[${events.map((e) => e.json).join(',')}],` +
    `"hub":${JSON.stringify(reporter.report())}}`;
  const bytes = Buffer.byteLength(body);
  const start = now();
  const span = tracer?.startSpan('sync batch', {
    kind: SpanKind.CLIENT,
    attributes: {
      'comanda.batch_id': batchId,
      'comanda.events': events.length,
      'comanda.first_seq': events[0]!.seq,
    },
  });
  try {
    // The batch id is the request id: the cloud's log line for this batch carries it too.
    const answer = await client.send('POST', INGEST_PATH, {
      body,
      requestId: batchId,
      ...(span ? { headers: traceHeaders(span) } : {}),
    });
    span?.setAttribute('http.response.status_code', answer.status);
    return { kind: 'answer', batchId, answer, bytes, ms: now() - start };
  } catch (err) {
    span?.setStatus({
      code: SpanStatusCode.ERROR,
      message: err instanceof Error ? err.message : String(err),
    });
    return {
      kind: 'transport',
      batchId,
      error: err instanceof Error ? err.message : String(err),
      bytes,
      ms: now() - start,
      slowLink: err instanceof TransportError && err.code === 'ETIMEDOUT' && err.connected,
    };
  } finally {
    span?.end();
  }
}

/** What settling needs from the relay; the relay keeps its status, settling reports into it. */
export interface SettleContext {
  db: Database.Database;
  client: CloudClient;
  logger: Logger;
  metrics?: SyncMetrics;
  store: OutboxStore;
  reporter: HubReporter;
  now: () => number;
  /** The relay's live batch size: a 413 or a slow uplink shrinks it. */
  sizer: BatchSizer;
  maxAttempts: number;
  /** Failed cycles in a row so far (logged with a failed batch). */
  failures: () => number;
  noteError: (error: string) => void;
  /** Called inside the transaction that settles an answered batch. */
  noteSuccess: (atIso: string) => void;
}

/** `head`: the cycle's first batch, read from the oldest pending event with nothing in flight before it. */
export function settleBatch(
  ctx: SettleContext,
  events: BatchEvent[],
  result: SendResult,
  head: boolean,
): Verdict {
  const { logger, metrics } = ctx;
  const log = logger.child({ batchId: result.batchId, firstSeq: events[0]!.seq, events: events.length });
  if (result.kind === 'transport') {
    metrics?.batches.inc({ outcome: 'network' });
    if (result.slowLink) ctx.sizer.timedOut(result.bytes);
    return failed(ctx, log, `network: ${result.error}`);
  }
  const { answer } = result;
  if (answer.status === 200) {
    ctx.sizer.answered(result.ms, result.bytes);
    let response: IngestResponse;
    try {
      response = ingestResponseSchema.parse(JSON.parse(answer.body));
    } catch {
      metrics?.batches.inc({ outcome: 'bad_answer' });
      return failed(ctx, log, `the cloud's answer is not an ingest response: ${answer.body.slice(0, 200)}`);
    }
    metrics?.batches.inc({ outcome: 'ok' });
    return applyAnswer(ctx, log, events, response, head);
  }
  const error = describeAnswer(answer);
  if (answer.status === 429 || answer.status === 503) {
    metrics?.batches.inc({ outcome: answer.status === 429 ? 'rate_limited' : 'unavailable' });
    return failed(ctx, log, error, retryAfterMs(answer, ctx.now() + ctx.client.clockOffsetMs));
  }
  if (answer.status === 401 || answer.status === 403) {
    metrics?.batches.inc({ outcome: 'auth' });
    const reason = authFailureReason(answer);
    const hint =
      reason === 'KEY_EXPIRED' || reason === 'KEY_REVOKED' || reason === 'UNKNOWN_KEY'
        ? ' (pair the hub again with its new key)'
        : '';
    return failed(ctx, log, error + hint);
  }
  // Our size estimate was off for this cloud: smaller batches from now on.
  if (answer.status === 413) ctx.sizer.tooLarge();
  metrics?.batches.inc({ outcome: 'refused' });
  // A malformed event fails the whole batch and the cloud names it ("… invalid at events.3.…"): count the
  // attempt against that event alone, so it reaches the dead letters and the rest flows.
  const at = /invalid at events\.(\d+)\./.exec(answer.body);
  const culprit = at ? events[Number(at[1])] : undefined;
  if (answer.status === 400 && culprit) {
    const dead = ctx.db.transaction(() => {
      const attempts = ctx.store.recordAttempt(culprit.seq, error);
      if (attempts < ctx.maxAttempts) return false;
      deadLetter(ctx, log, culprit, `${error} (after ${attempts} attempts)`, attempts);
      return true;
    })();
    if (dead) return { progress: true, leftovers: true };
  }
  return failed(ctx, log, error);
}

function applyAnswer(
  ctx: SettleContext,
  log: Logger,
  events: BatchEvent[],
  response: IngestResponse,
  head: boolean,
): Verdict {
  const { metrics } = ctx;
  const bySeq = new Map(response.results.map((r) => [r.seq, r]));
  let progress = false;
  let leftovers = false;
  const tally = { applied: 0, duplicate: 0, retry: 0, dead_lettered: 0 };
  const nowIso = new Date(ctx.now()).toISOString();
  ctx.db.transaction(() => {
    for (const e of events) {
      const r = bySeq.get(e.seq);
      if (r !== undefined && r.eventId === e.id && (r.status === 'applied' || r.status === 'duplicate')) {
        ctx.store.acknowledge(e.seq);
        tally[r.status]++;
        progress = true;
        continue;
      }
      if (r !== undefined && r.eventId === e.id && r.status === 'rejected' && !r.retryable) {
        deadLetter(ctx, log, e, `${r.reason}: ${r.message}`, e.attempts + 1);
        tally.dead_lettered++;
        progress = true;
        continue;
      }
      if (r?.status === 'rejected' && r.reason === 'AGGREGATE_GAP' && !head) {
        // Behind a batch still in flight (or one that failed): its predecessor may simply not have landed
        // yet. Not the event's fault, so not an attempt; it is sent again from the oldest pending.
        tally.retry++;
        leftovers = true;
        continue;
      }
      const why =
        r === undefined || r.eventId !== e.id
          ? 'the cloud gave no answer for this event'
          : r.status === 'rejected'
            ? `${r.reason}: ${r.message}`
            : 'unexpected answer';
      const attempts = ctx.store.recordAttempt(e.seq, why);
      if (attempts >= ctx.maxAttempts) {
        deadLetter(ctx, log, e, `${why} (gave up after ${attempts} attempts)`, attempts);
        tally.dead_lettered++;
        progress = true;
      } else {
        tally.retry++;
        leftovers = true;
      }
    }
    ctx.noteSuccess(nowIso);
  })();
  ctx.reporter.settled(tally.applied + tally.duplicate + tally.dead_lettered, tally.dead_lettered);
  for (const [status, n] of Object.entries(tally)) if (n > 0) metrics?.events.inc({ status }, n);
  log.debug({ ...tally, highestContiguousSeq: response.highestContiguousSeq }, 'batch settled');
  return { progress, leftovers };
}

function deadLetter(ctx: SettleContext, log: Logger, e: BatchEvent, error: string, attempts: number): void {
  ctx.store.deadLetter(e, error, attempts, new Date(ctx.now()));
  log.error(
    {
      eventSeq: e.seq,
      eventId: e.id,
      eventType: e.type,
      aggregate: e.aggregateKey,
      requestId: e.requestId,
      commandId: e.commandId,
      error,
    },
    'event dead-lettered; later events of its aggregate are parked',
  );
}

function failed(ctx: SettleContext, log: Logger, error: string, retryAfter?: number): Verdict {
  log.warn({ error, failures: ctx.failures() + 1 }, 'sync batch failed; will retry');
  ctx.noteError(error);
  return { progress: false, leftovers: true, trouble: { error, retryAfterMs: retryAfter } };
}
