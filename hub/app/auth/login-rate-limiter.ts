// Caps failed PIN login attempts per key (a staff member, a remote address) in a sliding window.
// A 4-digit PIN has 10 000 values: 5 tries a minute makes guessing one take days, not seconds.
import { AppError } from '../../../protocol/errors.js';

export interface LoginRateLimiterOptions {
  /** Attempts allowed per key inside one window. */
  limit?: number;
  windowMs?: number;
  /** Keys remembered at most; past it the least recently used go first, so spraying keys cannot exhaust memory. */
  maxKeys?: number;
  now: () => Date;
}

export interface LoginRateLimiter {
  /**
   * Records one attempt against every key, or throws RATE_LIMITED (recording nothing) when any key
   * is already at its limit. All keys are checked before any is charged, so a refused attempt
   * does not push the lockout further out.
   */
  hit(keys: readonly string[]): number;
  /**
   * Takes back the attempt `hit` returned (a login that succeeded): only failed attempts count, so a
   * shared tablet where the whole shift signs in within a minute is not locked out.
   */
  forgive(keys: readonly string[], attempt: number): void;
  /** Keys currently remembered (for tests and metrics). */
  size(): number;
}

export const DEFAULT_LOGIN_LIMIT = 5;
export const DEFAULT_LOGIN_WINDOW_MS = 60_000;
export const DEFAULT_LOGIN_MAX_KEYS = 10_000;

export function createLoginRateLimiter(options: LoginRateLimiterOptions): LoginRateLimiter {
  const {
    limit = DEFAULT_LOGIN_LIMIT,
    windowMs = DEFAULT_LOGIN_WINDOW_MS,
    maxKeys = DEFAULT_LOGIN_MAX_KEYS,
    now,
  } = options;
  if (!(limit >= 1 && windowMs > 0 && maxKeys >= 1))
    throw new RangeError('rate limiter needs limit ≥ 1, windowMs > 0, maxKeys ≥ 1');

  // Map order is insertion order: re-inserting a key on every hit keeps the oldest-used key first.
  // Each value is that key's attempt times inside the window, oldest first, never more than `limit`.
  const attempts = new Map<string, number[]>();

  const live = (key: string, at: number): number[] => {
    const times = (attempts.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) attempts.delete(key);
    return times;
  };

  const sweep = (at: number) => {
    for (const [key, times] of attempts) {
      const newest = times[times.length - 1];
      if (newest === undefined || newest <= at - windowMs) attempts.delete(key);
    }
    for (const key of attempts.keys()) {
      if (attempts.size <= maxKeys) break;
      attempts.delete(key);
    }
  };

  return {
    hit(keys) {
      const at = now().getTime();
      const current = keys.map((key) => ({ key, times: live(key, at) }));
      let retryAfterMs = 0;
      for (const { times } of current) {
        const oldest = times[0];
        if (times.length >= limit && oldest !== undefined)
          retryAfterMs = Math.max(retryAfterMs, oldest + windowMs - at);
      }
      if (retryAfterMs > 0) {
        const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        throw new AppError('RATE_LIMITED', `too many login attempts; try again in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        });
      }
      for (const { key, times } of current) {
        attempts.delete(key);
        attempts.set(key, [...times, at]);
      }
      if (attempts.size > maxKeys) sweep(at);
      return at;
    },
    forgive(keys, attempt) {
      for (const key of keys) {
        const times = attempts.get(key);
        const i = times?.lastIndexOf(attempt) ?? -1;
        if (times && i >= 0) times.splice(i, 1);
      }
    },
    size: () => attempts.size,
  };
}
