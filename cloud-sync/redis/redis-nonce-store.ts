// Nonces of signed requests in Redis, so a request replayed against ANY instance behind the load
// balancer is refused. SET NX PX is the whole algorithm: the first claim creates the key, a replay finds
// it, and Redis forgets it when the signature window has passed.
import type { NonceStore } from '../auth/nonce-store.js';
import { taggedKey, type RedisLink } from './redis-connection.js';

export function redisNonceStore(link: RedisLink): NonceStore {
  return {
    kind: `redis-${link.mode}`,
    async claim(scope, nonce, expiresAtMs, nowMs) {
      // At least 1 ms: a nonce whose window already closed was refused by the timestamp check anyway.
      const ttlMs = Math.max(1, Math.ceil(expiresAtMs - nowMs));
      const set = await link.client.set(taggedKey(link, 'nonce', scope, nonce), '1', 'PX', ttlMs, 'NX');
      return set === 'OK';
    },
  };
}
