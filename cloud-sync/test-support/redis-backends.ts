// Back ends for the Redis contract: the in-process twins, and a real Redis (standalone or cluster)
// reached through a fresh connection per instance, as separate cloud instances would.
import { memoryNonceStore } from '../auth/nonce-store.js';
import { systemClock } from '../clock.js';
import { memoryCacheStore, redisCacheStore } from '../redis/cache-store.js';
import { memoryRateLimiter, redisRateLimiter, type RateLimiter } from '../redis/rate-limiter.js';
import { openRedisLink, type RedisLinkOptions } from '../redis/redis-connection.js';
import { redisNonceStore } from '../redis/redis-nonce-store.js';
import { memoryTenantFanout, redisTenantFanout } from '../redis/tenant-fanout.js';
import type { RedisBackend, RedisParts } from './redis-contract.js';

/** "Two instances" of the in-process twins are one set of objects: there is only one process. */
export function memoryBackend(): RedisBackend {
  const byPrefix = new Map<string, RedisParts>();
  return {
    async open(prefix) {
      let parts = byPrefix.get(prefix);
      if (parts === undefined) {
        const limiters = new Map<string, RateLimiter>();
        parts = {
          nonces: memoryNonceStore(),
          fanout: memoryTenantFanout(),
          cacheStore: memoryCacheStore(systemClock),
          rateLimiter: (settings) => {
            const key = JSON.stringify(settings);
            const limiter = limiters.get(key) ?? memoryRateLimiter(settings, systemClock);
            limiters.set(key, limiter);
            return limiter;
          },
        };
        byPrefix.set(prefix, parts);
      }
      return { ...parts, close: async () => {} };
    },
    async cleanup(prefix) {
      await byPrefix.get(prefix)?.fanout.close();
      byPrefix.delete(prefix);
    },
  };
}

export function redisBackend(options: Omit<RedisLinkOptions, 'prefix'>): RedisBackend {
  return {
    async open(prefix) {
      const link = await openRedisLink({ ...options, prefix });
      const fanout = redisTenantFanout(link);
      return {
        nonces: redisNonceStore(link),
        fanout,
        cacheStore: redisCacheStore(link),
        rateLimiter: (settings) => redisRateLimiter(link, settings),
        close: async () => {
          await fanout.close();
          await link.close();
        },
      };
    },
    async cleanup(prefix) {
      const link = await openRedisLink({ ...options, prefix });
      try {
        for (const node of link.masters()) {
          let cursor = '0';
          do {
            const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
            cursor = next;
            for (const k of keys) await node.unlink(k);
          } while (cursor !== '0');
        }
      } finally {
        await link.close();
      }
    },
  };
}
