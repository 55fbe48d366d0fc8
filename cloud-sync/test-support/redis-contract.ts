// The one suite every Redis-side part must pass, whatever is behind it: the in-process twins, a real
// standalone Redis, a real Redis Cluster. Each test gets its own key prefix (and its keys are removed
// after it), and a "peer": the same parts as a second cloud instance would build them (its own
// connection to the same Redis; for the in-process twins, the very same objects).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NonceStore } from '../auth/nonce-store.js';
import type { CacheStore } from '../redis/cache-store.js';
import type { BucketSettings, RateLimiter } from '../redis/rate-limiter.js';
import { createReadCache } from '../redis/read-cache.js';
import type { AppliedEventsMessage, TenantFanout } from '../redis/tenant-fanout.js';

export interface RedisParts {
  nonces: NonceStore;
  fanout: TenantFanout;
  cacheStore: CacheStore;
  rateLimiter(settings: BucketSettings): RateLimiter;
}

export interface RedisBackend {
  /** Parts of one instance, under `prefix`. */
  open(prefix: string): Promise<RedisParts & { close(): Promise<void> }>;
  /** Removes every key under `prefix`. */
  cleanup(prefix: string): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function message(tenantId: string, n: number): AppliedEventsMessage {
  return {
    kind: 'ingest',
    tenantId,
    branchId: `b-${tenantId}`,
    hubId: 'hub-1',
    batchId: `batch-${n}`,
    highestContiguousSeq: n,
    events: [
      {
        eventId: `e-${n}`,
        seq: n,
        type: 'SessionOpened',
        aggregateType: 'session',
        aggregateId: 's-1',
        occurredAt: '2026-11-27T20:00:00.000Z',
        data: { sessionId: 's-1' },
      },
    ],
  };
}

export function redisContract(name: string, backend: () => RedisBackend | undefined): void {
  describe(`redis parts on ${name}`, () => {
    let prefix: string;
    let parts: RedisParts & { close(): Promise<void> };
    let peer: RedisParts & { close(): Promise<void> };

    beforeEach(async () => {
      prefix = `comanda-test:${randomBytes(6).toString('hex')}:`;
      parts = await backend()!.open(prefix);
      peer = await backend()!.open(prefix);
    });
    afterEach(async () => {
      await parts?.close();
      await peer?.close();
      await backend()?.cleanup(prefix);
    });

    it('a nonce is claimed once per scope, by any instance, until it expires', async () => {
      const now = Date.now();
      expect(await parts.nonces.claim('key-1', 'nonce-aaaaaaaaaaaaaaaa', now + 60_000, now)).toBe(true);
      expect(await peer.nonces.claim('key-1', 'nonce-aaaaaaaaaaaaaaaa', now + 60_000, now)).toBe(false);
      expect(await parts.nonces.claim('key-2', 'nonce-aaaaaaaaaaaaaaaa', now + 60_000, now)).toBe(true);
      expect(await parts.nonces.claim('key-1', 'nonce-bbbbbbbbbbbbbbbb', Date.now() + 80, Date.now())).toBe(
        true,
      );
      await sleep(200);
      expect(await peer.nonces.claim('key-1', 'nonce-bbbbbbbbbbbbbbbb', Date.now() + 80, Date.now())).toBe(
        true,
      );
    });

    it("fan-out: a tenant's listeners on every instance get its messages, other tenants' do not", async () => {
      const got: Record<string, AppliedEventsMessage[]> = { a1: [], a2: [], b: [] };
      const offA1 = await parts.fanout.subscribe('tenant-a', (m) => got.a1!.push(m));
      await peer.fanout.subscribe('tenant-a', (m) => got.a2!.push(m));
      await peer.fanout.subscribe('tenant-b', (m) => got.b!.push(m));
      await parts.fanout.publish(message('tenant-a', 1));
      await peer.fanout.publish(message('tenant-b', 2));
      await until(
        () => got.a1!.length === 1 && got.a2!.length === 1 && got.b!.length === 1,
        'three deliveries',
      );
      expect(got.a1![0]).toEqual(message('tenant-a', 1));
      expect(got.b![0]?.batchId).toBe('batch-2');

      await offA1();
      await parts.fanout.publish(message('tenant-a', 3));
      await until(() => got.a2!.length === 2, 'the second tenant-a message on the peer');
      await sleep(50);
      expect(got.a1!.length).toBe(1);
      expect(got.b!.length).toBe(1);
    });

    it('fixed TTL: loaded once, served until the TTL, then loaded again', async () => {
      const cache = createReadCache(parts.cacheStore);
      let loads = 0;
      const loader = async () => ({ n: ++loads });
      const fixed = { kind: 'fixed', ttlMs: 300 } as const;
      expect(await cache.cached('menu:{b1}', loader, fixed)).toEqual({ n: 1 });
      expect(await cache.cached('menu:{b1}', loader, fixed)).toEqual({ n: 1 });
      await sleep(400);
      expect(await cache.cached('menu:{b1}', loader, fixed)).toEqual({ n: 2 });
      expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
    });

    it('sliding TTL: every read extends the life of the value; an unread value expires', async () => {
      const cache = createReadCache(parts.cacheStore);
      let loads = 0;
      const loader = async () => ++loads;
      const sliding = { kind: 'sliding', ttlMs: 500 } as const;
      expect(await cache.cached('s:{1}', loader, sliding)).toBe(1);
      for (let i = 0; i < 3; i++) {
        await sleep(300); // past 500 ms in total only because each read moved the expiry
        expect(await cache.cached('s:{1}', loader, sliding)).toBe(1);
      }
      await sleep(700);
      expect(await cache.cached('s:{1}', loader, sliding)).toBe(2);
    });

    it('refresh-ahead: near expiry the old value answers at once and one background load replaces it', async () => {
      const cache = createReadCache(parts.cacheStore);
      const peerCache = createReadCache(peer.cacheStore);
      let loads = 0;
      const loader = async () => {
        await sleep(20);
        return ++loads;
      };
      const ahead = { kind: 'refresh-ahead', ttlMs: 1000, refreshBelowMs: 800 } as const;
      expect(await cache.cached('r:{1}', loader, ahead)).toBe(1);
      expect(await cache.cached('r:{1}', loader, ahead)).toBe(1); // fresh: no refresh
      await cache.idle();
      expect(loads).toBe(1);
      await sleep(300); // about 700 ms left: below the threshold
      // Both instances see it near expiry at once; the lease lets only one of them reload.
      const answers = await Promise.all([
        cache.cached('r:{1}', loader, ahead),
        peerCache.cached('r:{1}', loader, ahead),
      ]);
      expect(answers).toEqual([1, 1]);
      await Promise.all([cache.idle(), peerCache.idle()]);
      expect(loads).toBe(2);
      expect(await peerCache.cached('r:{1}', loader, ahead)).toBe(2);
      expect(await cache.cached('r:{1}', loader, ahead)).toBe(2);
    });

    it('single flight: concurrent misses of one key share one load', async () => {
      const cache = createReadCache(parts.cacheStore);
      let loads = 0;
      const loader = async () => {
        await sleep(50);
        return { n: ++loads };
      };
      const fixed = { kind: 'fixed', ttlMs: 5000 } as const;
      const all = await Promise.all(Array.from({ length: 8 }, () => cache.cached('f:{1}', loader, fixed)));
      expect(loads).toBe(1);
      expect(all.every((v) => v.n === 1)).toBe(true);
    });

    it('clear by pattern removes the matching keys on every node and nothing else', async () => {
      const cache = createReadCache(parts.cacheStore);
      const fixed = { kind: 'fixed', ttlMs: 60_000 } as const;
      // Twenty branches spread their keys over every slot range (every master, in a cluster).
      for (let i = 0; i < 20; i++) await cache.warm(`menu:{branch-${i}}`, async () => i, fixed);
      await cache.warm('sales:{branch-1}', async () => 'keep', fixed);
      expect(await peer.cacheStore.clear('menu:{branch-1*}')).toBe(11); // 1 and 10..19
      expect(await peer.cacheStore.clear('menu:*')).toBe(9);
      expect(await parts.cacheStore.get('sales:{branch-1}')).toMatchObject({ value: '"keep"' });
      await cache.invalidate('sales:{branch-1}');
      expect(await parts.cacheStore.get('sales:{branch-1}')).toBeUndefined();
    });

    it('rate limit: a burst passes, the next request waits for a token, shared by every instance', async () => {
      const settings = { perSecond: 10, burst: 3 };
      const limiter = parts.rateLimiter(settings);
      const peerLimiter = peer.rateLimiter(settings);
      expect((await limiter.take('hub:1')).allowed).toBe(true);
      expect((await peerLimiter.take('hub:1')).allowed).toBe(true);
      expect((await limiter.take('hub:1')).allowed).toBe(true);
      const refused = await peerLimiter.take('hub:1');
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
      expect((await limiter.take('hub:2')).allowed).toBe(true); // another hub has its own bucket
      await sleep(refused.retryAfterMs + 50);
      expect((await limiter.take('hub:1')).allowed).toBe(true);
    });
  });
}
