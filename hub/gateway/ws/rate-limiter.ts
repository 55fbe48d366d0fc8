// Per-connection token bucket for incoming frames: a flood from one tablet costs it, not the others.

export interface RateLimit {
  /** Sustained frames per second. */
  perSecond: number;
  /** Frames allowed in a burst above the sustained rate. */
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  take(): boolean {
    const at = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((at - this.last) / 1000) * this.limit.perSecond);
    this.last = at;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
