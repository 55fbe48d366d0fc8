// Where cached read models live: Redis (shared by every instance) or this process's memory. The store
// only moves strings with expiry; the strategies (fixed, sliding, refresh-ahead) are in read-cache.ts.
import type { Clock } from '../clock.js';
import type { RedisLink } from './redis-connection.js';

export interface CacheStore {
  readonly kind: string;
  /** The value and how long it has left (ms), or undefined on a miss. */
  get(key: string): Promise<{ value: string; ttlLeftMs: number } | undefined>;
  /** Sliding expiry: the value, with its TTL reset to `ttlMs` in the same step. */
  getAndTouch(key: string, ttlMs: number): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** A short lease so one instance refreshes a key while the others keep serving the old value. */
  tryLease(key: string, ttlMs: number): Promise<boolean>;
  /** Ends a lease this caller holds (the lease's TTL ends it anyway if the caller dies). */
  releaseLease(key: string): Promise<void>;
  /** Deletes every key matching a glob (`menu:*`); returns how many. */
  clear(pattern: string): Promise<number>;
}

/** Redis glob → RegExp, for the memory store (supports *, ?, [..] and \ escapes, like MATCH). */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) out += glob[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end);
        out += `[${body.startsWith('^') ? `\\${body}` : body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

export function memoryCacheStore(clock: Clock, options: { maxEntries?: number } = {}): CacheStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const leases = new Map<string, number>();
  const live = (key: string) => {
    const e = entries.get(key);
    if (e === undefined) return undefined;
    if (e.expiresAt <= clock.nowMs()) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    kind: 'memory',
    async get(key) {
      const e = live(key);
      return e === undefined ? undefined : { value: e.value, ttlLeftMs: e.expiresAt - clock.nowMs() };
    },
    async getAndTouch(key, ttlMs) {
      const e = live(key);
      if (e === undefined) return undefined;
      e.expiresAt = clock.nowMs() + ttlMs;
      return e.value;
    },
    async set(key, value, ttlMs) {
      // A bounded map: when full, the entry nearest to expiry goes first (Map order is insertion order,
      // close enough for TTL'd read models of a few thousand branches).
      if (!entries.has(key) && entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(key, { value, expiresAt: clock.nowMs() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async tryLease(key, ttlMs) {
      const now = clock.nowMs();
      const until = leases.get(key);
      if (until !== undefined && until > now) return false;
      leases.set(key, now + ttlMs);
      return true;
    },
    async releaseLease(key) {
      leases.delete(key);
    },
    async clear(pattern) {
      const re = globToRegExp(pattern);
      let n = 0;
      for (const key of [...entries.keys()]) {
        if (re.test(key)) {
          entries.delete(key);
          n++;
        }
      }
      return n;
    },
  };
}

const SCAN_COUNT = 500;

/** Keys under `<prefix>cache:`; leases under `<prefix>cache-lease:` so a clear never counts them. */
export function redisCacheStore(link: RedisLink): CacheStore {
  const ns = `${link.prefix}cache:`;
  const leaseNs = `${link.prefix}cache-lease:`;
  const { client } = link;
  return {
    kind: `redis-${link.mode}`,
    async get(key) {
      // GET and PTTL of one key: same slot, so one pipeline even in a cluster.
      const replies = await client
        .pipeline()
        .get(ns + key)
        .pttl(ns + key)
        .exec();
      const [getReply, ttlReply] = replies ?? [];
      if (getReply?.[0] || ttlReply?.[0]) throw getReply?.[0] ?? ttlReply?.[0];
      const value = getReply?.[1] as string | null;
      if (value === null || value === undefined) return undefined;
      const ttl = Number(ttlReply?.[1]);
      // -1: no expiry (set by hand); -2: expired between the two commands (then value was still read).
      return { value, ttlLeftMs: ttl === -1 ? Number.MAX_SAFE_INTEGER : Math.max(0, ttl) };
    },
    async getAndTouch(key, ttlMs) {
      const value = await client.getex(ns + key, 'PX', ttlMs);
      return value ?? undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(ns + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async delete(key) {
      await client.unlink(ns + key);
    },
    async tryLease(key, ttlMs) {
      return (await client.set(leaseNs + key, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
    },
    async releaseLease(key) {
      await client.unlink(leaseNs + key);
    },
    async clear(pattern) {
      // SCAN is per node: in a cluster every master is walked on its own connection, and the keys it
      // returns are unlinked on that same node (one key per UNLINK, so keys of different slots never
      // meet in one command). UNLINK frees memory in the background instead of blocking Redis.
      let deleted = 0;
      for (const node of link.masters()) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', ns + pattern, 'COUNT', SCAN_COUNT);
          cursor = next;
          if (keys.length > 0) {
            const pipeline = node.pipeline();
            for (const k of keys) pipeline.unlink(k);
            const results = (await pipeline.exec()) ?? [];
            for (const [err, n] of results) if (!err) deleted += Number(n);
          }
        } while (cursor !== '0');
      }
      return deleted;
    },
  };
}
