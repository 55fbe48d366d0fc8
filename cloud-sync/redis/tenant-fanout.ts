// Applied events, per tenant, to every instance's live dashboards. Published after the ingest
// transaction commits (never before: a listener must not see what may still roll back). At most once
// and best effort: a dashboard treats a message as "refetch", so a lost one costs freshness, not data.
//
// Redis: one channel per tenant, `<prefix>tenant:{<tenantId>}:events`. The hash tag puts the channel in
// the tenant's slot; in cluster mode the channel is sharded (SPUBLISH/SSUBSCRIBE, Redis 7), so a message
// travels to the one shard that owns it instead of being broadcast over the whole cluster bus.
import type { Redis } from 'ioredis';
import { taggedKey, type RedisLink } from './redis-connection.js';

/** One ingest batch's applied events for one tenant (only the fields a dashboard needs). */
export interface AppliedEventsMessage {
  kind: 'ingest';
  tenantId: string;
  branchId: string;
  hubId: string;
  batchId: string;
  highestContiguousSeq: number;
  events: {
    eventId: string;
    seq: number;
    type: string;
    aggregateType: string;
    aggregateId: string;
    occurredAt: string;
    data: unknown;
  }[];
}

export type TenantListener = (message: AppliedEventsMessage) => void;
export type Unsubscribe = () => Promise<void>;

export interface TenantFanout {
  readonly kind: 'memory' | 'redis-standalone' | 'redis-cluster';
  /** Resolves once the message is handed to Redis (or to the local listeners). */
  publish(message: AppliedEventsMessage): Promise<void>;
  /** Resolves once the subscription is live; the returned function ends it. */
  subscribe(tenantId: string, listener: TenantListener): Promise<Unsubscribe>;
  close(): Promise<void>;
}

/** Listeners per tenant; both implementations deliver through one of these. */
class ListenerSets {
  private readonly byTenant = new Map<string, Set<TenantListener>>();
  add(tenantId: string, listener: TenantListener): boolean {
    const set = this.byTenant.get(tenantId) ?? new Set();
    const first = set.size === 0;
    set.add(listener);
    this.byTenant.set(tenantId, set);
    return first;
  }
  /** True when the tenant has no listener left. */
  remove(tenantId: string, listener: TenantListener): boolean {
    const set = this.byTenant.get(tenantId);
    if (set === undefined) return false;
    set.delete(listener);
    if (set.size > 0) return false;
    this.byTenant.delete(tenantId);
    return true;
  }
  deliver(message: AppliedEventsMessage): void {
    for (const listener of this.byTenant.get(message.tenantId) ?? []) {
      try {
        listener(message);
      } catch {
        // One broken listener (a closed SSE stream) must not starve the others.
      }
    }
  }
  clear(): void {
    this.byTenant.clear();
  }
}

/** In-process: this instance's ingests reach this instance's dashboards only. */
export function memoryTenantFanout(): TenantFanout {
  const listeners = new ListenerSets();
  return {
    kind: 'memory',
    async publish(message) {
      listeners.deliver(message);
    },
    async subscribe(tenantId, listener) {
      listeners.add(tenantId, listener);
      return async () => {
        listeners.remove(tenantId, listener);
      };
    },
    async close() {
      listeners.clear();
    },
  };
}

export function tenantChannel(link: Pick<RedisLink, 'prefix'>, tenantId: string): string {
  return taggedKey(link, 'tenant', tenantId, 'events');
}

/**
 * Redis pub/sub. Standalone: PUBLISH, and SUBSCRIBE on a second connection (a subscribed connection
 * can run nothing else). Cluster: SPUBLISH/SSUBSCRIBE through the cluster client, whose sharded
 * subscribers follow the slot to its master, also after a failover.
 */
export function redisTenantFanout(link: RedisLink): TenantFanout {
  const listeners = new ListenerSets();
  const sharded = link.mode === 'cluster';
  const channelPrefix = `${link.prefix}tenant:{`;
  const subscriber: Redis | typeof link.client = sharded ? link.client : (link.client as Redis).duplicate();
  const onMessage = (channel: string, text: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    let message: AppliedEventsMessage;
    try {
      message = JSON.parse(text) as AppliedEventsMessage;
    } catch {
      return;
    }
    listeners.deliver(message);
  };
  subscriber.on(sharded ? 'smessage' : 'message', onMessage);
  if (!sharded) subscriber.on('error', () => {});
  return {
    kind: `redis-${link.mode}`,
    async publish(message) {
      const channel = tenantChannel(link, message.tenantId);
      const text = JSON.stringify(message);
      if (sharded) await link.client.spublish(channel, text);
      else await link.client.publish(channel, text);
    },
    async subscribe(tenantId, listener) {
      const channel = tenantChannel(link, tenantId);
      if (listeners.add(tenantId, listener)) {
        if (sharded) await subscriber.ssubscribe(channel);
        else await subscriber.subscribe(channel);
      }
      return async () => {
        if (!listeners.remove(tenantId, listener)) return;
        if (sharded) await subscriber.sunsubscribe(channel);
        else await subscriber.unsubscribe(channel);
      };
    },
    async close() {
      listeners.clear();
      subscriber.off(sharded ? 'smessage' : 'message', onMessage);
      if (!sharded) await (subscriber as Redis).quit().catch(() => subscriber.disconnect());
    },
  };
}
