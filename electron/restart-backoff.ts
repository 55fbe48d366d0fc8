// Exponential restart delays for the hub: initial, doubling on every consecutive crash, capped.
// No jitter: there is exactly one hub per machine, so there is no herd to spread out.

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export class RestartBackoff {
  readonly #policy: BackoffPolicy;
  #consecutive = 0;

  constructor(policy: BackoffPolicy) {
    if (!(policy.initialMs > 0) || !(policy.maxMs >= policy.initialMs)) {
      throw new RangeError(
        `backoff needs 0 < initialMs <= maxMs, got ${policy.initialMs} and ${policy.maxMs}`,
      );
    }
    this.#policy = policy;
  }

  /** How many delays were handed out since the last reset. */
  get consecutive(): number {
    return this.#consecutive;
  }

  /** The delay before the next restart; each call counts as one more consecutive crash. */
  next(): number {
    const delay = Math.min(this.#policy.maxMs, this.#policy.initialMs * 2 ** this.#consecutive);
    this.#consecutive += 1;
    return delay;
  }

  /** Called once the hub has stayed up long enough that the last crash no longer counts. */
  reset(): void {
    this.#consecutive = 0;
  }
}
