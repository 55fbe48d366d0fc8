// The Redis contract on a real three-master Redis Cluster started for this file (sharded pub/sub,
// per-node SCAN for clears, hash-tagged keys). Skipped, loudly, when redis-server is not installed.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { redisBackend } from '../test-support/redis-backends.js';
import { startLocalCluster, redisClusterTools, type LocalCluster } from '../test-support/redis-cluster.js';
import { redisContract } from '../test-support/redis-contract.js';
import type { RedisBackend } from '../test-support/redis-contract.js';

if (redisClusterTools()) {
  let cluster: LocalCluster | undefined;
  let backend: RedisBackend | undefined;
  beforeAll(async () => {
    cluster = await startLocalCluster();
    backend = redisBackend({ clusterNodes: cluster.nodes });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  redisContract('a 3-master Redis Cluster on loopback', () => backend);
} else {
  console.warn('redis-server / redis-cli not on the PATH: the Redis Cluster suite is SKIPPED');
  describe.skip('redis parts on a Redis Cluster (SKIPPED: redis-server is not installed)', () => {
    it('needs redis-server and redis-cli on the PATH', () => {});
  });
}
