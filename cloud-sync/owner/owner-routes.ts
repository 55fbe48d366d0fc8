// The owner dashboard's API under /v1/owner: sign-in, overview, reports (JSON and CSV), live updates.
// Every handler takes the tenant from the session, never from the request, and every query is scoped by it.
import { z } from 'zod';
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import type { Clock } from '../clock.js';
import type { CloudDatabases } from '../db/cloud-db.js';
import type { CloudHttpServer, CloudRequest } from '../http/http-server.js';
import type { LoginLimiter } from './login-limiter.js';
import { findAccountByEmail } from './owner-accounts.js';
import { requireAccount, requireSameOriginJson } from './owner-auth.js';
import { createSession, deleteSession, readCookie, SESSION_COOKIE, sessionCookie } from './owner-sessions.js';
import { ownerOverview } from './overview-read.js';
import { csvKindSchema, reportCsv } from './report-csv.js';
import { reportQuerySchema, salesReport } from './report-read.js';
import { streamTenantUpdates, type TenantFanout } from './live-updates.js';
import { verifyPassword } from './passwords.js';

export interface OwnerRouteDeps {
  dbs: CloudDatabases;
  clock: Clock;
  limiter: LoginLimiter;
  /** Where live updates come from: the tenant fan-out and this instance's own catalog edits. */
  liveSources: readonly TenantFanout[];
}

const loginSchema = z.object({ email: z.string().max(254), password: z.string().min(1).max(1024) });

export function parseJsonBody(req: CloudRequest): unknown {
  try {
    return JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new AppError('INVALID', 'body is not valid JSON');
  }
}

/** Behind a TLS-terminating load balancer the cookie must be Secure; on plain HTTP (a LAN) it cannot be. */
const isHttps = (req: CloudRequest) => req.headers['x-forwarded-proto']?.split(',')[0]?.trim() === 'https';

export function registerOwnerRoutes(server: CloudHttpServer, deps: OwnerRouteDeps): void {
  const { dbs, clock, limiter } = deps;
  // Sessions and accounts always on the primary: a replica a moment behind would sign a fresh login out.
  const account = (req: CloudRequest) => requireAccount(dbs.write, req, clock);

  server.route('POST', '/v1/owner/login', async (req) => {
    requireSameOriginJson(req);
    const body = loginSchema.safeParse(parseJsonBody(req));
    if (!body.success) throw invalidFromZod(body.error, 'login');
    const email = body.data.email.trim().toLowerCase();
    const keys = [`email:${email}`, `ip:${req.remoteAddress ?? ''}`];
    const wait = limiter.retryAfterMs(keys);
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
    const found = await findAccountByEmail(dbs.write, email);
    if (!(await verifyPassword(found?.passwordHash, body.data.password)) || found === undefined) {
      limiter.fail(keys);
      // One message for an unknown email and a wrong password: the form must not reveal who has an account.
      throw new AppError('UNAUTHENTICATED', 'email or password is wrong');
    }
    limiter.succeed(keys);
    const sessionId = await createSession(dbs.write, found.accountId, clock);
    req.log.info({ accountId: found.accountId, tenantId: found.tenantId }, 'owner signed in');
    return {
      body: { accountId: found.accountId, email: found.email, role: found.role, tenantId: found.tenantId },
      headers: {
        'set-cookie': sessionCookie(sessionId, { secure: isHttps(req) }),
        'cache-control': 'no-store',
      },
    };
  });

  server.route('POST', '/v1/owner/logout', async (req) => {
    requireSameOriginJson(req);
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (id !== undefined) await deleteSession(dbs.write, id);
    return {
      body: { ok: true },
      headers: { 'set-cookie': sessionCookie('', { secure: isHttps(req), maxAgeMs: 0 }) },
    };
  });

  server.route('GET', '/v1/owner/me', async (req) => {
    const me = await account(req);
    const tenant = await dbs.write.query<{ name: string }>('SELECT name FROM tenants WHERE id = $1', [
      me.tenantId,
    ]);
    return { body: { ...me, tenantName: tenant[0]?.name ?? '' }, headers: { 'cache-control': 'no-store' } };
  });

  server.route('GET', '/v1/owner/overview', async (req) => {
    const me = await account(req);
    const overview = await ownerOverview(dbs.read, me.tenantId, clock.nowMs());
    if (overview === undefined) throw new AppError('NOT_FOUND', 'tenant not found');
    return { body: overview, headers: { 'cache-control': 'no-store' } };
  });

  server.route('GET', '/v1/owner/reports', async (req) => {
    const me = await account(req);
    const q = reportQuerySchema.safeParse(req.query);
    if (!q.success) throw invalidFromZod(q.error, 'query');
    return {
      body: await salesReport(dbs.read, me.tenantId, q.data),
      headers: { 'cache-control': 'no-store' },
    };
  });

  server.route('GET', '/v1/owner/reports.csv', async (req) => {
    const me = await account(req);
    const q = reportQuerySchema.safeParse(req.query);
    if (!q.success) throw invalidFromZod(q.error, 'query');
    const kind = csvKindSchema.safeParse(req.query.kind ?? 'days');
    if (!kind.success) throw invalidFromZod(kind.error, 'kind');
    const report = await salesReport(dbs.read, me.tenantId, q.data);
    return {
      body: reportCsv(report, kind.data),
      contentType: 'text/csv; charset=utf-8',
      headers: {
        'content-disposition': `attachment; filename="comanda-${kind.data}-${q.data.from}-${q.data.to}.csv"`,
        'cache-control': 'no-store',
      },
    };
  });

  server.route('GET', '/v1/owner/live', async (req) => {
    const me = await account(req);
    return {
      body: '',
      contentType: 'text/event-stream; charset=utf-8',
      headers: { 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' },
      stream: (res) => streamTenantUpdates(res, me.tenantId, deps.liveSources),
    };
  });
}
