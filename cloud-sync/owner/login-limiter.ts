// Login rate limit: failed attempts per email and per client address in a sliding window. In-process,
// like the nonce store, until the Redis store lands: with several instances each keeps its own count.
import type { Clock } from '../clock.js';

export interface LoginLimiterOptions {
  /** Failed attempts allowed per email inside the window (guessing one owner's password). */
  maxPerEmail: number;
  /** Failed attempts allowed per client address (spraying many emails); higher, as an office shares one. */
  maxPerAddress: number;
  windowMs: number;
}

/** Keys are `email:<email>` or `ip:<address>`. */
const isAddress = (key: string) => key.startsWith('ip:');

export interface LoginLimiter {
  /** Milliseconds to wait before the next attempt, or 0 when allowed. */
  retryAfterMs(keys: readonly string[]): number;
  fail(keys: readonly string[]): void;
  succeed(keys: readonly string[]): void;
}

export function memoryLoginLimiter(
  clock: Clock,
  options: LoginLimiterOptions = { maxPerEmail: 5, maxPerAddress: 50, windowMs: 15 * 60 * 1000 },
): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - options.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfterMs(keys) {
      const now = clock.nowMs();
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, now);
        const max = isAddress(key) ? options.maxPerAddress : options.maxPerEmail;
        if (times.length >= max) {
          const oldest = times[times.length - max] ?? now;
          wait = Math.max(wait, oldest + options.windowMs - now);
        }
      }
      return wait;
    },
    fail(keys) {
      const now = clock.nowMs();
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
      // Bounded memory under a spray of random emails: drop the oldest keys past 50k.
      if (failures.size > 50_000)
        for (const key of [...failures.keys()].slice(0, 10_000)) failures.delete(key);
    },
    succeed(keys) {
      for (const key of keys) if (!isAddress(key)) failures.delete(key);
    },
  };
}
