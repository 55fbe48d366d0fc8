// `cache clear --pattern <glob>` for the operator CLI: SCAN + UNLINK in the shared Redis cache (every
// master of a cluster). Without Redis each instance's cache is in its own memory, out of this process's
// reach: the CLI says so and points at the instance's route instead.
import type { CloudConfig } from '../config.js';
import { redisCacheStore } from './cache-store.js';
import { openRedisLink } from './redis-connection.js';

export async function clearCacheFromCli(
  config: CloudConfig,
  pattern: string,
): Promise<{ pattern: string; deleted: number; redis: string }> {
  if (config.REDIS_URL === undefined && config.REDIS_CLUSTER_NODES === undefined) {
    throw new Error(
      'no REDIS_URL or REDIS_CLUSTER_NODES: the cache lives in each instance; use POST /v1/ops/cache/clear on it',
    );
  }
  const link = await openRedisLink({
    ...(config.REDIS_URL === undefined ? {} : { url: config.REDIS_URL }),
    ...(config.REDIS_CLUSTER_NODES === undefined ? {} : { clusterNodes: config.REDIS_CLUSTER_NODES }),
    prefix: config.COMANDA_REDIS_PREFIX,
  });
  try {
    return { pattern, deleted: await redisCacheStore(link).clear(pattern), redis: link.description };
  } finally {
    await link.close();
  }
}
