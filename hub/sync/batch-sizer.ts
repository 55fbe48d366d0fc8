// How big the relay's batches are, live. Two different signals change it:
// - 413 from the cloud: the batch is bigger than this cloud takes. The ceiling halves for good (for this
//   relay), and the size with it.
// - A request that ran out of time on an open connection: the uplink is too slow to carry the batch
//   within the request deadline (a 1 MB batch needs ≈ 0.3 Mbit/s for 30 s). The size halves, down to a
//   floor, and grows back, doubling, after a few batches answered well within the deadline.
// A connection that never opened (cloud down, no route, refused) says nothing about size, so a plain
// outage leaves the size alone; when the internet comes back, the first batches go out at full size.
import type { Logger } from '../observability/logger.js';
import type { BatchLimits } from './outbox-store.js';

/** Below this a batch carries a handful of events; smaller gains nothing but round trips. */
export const MIN_BATCH_BYTES = 16 * 1024;
/** Answers this many times faster than the deadline count towards growing back. */
const QUICK_FRACTION = 4;
/** Quick answers in a row, at the current size, before it doubles. */
const QUICK_TO_GROW = 3;

export class BatchSizer {
  /** What the next batch may hold; read by the outbox store for every batch. */
  readonly limits: BatchLimits;
  private readonly ceiling: BatchLimits;
  private quick = 0;

  constructor(
    configured: BatchLimits,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {
    this.ceiling = { ...configured };
    this.limits = { ...configured };
  }

  /** The cloud answered 413. */
  tooLarge(): void {
    this.ceiling.maxBytes = Math.max(MIN_BATCH_BYTES, Math.floor(this.ceiling.maxBytes / 2));
    this.ceiling.maxEvents = Math.max(1, Math.floor(this.ceiling.maxEvents / 2));
    this.limits.maxBytes = Math.min(this.limits.maxBytes, this.ceiling.maxBytes);
    this.limits.maxEvents = Math.min(this.limits.maxEvents, this.ceiling.maxEvents);
    this.quick = 0;
    this.logger.warn(
      { ...this.limits },
      'the cloud refused a batch as too large; smaller batches from now on',
    );
  }

  /** A request of `bytes` timed out after its connection was open. */
  timedOut(bytes: number): void {
    this.quick = 0;
    // Only a batch near the current size says the size is too big (a small batch can time out too).
    if (bytes <= this.limits.maxBytes / 2 || this.limits.maxBytes <= MIN_BATCH_BYTES) return;
    this.limits.maxBytes = Math.max(MIN_BATCH_BYTES, Math.floor(this.limits.maxBytes / 2));
    this.logger.warn(
      { maxBytes: this.limits.maxBytes, timedOutBytes: bytes, timeoutMs: this.timeoutMs },
      'a sync batch did not get through in time; halving the batch size for a slow uplink',
    );
  }

  /** The cloud answered a batch of `bytes` after `ms`. */
  answered(ms: number, bytes: number): void {
    if (this.limits.maxBytes >= this.ceiling.maxBytes) return;
    // A short batch (the backlog ran out) answered quickly says little about a full one.
    const quick = ms * QUICK_FRACTION < this.timeoutMs && bytes > this.limits.maxBytes / 2;
    if (!quick) {
      if (bytes > this.limits.maxBytes / 2) this.quick = 0;
      return;
    }
    if (++this.quick < QUICK_TO_GROW) return;
    this.quick = 0;
    this.limits.maxBytes = Math.min(this.ceiling.maxBytes, this.limits.maxBytes * 2);
    this.logger.info(
      { maxBytes: this.limits.maxBytes },
      'sync batches get through quickly again; doubling the batch size',
    );
  }
}
