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
//
// This file is the loop (cycles, pipelining, backoff, waking); relay-send.ts sends one batch and settles the
// cloud's answer; relay-options.ts holds the tuning, options and status types.
import { backoffDelayMs } from './backoff.js';
import { BatchSizer } from './batch-sizer.js';
import { OutboxStore, type BatchEvent } from './outbox-store.js';
import { DEFAULT_TUNING, type RelayOptions, type RelayStatus, type RelayTuning } from './relay-options.js';
import {
  HubReporter,
  postBatch,
  settleBatch,
  type SendResult,
  type SettleContext,
  type Verdict,
} from './relay-send.js';
import { readRelayState, writeRelayState, type RelayState } from './sync-meta.js';

type CycleOutcome = { kind: 'idle' } | { kind: 'progress' } | { kind: 'failed'; retryAfterMs?: number };

export class Relay {
  private readonly store: OutboxStore;
  private readonly tuning: RelayTuning;
  private readonly sizer: BatchSizer;
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
  private readonly reporter: HubReporter;
  private readonly settling: SettleContext;

  constructor(private readonly options: RelayOptions) {
    this.store = new OutboxStore(options.db);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.sizer = new BatchSizer(this.tuning.limits, options.client.timeoutMs, options.logger);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.state = readRelayState(options.db);
    this.reporter = new HubReporter(options, this.now);
    this.settling = {
      db: options.db,
      client: options.client,
      logger: options.logger,
      metrics: options.metrics,
      store: this.store,
      reporter: this.reporter,
      now: this.now,
      sizer: this.sizer,
      maxAttempts: this.tuning.maxAttempts,
      failures: () => this.failures,
      noteError: (error) => this.noteError(error),
      noteSuccess: (atIso) => {
        this.state = { ...this.state, lastSuccessAt: atIso };
        writeRelayState(options.db, this.state);
      },
    };
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
      batchLimitBytes: this.sizer.limits.maxBytes,
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
        const events = this.store.readBatch(cursor, this.sizer.limits);
        if (events.length === 0) break;
        cursor = events[events.length - 1]!.seq;
        const result = postBatch(this.options.client, this.reporter, events, this.now, this.options.tracer);
        inflight.push({ events, result, head: !sent });
        sent = true;
      }
      const head = inflight.shift();
      if (!head) break;
      const result = await head.result;
      if (this.stopping && result.kind === 'transport') continue;
      const verdict = settleBatch(this.settling, head.events, result, head.head);
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

  private noteError(error: string): void {
    this.state = { ...this.state, lastError: error, lastErrorAt: new Date(this.now()).toISOString() };
    try {
      writeRelayState(this.options.db, this.state);
    } catch {
      /* the status write is best effort: the next success or failure writes it again */
    }
  }
}
