// The outbox relay: ships the hub's events to the cloud in seq order, in batches, and settles the cloud's
// per-event answers. Nothing leaves the outbox without an answer from the cloud: applied or duplicate →
// deleted; refused for good, or failing `maxAttempts` times → dead letter (its aggregate's later events
// park behind it); anything else stays and is sent again. Transport trouble is retried forever with
// full-jitter backoff. Woken after commits (with a short coalescing window so a burst is one batch) and
// by a timer.
//
// Two batches may be in flight: the cloud serializes a hub's batches and holds back an event whose
// aggregate predecessor has not landed (AGGREGATE_GAP, retryable), so pipelining cannot break the order per
// aggregate; at worst it costs a resend. After any batch leaves events behind, the relay waits for the
// batch in flight and starts again from the oldest pending event.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  INGEST_PATH,
  ingestResponseSchema,
  MAX_BATCH_EVENTS,
  SYNC_PROTOCOL_VERSION,
  type HubReport,
  type IngestResponse,
} from '../../protocol/sync/ingest-batch.js';
import type { CatalogApplied } from '../../protocol/sync/catalog-feed.js';
import type { Logger } from '../observability/logger.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import {
  authFailureReason,
  describeAnswer,
  retryAfterMs,
  type CloudAnswer,
  type CloudClient,
} from './cloud-client.js';
import {
  OutboxStore,
  outboxCounts,
  type BatchEvent,
  type BatchLimits,
  type OutboxCounts,
} from './outbox-store.js';
import { readRelayState, writeRelayState, type RelayState } from './sync-meta.js';
import type { SyncMetrics } from './sync-metrics.js';

export interface RelayTuning {
  /** How long after a commit the relay waits for more commits before sending (one batch for a burst). */
  coalesceMs: number;
  /** The timer that wakes an idle relay even without commits (events written by another process). */
  pollMs: number;
  backoff: BackoffPolicy;
  /** Retryable failures of one event before it is dead-lettered. */
  maxAttempts: number;
  limits: BatchLimits;
  /** Batches in flight at once (1 or 2). */
  window: number;
}

export const DEFAULT_TUNING: RelayTuning = {
  coalesceMs: 200,
  pollMs: 5000,
  backoff: DEFAULT_BACKOFF,
  maxAttempts: 10,
  limits: { maxEvents: MAX_BATCH_EVENTS, maxBytes: 256 * 1024 },
  window: 2,
};

export interface RelayOptions {
  db: Database.Database;
  client: CloudClient;
  logger: Logger;
  metrics?: SyncMetrics;
  tuning?: Partial<RelayTuning>;
  /** The hub's wall clock (ms); tests skew it. */
  now?: () => number;
  random?: () => number;
  /** The catalog version applied here, reported with every batch. */
  catalogApplied?: () => CatalogApplied | undefined;
}

export interface RelayStatus {
  running: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** When the next attempt is due while backing off. */
  nextAttemptAt: string | null;
  clockOffsetMs: number;
}

type SendResult =
  | { kind: 'answer'; batchId: string; answer: CloudAnswer }
  | { kind: 'transport'; batchId: string; error: string };

interface Verdict {
  /** Some event left the outbox (acknowledged or dead-lettered). */
  progress: boolean;
  /** Some event stays pending for another try. */
  leftovers: boolean;
  /** Why the batch failed as a whole, and how long the cloud asked us to wait. */
  trouble?: { error: string; retryAfterMs?: number };
}

type CycleOutcome = { kind: 'idle' } | { kind: 'progress' } | { kind: 'failed'; retryAfterMs?: number };

export class Relay {
  private readonly store: OutboxStore;
  private readonly tuning: RelayTuning;
  private readonly limits: BatchLimits;
  private readonly now: () => number;
  private readonly random: () => number;
  private state: RelayState;
  private failures = 0;
  private nextAttemptAt: number | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Commits happened since the last read. */
  private dirty = true;
  private wakeScheduled: NodeJS.Timeout | null = null;
  private sleeper: { timer: NodeJS.Timeout; resolve: () => void; interruptible: boolean } | null = null;
  private counts: { at: number; value: OutboxCounts } | null = null;

  constructor(private readonly options: RelayOptions) {
    this.store = new OutboxStore(options.db);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.limits = { ...this.tuning.limits };
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.state = readRelayState(options.db);
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop().catch((err: unknown) => {
      this.options.logger.error({ err }, 'sync relay stopped on an unexpected error');
    });
  }

  /** Stops after the batches in flight are answered or aborted; their events stay in the outbox. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.wakeScheduled) clearTimeout(this.wakeScheduled);
    this.wakeScheduled = null;
    this.interrupt(true);
    this.options.client.close();
    await this.running;
    this.running = null;
  }

  /** After a commit: send soon, together with whatever else commits within the coalescing window. */
  wake(): void {
    this.dirty = true;
    if (this.wakeScheduled || this.stopping) return;
    this.wakeScheduled = setTimeout(() => {
      this.wakeScheduled = null;
      this.interrupt(false);
    }, this.tuning.coalesceMs);
  }

  /** Now, even while backing off (an operator requeued dead letters or fixed the pairing). */
  kick(): void {
    this.dirty = true;
    this.interrupt(true);
  }

  status(): RelayStatus {
    return {
      running: this.running !== null && !this.stopping,
      ...this.state,
      consecutiveFailures: this.failures,
      nextAttemptAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
      clockOffsetMs: Math.round(this.options.client.clockOffsetMs),
    };
  }

  private interrupt(evenBackoff: boolean): void {
    const s = this.sleeper;
    if (!s || (!s.interruptible && !evenBackoff)) return;
    clearTimeout(s.timer);
    this.sleeper = null;
    s.resolve();
  }

  private sleep(ms: number, interruptible: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = null;
        resolve();
      }, ms);
      this.sleeper = { timer, resolve, interruptible };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let outcome: CycleOutcome;
      try {
        outcome = await this.cycle();
      } catch (err) {
        // A local failure (the database busy or full): log it and back off like a network failure.
        this.options.logger.error({ err }, 'sync relay cycle failed on the hub');
        this.noteError(`hub: ${err instanceof Error ? err.message : String(err)}`);
        outcome = { kind: 'failed' };
      }
      if (this.stopping) break;
      if (outcome.kind === 'idle') {
        this.failures = 0;
        this.nextAttemptAt = null;
        if (!this.dirty) await this.sleep(this.tuning.pollMs, true);
      } else if (outcome.kind === 'progress') {
        this.failures = 0;
        this.nextAttemptAt = null;
      } else {
        this.failures++;
        const delay = backoffDelayMs(this.failures, this.tuning.backoff, this.random, outcome.retryAfterMs);
        this.nextAttemptAt = this.now() + delay;
        await this.sleep(delay, false);
        this.nextAttemptAt = null;
      }
    }
  }

  private async cycle(): Promise<CycleOutcome> {
    this.dirty = false;
    let cursor = 0;
    let refill = true;
    let progressed = false;
    let sent = false;
    let trouble: Verdict['trouble'];
    const inflight: Array<{ events: BatchEvent[]; result: Promise<SendResult>; head: boolean }> = [];
    for (;;) {
      while (refill && !this.stopping && inflight.length < this.tuning.window) {
        const events = this.store.readBatch(cursor, this.limits);
        if (events.length === 0) break;
        cursor = events[events.length - 1]!.seq;
        inflight.push({ events, result: this.post(events), head: !sent });
        sent = true;
      }
      const head = inflight.shift();
      if (!head) break;
      const result = await head.result;
      if (this.stopping && result.kind === 'transport') continue;
      const verdict = this.settle(head.events, result, head.head);
      progressed ||= verdict.progress;
      if (verdict.trouble) trouble ??= verdict.trouble;
      // Something stays behind, or went wrong: finish what is in flight, then start over from the oldest.
      if (verdict.trouble || verdict.leftovers) refill = false;
    }
    if (!sent) return { kind: 'idle' };
    if (trouble) return { kind: 'failed', retryAfterMs: trouble.retryAfterMs };
    if (!progressed) return { kind: 'failed' };
    return { kind: 'progress' };
  }

  private report(): HubReport {
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

  private async post(events: BatchEvent[]): Promise<SendResult> {
    const batchId = randomUUID();
    const { pairing } = this.options.client;
    const body =
      `{"protocolVersion":${SYNC_PROTOCOL_VERSION},"hubId":${JSON.stringify(pairing.hubId)},"batchId":"${batchId}",` +
      `"prevSeq":${events[0]!.seq - 1},"events":[${events.map((e) => e.json).join(',')}],` +
      `"hub":${JSON.stringify(this.report())}}`;
    try {
      // The batch id is the request id: the cloud's log line for this batch carries it too.
      const answer = await this.options.client.send('POST', INGEST_PATH, { body, requestId: batchId });
      return { kind: 'answer', batchId, answer };
    } catch (err) {
      return { kind: 'transport', batchId, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** `head`: the cycle's first batch, read from the oldest pending event with nothing in flight before it. */
  private settle(events: BatchEvent[], result: SendResult, head: boolean): Verdict {
    const { logger, metrics } = this.options;
    const log = logger.child({ batchId: result.batchId, firstSeq: events[0]!.seq, events: events.length });
    if (result.kind === 'transport') {
      metrics?.batches.inc({ outcome: 'network' });
      return this.failed(log, `network: ${result.error}`);
    }
    const { answer } = result;
    if (answer.status === 200) {
      let response: IngestResponse;
      try {
        response = ingestResponseSchema.parse(JSON.parse(answer.body));
      } catch {
        metrics?.batches.inc({ outcome: 'bad_answer' });
        return this.failed(log, `the cloud's answer is not an ingest response: ${answer.body.slice(0, 200)}`);
      }
      metrics?.batches.inc({ outcome: 'ok' });
      return this.applyAnswer(log, events, response, head);
    }
    const error = describeAnswer(answer);
    if (answer.status === 429 || answer.status === 503) {
      metrics?.batches.inc({ outcome: answer.status === 429 ? 'rate_limited' : 'unavailable' });
      return this.failed(log, error, retryAfterMs(answer, this.now() + this.options.client.clockOffsetMs));
    }
    if (answer.status === 401 || answer.status === 403) {
      metrics?.batches.inc({ outcome: 'auth' });
      const reason = authFailureReason(answer);
      const hint =
        reason === 'KEY_EXPIRED' || reason === 'KEY_REVOKED' || reason === 'UNKNOWN_KEY'
          ? ' (pair the hub again with its new key)'
          : '';
      return this.failed(log, error + hint);
    }
    if (answer.status === 413) {
      // Our size estimate was off for this cloud: smaller batches from now on.
      this.limits.maxBytes = Math.max(16 * 1024, Math.floor(this.limits.maxBytes / 2));
      this.limits.maxEvents = Math.max(1, Math.floor(this.limits.maxEvents / 2));
    }
    metrics?.batches.inc({ outcome: 'refused' });
    // A malformed event fails the whole batch and the cloud names it ("… invalid at events.3.…"): count the
    // attempt against that event alone, so it reaches the dead letters and the rest flows.
    const at = /invalid at events\.(\d+)\./.exec(answer.body);
    const culprit = at ? events[Number(at[1])] : undefined;
    if (answer.status === 400 && culprit) {
      const dead = this.options.db.transaction(() => {
        const attempts = this.store.recordAttempt(culprit.seq, error);
        if (attempts < this.tuning.maxAttempts) return false;
        this.deadLetter(log, culprit, `${error} (after ${attempts} attempts)`, attempts);
        return true;
      })();
      if (dead) return { progress: true, leftovers: true };
    }
    return this.failed(log, error);
  }

  private applyAnswer(log: Logger, events: BatchEvent[], response: IngestResponse, head: boolean): Verdict {
    const { metrics } = this.options;
    const bySeq = new Map(response.results.map((r) => [r.seq, r]));
    let progress = false;
    let leftovers = false;
    const tally = { applied: 0, duplicate: 0, retry: 0, dead_lettered: 0 };
    const nowIso = new Date(this.now()).toISOString();
    this.options.db.transaction(() => {
      for (const e of events) {
        const r = bySeq.get(e.seq);
        if (r !== undefined && r.eventId === e.id && (r.status === 'applied' || r.status === 'duplicate')) {
          this.store.acknowledge(e.seq);
          tally[r.status]++;
          progress = true;
          continue;
        }
        if (r !== undefined && r.eventId === e.id && r.status === 'rejected' && !r.retryable) {
          this.deadLetter(log, e, `${r.reason}: ${r.message}`, e.attempts + 1);
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
        const attempts = this.store.recordAttempt(e.seq, why);
        if (attempts >= this.tuning.maxAttempts) {
          this.deadLetter(log, e, `${why} (gave up after ${attempts} attempts)`, attempts);
          tally.dead_lettered++;
          progress = true;
        } else {
          tally.retry++;
          leftovers = true;
        }
      }
      this.state = { ...this.state, lastSuccessAt: nowIso };
      writeRelayState(this.options.db, this.state);
    })();
    this.counts = null;
    for (const [status, n] of Object.entries(tally)) if (n > 0) metrics?.events.inc({ status }, n);
    log.debug({ ...tally, highestContiguousSeq: response.highestContiguousSeq }, 'batch settled');
    return { progress, leftovers };
  }

  private deadLetter(log: Logger, e: BatchEvent, error: string, attempts: number): void {
    this.store.deadLetter(e, error, attempts, new Date(this.now()));
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

  private failed(log: Logger, error: string, retryAfter?: number): Verdict {
    log.warn({ error, failures: this.failures + 1 }, 'sync batch failed; will retry');
    this.noteError(error);
    return { progress: false, leftovers: true, trouble: { error, retryAfterMs: retryAfter } };
  }

  private noteError(error: string): void {
    this.state = { ...this.state, lastError: error, lastErrorAt: new Date(this.now()).toISOString() };
    try {
      writeRelayState(this.options.db, this.state);
    } catch {
      /* the status write is best effort: the next success or failure writes it again */
    }
  }
}
