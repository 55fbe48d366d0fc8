// cached(key, loader, strategy): read models served from a cache with the requirements' three TTL
// strategies, and loaded once however many requests miss together.
//   fixed          the value lives ttlMs from when it was loaded; a miss after that reloads.
//   sliding        every read resets the TTL (GETEX): hot keys stay, cold ones leave.
//   refresh-ahead  a read that finds less than refreshBelowMs left answers with the cached value at
//                  once and reloads it in the background, so a busy key never expires under its readers.
// Single flight: in this process one load per key at a time (concurrent misses share it); across
// instances, a background refresh takes a short lease first, so one instance refreshes for all.
import type { CacheStore } from './cache-store.js';

export type CacheStrategy =
  | { kind: 'fixed'; ttlMs: number }
  | { kind: 'sliding'; ttlMs: number }
  | { kind: 'refresh-ahead'; ttlMs: number; refreshBelowMs: number };

export interface ReadCacheLog {
  warn(obj: object, msg: string): void;
}

export interface CacheStats {
  hits: number;
  misses: number;
  refreshes: number;
  errors: number;
}

export interface ReadCache {
  readonly kind: string;
  cached<T>(key: string, loader: () => Promise<T>, strategy: CacheStrategy): Promise<T>;
  /** Loads and stores now, whatever is cached (start-up warming, or after a known change). */
  warm<T>(key: string, loader: () => Promise<T>, strategy: CacheStrategy): Promise<T>;
  invalidate(key: string): Promise<void>;
  clear(pattern: string): Promise<number>;
  stats(): CacheStats;
  /** Resolves when no background refresh is running (tests, shutdown). */
  idle(): Promise<void>;
}

const LEASE_MS = 10_000;

export function createReadCache(store: CacheStore, log?: ReadCacheLog): ReadCache {
  const loading = new Map<string, Promise<unknown>>();
  const background = new Set<Promise<void>>();
  const stats: CacheStats = { hits: 0, misses: 0, refreshes: 0, errors: 0 };

  /** One load per key in this process; the result is stored before anyone awaiting it resumes. */
  function load<T>(key: string, loader: () => Promise<T>, ttlMs: number): Promise<T> {
    const running = loading.get(key) as Promise<T> | undefined;
    if (running !== undefined) return running;
    const p = (async () => {
      try {
        const value = await loader();
        await store.set(key, JSON.stringify(value), ttlMs).catch((err: unknown) => {
          // A cache that cannot store still answers from the loader.
          stats.errors++;
          log?.warn({ err, key }, 'cache store failed');
        });
        return value;
      } finally {
        loading.delete(key);
      }
    })();
    loading.set(key, p);
    return p;
  }

  async function read(
    key: string,
    strategy: CacheStrategy,
  ): Promise<{ value: string; ttlLeftMs: number } | undefined> {
    try {
      if (strategy.kind === 'sliding') {
        const value = await store.getAndTouch(key, strategy.ttlMs);
        return value === undefined ? undefined : { value, ttlLeftMs: strategy.ttlMs };
      }
      return await store.get(key);
    } catch (err) {
      // The cache is an optimisation: when it is down, readers go to the database.
      stats.errors++;
      log?.warn({ err, key }, 'cache read failed');
      return undefined;
    }
  }

  function refreshInBackground<T>(key: string, loader: () => Promise<T>, strategy: CacheStrategy): void {
    if (loading.has(key)) return;
    const task = (async () => {
      if (!(await store.tryLease(key, LEASE_MS).catch(() => false))) return;
      try {
        stats.refreshes++;
        await load(key, loader, strategy.ttlMs);
      } finally {
        await store.releaseLease(key).catch(() => {});
      }
    })().catch((err: unknown) => {
      stats.errors++;
      log?.warn({ err, key }, 'cache refresh failed; the cached value stays until it expires');
    });
    background.add(task);
    void task.finally(() => background.delete(task));
  }

  return {
    kind: store.kind,
    async cached<T>(key: string, loader: () => Promise<T>, strategy: CacheStrategy): Promise<T> {
      const hit = await read(key, strategy);
      if (hit === undefined) {
        stats.misses++;
        return load(key, loader, strategy.ttlMs);
      }
      stats.hits++;
      if (strategy.kind === 'refresh-ahead' && hit.ttlLeftMs < strategy.refreshBelowMs)
        refreshInBackground(key, loader, strategy);
      return JSON.parse(hit.value) as T;
    },
    warm: (key, loader, strategy) => {
      const running = loading.get(key);
      // A load already in flight is as fresh as a new one would be.
      return (running as Promise<never> | undefined) ?? load(key, loader, strategy.ttlMs);
    },
    invalidate: (key) => store.delete(key),
    clear: (pattern) => store.clear(pattern),
    stats: () => ({ ...stats }),
    async idle() {
      while (loading.size > 0 || background.size > 0)
        await Promise.allSettled([...loading.values(), ...background]);
    },
  };
}
