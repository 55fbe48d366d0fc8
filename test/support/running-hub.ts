// Starts the real hub (HTTP on port 0, SQLite in a temp folder) and signs in the demo staff.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub-runtime.js';
import { silentLogger } from '../../hub/observability/logger.js';
import { createMetrics } from '../../hub/observability/metrics.js';
import { DEMO_STAFF } from '../../hub/app/demo-branch.js';
import type { LiveLimits } from '../../hub/gateway/ws/ws-options.js';
import type { CardTerminal } from '../../hub/payments/card-terminal.js';

export type DemoRole = 'ADMIN' | 'MANAGER' | 'WAITER' | 'KITCHEN';

export interface HubUnderTest {
  hub: RunningHub;
  base: string;
  tokens: Record<DemoRole, string>;
  fetchJson(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> },
  ): Promise<{
    status: number;
    body: unknown;
    headers: Headers;
  }>;
  /** Runs a command over HTTP as `role` (default WAITER) and returns its data; throws unless it succeeded. */
  command(type: string, payload: unknown, role?: DemoRole): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

let commandCounter = 0;

export async function startTestHub(
  options: {
    liveLimits?: Partial<LiveLimits>;
    /** PIN logins allowed per minute per person and per address (default 5; browser tests type PINs often). */
    loginLimit?: number;
    cardTerminal?: CardTerminal;
    /** A data folder to reuse (a restart); it is then left in place by stop(). */
    dir?: string;
  } = {},
): Promise<HubUnderTest> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'comanda-http-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', COMANDA_DATA_DIR: dir }, []);
  const hub = await startHub(config, silentLogger(), {
    metrics: createMetrics({ defaults: false }),
    liveLimits: options.liveLimits,
    ...(options.loginLimit ? { loginLimits: { limit: options.loginLimit } } : {}),
    cardTerminal: options.cardTerminal,
  });
  const base = `http://127.0.0.1:${hub.port}`;
  const fetchJson: HubUnderTest['fetchJson'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(base + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body, headers: res.headers };
  };
  const tokens = {} as Record<DemoRole, string>;
  for (const role of ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'] as const) {
    const staff = DEMO_STAFF.find((s) => s.role === role)!;
    const r = await fetchJson('/api/auth/login', { body: { staffId: staff.staffId, pin: staff.pin } });
    if (r.status !== 200) throw new Error(`login ${role} failed: ${JSON.stringify(r.body)}`);
    tokens[role] = (r.body as { accessToken: string }).accessToken;
  }
  const command: HubUnderTest['command'] = async (type, payload, role = 'WAITER') => {
    const r = await fetchJson(`/api/commands/${type}`, {
      token: tokens[role],
      body: { commandId: `test-${type}-${++commandCounter}`, payload },
    });
    if (r.status !== 200) throw new Error(`${type} failed (${r.status}): ${JSON.stringify(r.body)}`);
    return (r.body as { data: Record<string, unknown> }).data;
  };
  return {
    hub,
    base,
    tokens,
    fetchJson,
    command,
    stop: async () => {
      await hub.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
