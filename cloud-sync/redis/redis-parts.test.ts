// The Redis contract on the in-process twins, and on the real Redis at TEST_REDIS_URL when it is set.
import { describe, it } from 'vitest';
import { memoryBackend, redisBackend } from '../test-support/redis-backends.js';
import { redisContract } from '../test-support/redis-contract.js';

const memory = memoryBackend();
redisContract('in-process twins', () => memory);

const url = process.env.TEST_REDIS_URL;
if (url) {
  const backend = redisBackend({ url });
  redisContract(`standalone Redis (${url.replace(/\/\/[^@]*@/, '//')})`, () => backend);
} else {
  console.warn(
    'TEST_REDIS_URL is not set: the Redis contract runs on the in-process twins only (SKIPPED on Redis)',
  );
  describe.skip('redis parts on standalone Redis (TEST_REDIS_URL not set)', () => {
    it('needs TEST_REDIS_URL', () => {});
  });
}
