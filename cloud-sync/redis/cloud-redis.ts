// Everything cloud-sync keeps in Redis, assembled from the config: nonces, the per-tenant fan-out, the
// read cache (branch menus), the ingest rate limit. Without REDIS_URL / REDIS_CLUSTER_NODES each of them
// has an in-process twin with the same interface, so the service runs as one instance with a warning.
// A configured Redis that does not answer at start fails the start: silently falling back to
// in-process nonces would let a replay through on another instance.
import { memoryNonceStore, type NonceStore } from '../auth/nonce-store.js';
import type { Clock } from '../clock.js';
import type { CloudDatabases } from '../db/cloud-db.js';
import { branchMenuCache, type MenuCache } from './branch-menu.js';
import { memoryCacheStore, redisCacheStore } from './cache-store.js';
import {
  memoryRateLimiter,
  redisRateLimiter,
  type BucketSettings,
  type RateLimiter,
} from './rate-limiter.js';
import { createReadCache, type ReadCache, type ReadCacheLog } from './read-cache.js';
import { openRedisLink, type RedisLink } from './redis-connection.js';
import { redisNonceStore } from './redis-nonce-store.js';
import { memoryTenantFanout, redisTenantFanout, type TenantFanout } from './tenant-fanout.js';

export interface CloudRedisSettings {
  url?: string;
  clusterNodes?: string;
  prefix?: string;
  ingestRate: BucketSettings;
  menuTtlMs: number;
}

export interface RedisHealth {
  wired: boolean;
  mode: 'standalone' | 'cluster' | 'in-process';
  description: string;
  ok: boolean;
  pingMs?: number;
  error?: string;
  warning?: string;
  cache: ReturnType<ReadCache['stats']>;
}

export interface CloudRedis {
  readonly wired: boolean;
  readonly nonces: NonceStore;
  readonly fanout: TenantFanout;
  readonly cache: ReadCache;
  readonly menus: MenuCache;
  readonly ingestLimiter: RateLimiter;
  health(): Promise<RedisHealth>;
  close(): Promise<void>;
}

export const NO_REDIS_WARNING =
  'no REDIS_URL or REDIS_CLUSTER_NODES: nonces, live fan-out, read cache and ingest rate limit are in-process; run ONE instance';

export async function openCloudRedis(options: {
  settings: CloudRedisSettings;
  dbs: CloudDatabases;
  clock: Clock;
  log?: ReadCacheLog;
  /** Tests pass an open link (unique prefix, or a cluster they started). */
  link?: RedisLink;
}): Promise<CloudRedis> {
  const { settings, dbs, clock } = options;
  const configured = settings.url !== undefined || (settings.clusterNodes ?? '') !== '';
  const link =
    options.link ??
    (configured
      ? await openRedisLink({
          ...(settings.url === undefined ? {} : { url: settings.url }),
          ...(settings.clusterNodes === undefined ? {} : { clusterNodes: settings.clusterNodes }),
          ...(settings.prefix === undefined ? {} : { prefix: settings.prefix }),
        })
      : undefined);

  if (link === undefined) {
    const cache = createReadCache(memoryCacheStore(clock), options.log);
    const fanout = memoryTenantFanout();
    return {
      wired: false,
      nonces: memoryNonceStore(),
      fanout,
      cache,
      menus: branchMenuCache(cache, dbs, settings.menuTtlMs, () => clock.nowMs()),
      ingestLimiter: memoryRateLimiter(settings.ingestRate, clock),
      health: async () => ({
        wired: false,
        mode: 'in-process',
        description: 'in-process (no Redis configured)',
        ok: true,
        warning: NO_REDIS_WARNING,
        cache: cache.stats(),
      }),
      close: async () => {
        await cache.idle();
        await fanout.close();
      },
    };
  }

  const cache = createReadCache(redisCacheStore(link), options.log);
  const fanout = redisTenantFanout(link);
  return {
    wired: true,
    nonces: redisNonceStore(link),
    fanout,
    cache,
    menus: branchMenuCache(cache, dbs, settings.menuTtlMs, () => clock.nowMs()),
    ingestLimiter: redisRateLimiter(link, settings.ingestRate),
    async health() {
      const started = performance.now();
      const base = { wired: true, mode: link.mode, description: link.description, cache: cache.stats() };
      try {
        await link.client.ping();
        return { ...base, ok: true, pingMs: Math.round((performance.now() - started) * 100) / 100 };
      } catch (err) {
        return { ...base, ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    close: async () => {
      await cache.idle();
      await fanout.close();
      // A link the caller passed in is the caller's to close.
      if (options.link === undefined) await link.close();
    },
  };
}
