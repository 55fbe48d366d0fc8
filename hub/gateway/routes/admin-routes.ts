// Operator routes: health, readiness, metrics, sync status, audit verification, database backup.
import { z } from 'zod';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../protocol/errors.js';
import type { HubDatabase } from '../../store/database.js';
import { verifyAuditChain } from '../../store/audit-log.js';
import { outboxStatusView } from '../../store/queries/read-models.js';
import type { HubMetrics } from '../../observability/metrics.js';
import type { ApiRoute } from '../api-route.js';

const MANAGERS = ['ADMIN', 'MANAGER'] as const;

export interface AdminRouteDeps {
  db: HubDatabase;
  metrics: HubMetrics;
  /** False while starting or draining: load balancers and the desktop shell wait on /readyz. */
  isReady: () => boolean;
  startedAt: Date;
  version: string;
  /** Whether a cloud is paired (the full sync status is GET /api/sync/status, in sync-routes.ts). */
  syncPaired?: () => boolean;
  /** The built apps served on this port, linked from `/`. */
  apps?: readonly { prefix: string; title: string }[];
}

const auditVerdictSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string().optional(),
  firstBad: z.object({ position: z.number().int(), reason: z.string() }).optional(),
});

function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return (
    a === '127.0.0.1' || a === '::1' || a.endsWith(':127.0.0.1') || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(a)
  );
}

/** Links to the apps this hub serves; the diner app needs a table's code, so it is not linked. */
function appLinks(apps: readonly { prefix: string; title: string }[]): string {
  const links = apps
    .filter((a) => a.prefix !== '/t/')
    .map((a) => `<li><a href="${a.prefix}">${a.title}</a></li>`)
    .join('');
  return links
    ? `<h2>Apps</h2><ul>${links}</ul>`
    : '<p>No apps built yet: <code>npm run build:apps</code>.</p>';
}

export function adminRoutes(deps: AdminRouteDeps): ApiRoute[] {
  const { db } = deps;
  const syncView = () => ({ ...outboxStatusView(db.read), paired: deps.syncPaired?.() ?? false });
  return [
    {
      method: 'GET',
      path: '/',
      summary: 'A short page saying what runs here, with links to the API docs',
      tags: ['operations'],
      produces: 'text/html',
      handler: () => ({
        raw: {
          contentType: 'text/html; charset=utf-8',
          data: `<!doctype html><html lang="es"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Comanda hub</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
a{color:#0b5cad}code{background:#f2f2f2;padding:0 .25rem}</style>
<h1>Comanda hub ${deps.version}</h1><p>${deps.isReady() ? 'Ready: taking orders.' : 'Starting or stopping.'}</p>
${appLinks(deps.apps ?? [])}<ul><li><a href="/api/docs">API documentation</a> (<a href="/api/openapi.json">OpenAPI 3.1</a>)</li>
<li><a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>, <a href="/metrics">/metrics</a></li></ul>
<p>Sign in with <code>POST /api/auth/login</code> and a staff id and PIN.</p></html>`,
        },
      }),
    },
    {
      method: 'GET',
      path: '/healthz',
      summary: 'The process is up',
      tags: ['operations'],
      response: z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() }),
      handler: () => ({
        body: {
          status: 'ok',
          version: deps.version,
          uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
        },
      }),
    },
    {
      method: 'GET',
      path: '/readyz',
      summary: 'The hub accepts commands (503 while starting or shutting down)',
      tags: ['operations'],
      response: z.object({ status: z.literal('ready') }),
      errors: ['UNAVAILABLE'],
      handler: () => {
        if (!deps.isReady()) throw new AppError('UNAVAILABLE', 'the hub is not ready');
        return { body: { status: 'ready' } };
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      summary: 'Prometheus metrics',
      tags: ['operations'],
      produces: 'text/plain; version=0.0.4',
      handler: async () => {
        deps.metrics.outboxBacklog.set(outboxStatusView(db.read).pending);
        return {
          raw: {
            data: await deps.metrics.registry.metrics(),
            contentType: deps.metrics.registry.contentType,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/admin/status',
      summary: 'Hub status for the desktop shell and the admin app',
      tags: ['admin'],
      produces: 'application/json',
      roles: MANAGERS,
      handler: () => ({
        body: {
          ready: deps.isReady(),
          version: deps.version,
          startedAt: deps.startedAt.toISOString(),
          sync: syncView(),
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/local/status',
      summary: 'Hub status for the desktop shell on the same machine (loopback only, no sign-in)',
      description:
        'Answers only requests from 127.0.0.1 / ::1: the shell runs beside the hub and has no staff login.',
      tags: ['operations'],
      produces: 'application/json',
      errors: ['FORBIDDEN'],
      handler: (req) => {
        if (!isLoopback(req.remoteAddress))
          throw new AppError('FORBIDDEN', 'only the machine running the hub may ask this');
        const sync = syncView();
        return {
          body: {
            ready: deps.isReady(),
            version: deps.version,
            sync: {
              state: sync.paired ? (sync.pending > 0 ? 'backlog' : 'up to date') : 'standalone',
              pending: sync.pending,
            },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/audit/verify',
      summary: 'Walks the hash-chained audit log of money events and reports the first bad entry',
      tags: ['admin'],
      roles: MANAGERS,
      response: auditVerdictSchema,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: () => ({ body: verifyAuditChain(db.read) }),
    },
    {
      method: 'GET',
      path: '/api/admin/backup',
      summary: 'A consistent copy of the hub database (SQLite online backup, WAL included)',
      tags: ['admin'],
      produces: 'application/vnd.sqlite3',
      roles: MANAGERS,
      errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
      handler: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'comanda-backup-'));
        try {
          const file = join(dir, 'comanda.db');
          // The online backup API copies a consistent snapshot; copying the file alone would miss the -wal.
          await db.write.backup(file);
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          return {
            raw: { data: readFileSync(file), contentType: 'application/vnd.sqlite3' },
            headers: { 'content-disposition': `attachment; filename="comanda-${stamp}.db"` },
          };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ];
}
