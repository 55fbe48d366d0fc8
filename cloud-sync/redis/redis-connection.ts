// One Redis connection for a cloud-sync instance, standalone (REDIS_URL) or a Redis Cluster
// (REDIS_CLUSTER_NODES), with the few things the rest of cloud-sync/redis needs to know about the
// difference: how to reach every master (SCAN is per node) and which pub/sub commands shard.
import { Cluster, Redis } from 'ioredis';

export type RedisMode = 'standalone' | 'cluster';

export interface RedisLink {
  readonly mode: RedisMode;
  /** Commands go here; in cluster mode ioredis routes each key to its slot's master. */
  readonly client: Redis | Cluster;
  /** Every key and channel starts with this (default `comanda:`); tests use a unique one each. */
  readonly prefix: string;
  /** Safe for logs and /healthz: hosts and ports, no password. */
  readonly description: string;
  /** The masters, for per-node work (SCAN); the one client when standalone. */
  masters(): Redis[];
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  url?: string;
  /** `host:port,host:port,…` of any cluster nodes; the rest are discovered. */
  clusterNodes?: string;
  prefix?: string;
  /** How long to wait for the first connection before giving up (start fails loudly, not later). */
  connectTimeoutMs?: number;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return '(unparseable url)';
  }
}

export function parseClusterNodes(text: string): { host: string; port: number }[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const at = s.lastIndexOf(':');
      const host = at > 0 ? s.slice(0, at) : s;
      const port = at > 0 ? Number(s.slice(at + 1)) : 6379;
      if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new Error(`bad REDIS_CLUSTER_NODES entry: ${s}`);
      return { host, port };
    });
}

/** Connects and waits until the connection (or the whole cluster) is ready, or throws. */
export async function openRedisLink(options: RedisLinkOptions): Promise<RedisLink> {
  const prefix = options.prefix ?? 'comanda:';
  const connectTimeout = options.connectTimeoutMs ?? 5000;
  let client: Redis | Cluster;
  let mode: RedisMode;
  let description: string;
  if (options.clusterNodes !== undefined && options.clusterNodes !== '') {
    const nodes = parseClusterNodes(options.clusterNodes);
    // shardedSubscribers: SSUBSCRIBE goes to the master of the channel's slot (Redis 7 sharded pub/sub).
    client = new Cluster(nodes, {
      shardedSubscribers: true,
      lazyConnect: true,
      redisOptions: { connectTimeout, maxRetriesPerRequest: 3 },
      clusterRetryStrategy: (times) => Math.min(100 * times, 2000),
    });
    mode = 'cluster';
    description = `cluster (${nodes.map((n) => `${n.host}:${n.port}`).join(', ')})`;
  } else if (options.url !== undefined) {
    client = new Redis(options.url, { lazyConnect: true, connectTimeout, maxRetriesPerRequest: 3 });
    mode = 'standalone';
    description = `standalone (${describeUrl(options.url)})`;
  } else {
    throw new Error('openRedisLink needs a url or cluster nodes');
  }
  // ioredis reports connection trouble as 'error' events and reconnects by itself; without a listener
  // Node would treat them as unhandled. Callers see failures as rejected commands.
  client.on('error', () => {});
  try {
    await withTimeout(client.connect(), connectTimeout + 1000, `Redis ${description} did not answer`);
    await client.ping();
  } catch (err) {
    client.disconnect();
    throw err;
  }
  const link: RedisLink = {
    mode,
    client,
    prefix,
    description,
    masters: () => (client instanceof Cluster ? client.nodes('master') : [client]),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
  return link;
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** A key (or channel) with a hash tag: every key of one tenant, hub or branch lands in one slot. */
export function taggedKey(link: Pick<RedisLink, 'prefix'>, kind: string, id: string, rest = ''): string {
  return `${link.prefix}${kind}:{${id}}${rest === '' ? '' : `:${rest}`}`;
}
