// A real hub (HTTP on port 0, SQLite in a folder that may outlive it, for restarts) with the cloud sync
// tuned for tests: millisecond backoff and coalescing, one connection per request, short timeouts.
import type { Tracing } from '../../hub/observability/tracing-sdk.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub-runtime.js';
import { createLogger, silentLogger } from '../../hub/observability/logger.js';
import { createMetrics } from '../../hub/observability/metrics.js';
import { DEMO_STAFF } from '../../hub/app/demo-branch.js';
import type { SyncOptions } from '../../hub/sync/sync-service.js';
import type { SyncStatusView } from '../../hub/sync/sync-status.js';

export const FAST_SYNC: SyncOptions = {
  relay: { coalesceMs: 5, pollMs: 50, backoff: { baseMs: 5, capMs: 60 }, maxAttempts: 4 },
  catalog: false,
  keepAlive: false,
  timeoutMs: 3000,
  pairingCheckMs: 50,
};

export interface SyncHub {
  hub: RunningHub;
  dir: string;
  adminToken: string;
  api(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: unknown }>;
  /** Runs a command as the demo ADMIN; fails the test unless it succeeded. */
  command(type: string, payload: unknown): Promise<Record<string, unknown>>;
  status(): SyncStatusView;
  /** Every event the hub wrote, in seq order. */
  events(): Array<{ id: string; seq: number; aggregateKey: string; aggregateSeq: number }>;
  outboxSize(): number;
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

let commandCounter = 0;

export async function startSyncHub(
  options: { dir?: string; sync?: SyncOptions; demo?: boolean; tracing?: Tracing } = {},
): Promise<SyncHub> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'comanda-sync-'));
  const config = loadConfig(
    { PORT: '0', HOST: '127.0.0.1', COMANDA_DATA_DIR: dir, COMANDA_SYNCHRONOUS: 'NORMAL' },
    options.demo === false ? ['--no-demo'] : [],
  );
  // SYNC_TEST_LOG=debug shows the relay's own log lines while a test runs.
  const logger = process.env.SYNC_TEST_LOG
    ? createLogger({ level: process.env.SYNC_TEST_LOG })
    : silentLogger();
  const hub = await startHub(config, logger, {
    metrics: createMetrics({ defaults: false }),
    sync: options.sync ?? FAST_SYNC,
    tracing: options.tracing,
  });
  const base = `http://127.0.0.1:${hub.port}`;
  let token = '';
  const api: SyncHub['api'] = async (path, init = {}) => {
    const res = await fetch(base + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const admin = DEMO_STAFF.find((s) => s.role === 'ADMIN')!;
  const login = await api('/api/auth/login', { body: { staffId: admin.staffId, pin: admin.pin } });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
  token = (login.body as { accessToken: string }).accessToken;
  return {
    hub,
    dir,
    adminToken: token,
    api,
    command: async (type, payload) => {
      const r = await api(`/api/commands/${type}`, {
        body: { commandId: `sync-test-${process.pid}-${++commandCounter}`, payload },
      });
      if (r.status !== 200) throw new Error(`${type} failed: ${JSON.stringify(r.body)}`);
      return (r.body as { data: Record<string, unknown> }).data;
    },
    status: () => hub.sync.status(),
    events: () =>
      (
        hub.db.read
          .prepare('SELECT id, seq, aggregate_type, aggregate_id, aggregate_seq FROM event ORDER BY seq')
          .all() as Array<Record<string, string | number>>
      ).map((r) => ({
        id: String(r.id),
        seq: Number(r.seq),
        aggregateKey: `${r.aggregate_type}:${r.aggregate_id}`,
        aggregateSeq: Number(r.aggregate_seq),
      })),
    outboxSize: () => (hub.db.read.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
    stop: async (o = {}) => {
      await hub.stop();
      if (!o.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A whole table service: seat, order, cook, serve, split in two, pay (money events), close. */
export async function serveTable(h: SyncHub, tableId: string): Promise<void> {
  const { sessionId } = (await h.command('OpenSession', { tableId, guests: 2 })) as { sessionId: string };
  const placed = (await h.command('PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-cana', qty: 2 },
      { productId: 'prod-croquetas', qty: 1 },
    ],
  })) as { roundId: string; ticketIds: string[] };
  for (const ticketId of placed.ticketIds) await h.command('BumpTicket', { ticketId });
  await h.command('MarkServed', { roundId: placed.roundId });
  const split = (await h.command('SplitCheck', { sessionId, split: { mode: 'EQUAL', parts: 2 } })) as {
    shares: Array<{ key: string; amountCents: number }>;
  };
  for (const share of split.shares)
    await h.command('RecordPayment', {
      sessionId,
      shareKey: share.key,
      method: 'CASH',
      amountCents: share.amountCents,
      tenderedCents: share.amountCents,
    });
  await h.command('CloseSession', { sessionId });
}

/** Polls until `check` holds (no wall-clock assertions: only a generous overall limit). */
export async function eventually<T>(check: () => T | Promise<T>, what: string, limitMs = 30_000): Promise<T> {
  const until = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
