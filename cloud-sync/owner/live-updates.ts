// Live updates for the dashboard over server-sent events. The source is the per-tenant fan-out
// (cloud-sync/redis: `subscribe(tenantId, listener)`, Redis pub/sub when configured, in-process otherwise)
// plus this instance's own catalog edits. Messages are coalesced: the dashboard refetches what changed,
// so one "update" per 300 ms is enough however busy the tenant is.
import type { ServerResponse } from 'node:http';

export type TenantListener = (message: unknown) => void;
type Unsubscribe = () => void | Promise<void>;

/** The fan-out interface cloud-sync/redis provides. */
export interface TenantFanout {
  subscribe(tenantId: string, listener: TenantListener): Unsubscribe | Promise<Unsubscribe>;
}

/** An in-process fan-out: this instance's catalog edits, and the whole fan-out when Redis is absent. */
export function localTenantEvents(): TenantFanout & { publish(tenantId: string, message: unknown): void } {
  const listeners = new Map<string, Set<TenantListener>>();
  return {
    subscribe(tenantId, listener) {
      const set = listeners.get(tenantId) ?? new Set();
      set.add(listener);
      listeners.set(tenantId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(tenantId);
      };
    },
    publish(tenantId, message) {
      for (const listener of listeners.get(tenantId) ?? []) listener(message);
    },
  };
}

const COALESCE_MS = 300;
const HEARTBEAT_MS = 20_000;

/** What kind of change a fan-out message is, for the dashboard to pick what to refetch. */
function kindOf(message: unknown): string {
  if (typeof message === 'object' && message !== null) {
    const m = message as Record<string, unknown>;
    if (typeof m.kind === 'string') return m.kind;
    if (typeof m.type === 'string') return m.type;
  }
  return 'ingest';
}

export function streamTenantUpdates(
  res: ServerResponse,
  tenantId: string,
  sources: readonly TenantFanout[],
): void {
  const kinds = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const send = (text: string) => {
    if (!closed) res.write(text);
  };
  const listener: TenantListener = (message) => {
    kinds.add(kindOf(message));
    timer ??= setTimeout(() => {
      timer = undefined;
      send(`event: update\ndata: ${JSON.stringify({ kinds: [...kinds] })}\n\n`);
      kinds.clear();
    }, COALESCE_MS);
  };
  // A fan-out that cannot subscribe (Redis away) must not crash the process with an unhandled
  // rejection: the stream still gets the other sources, and the dashboard's 30 s refresh.
  const unsubscribes = sources.map((s) =>
    Promise.resolve()
      .then(() => s.subscribe(tenantId, listener))
      .catch((): undefined => undefined),
  );
  // The browser reconnects by itself after 3 s; the comment lines keep proxies from closing an idle stream.
  send(`retry: 3000\nevent: hello\ndata: {}\n\n`);
  const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    if (timer !== undefined) clearTimeout(timer);
    for (const u of unsubscribes) void u.then((off) => off?.()).catch(() => {});
  });
}
