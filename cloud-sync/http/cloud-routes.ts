// The cloud's routes: health, metrics, signed ingest and the operator read API. Handlers stay thin.
import { z } from 'zod';
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import {
  INGEST_PATH,
  ingestBatchSchema,
  MAX_BATCH_EVENTS,
  type IngestBatch,
} from '../../protocol/sync/ingest-batch.js';
import { findKey } from '../auth/hub-keys.js';
import type { NonceStore } from '../auth/nonce-store.js';
import { requireOperator } from '../auth/operator-auth.js';
import { verifySignedRequest, type VerifiedHub } from '../auth/verify-request.js';
import type { Clock } from '../clock.js';
import type { CloudDatabases } from '../db/cloud-db.js';
import { ingestBatch } from '../ingest/ingest-batch.js';
import type { CloudMetrics } from '../metrics.js';
import { branchSales, hubStatus } from '../read/owner-reads.js';
import type { CloudRedis } from '../redis/cloud-redis.js';
import { afterIngestCommit, ingestRateCheck } from '../redis/ingest-hooks.js';
import type { CloudHttpServer } from './http-server.js';

export interface RouteDeps {
  dbs: CloudDatabases;
  nonces: NonceStore;
  clock: Clock;
  metrics: CloudMetrics;
  operatorToken: string | undefined;
  redisConfigured: boolean;
  /** Redis or its in-process twins (cloud-sync/redis): rate limit, fan-out, cache, health. */
  redis?: CloudRedis;
  isReady(): boolean;
  /** Runs after a batch commits (the catalog's applied-version report); its failure fails no ingest. */
  afterIngest?: (hub: VerifiedHub, batch: IngestBatch) => Promise<void>;
}

const dayRangeSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('INVALID', 'body is not valid JSON');
  }
}

export function registerCloudRoutes(server: CloudHttpServer, deps: RouteDeps): void {
  const { dbs, metrics } = deps;

  server.route('GET', '/healthz', async () => ({
    body: {
      ok: true,
      database: {
        kind: dbs.write.kind,
        description: dbs.write.description,
        readReplica: dbs.read !== dbs.write,
      },
      redis:
        deps.redis === undefined
          ? { wired: false, configured: deps.redisConfigured, note: 'no Redis parts given to the routes' }
          : { ...(await deps.redis.health()), configured: deps.redisConfigured },
      nonceStore: deps.nonces.kind,
    },
  }));

  server.route('GET', '/readyz', async () => {
    if (!deps.isReady()) throw new AppError('UNAVAILABLE', 'starting');
    await dbs.write.query('SELECT 1');
    return { body: { ready: true } };
  });

  server.route('GET', '/metrics', async () => ({
    body: await metrics.registry.metrics(),
    contentType: metrics.registry.contentType,
  }));

  server.route('POST', INGEST_PATH, async (req) => {
    let hub;
    try {
      hub = await verifySignedRequest(
        { method: req.method, path: req.path, headers: req.headers, rawBody: req.rawBody },
        { findKey: (keyId) => findKey(dbs.write, keyId), nonces: deps.nonces, clock: deps.clock },
      );
    } catch (err) {
      const reason =
        err instanceof AppError ? String((err.details as { reason?: string } | undefined)?.reason) : 'ERROR';
      metrics.authFailures.inc({ reason });
      throw err;
    }
    const limited = deps.redis === undefined ? undefined : await ingestRateCheck(deps.redis, hub);
    if (limited !== undefined) return limited;
    const parsed = ingestBatchSchema.safeParse(parseJson(req.rawBody));
    if (!parsed.success) {
      // Too many events (the schema's max) is "too large", not "malformed": a relay halves its batches
      // on a 413 and goes on, where a 400 would have it retry the same batch for ever.
      if (parsed.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'events')) {
        throw new AppError('PAYLOAD_TOO_LARGE', `a batch holds at most ${MAX_BATCH_EVENTS} events`);
      }
      throw invalidFromZod(parsed.error, 'ingest batch');
    }
    const outcome = await ingestBatch(dbs.write, hub, parsed.data, deps.clock, req.log);
    metrics.ingestBatches.inc({ outcome: 'committed' });
    // Committed: now the live fan-out may tell dashboards (not awaited; it never fails the request).
    if (deps.redis !== undefined) void afterIngestCommit(deps.redis, hub, parsed.data, outcome, req.log);
    await deps
      .afterIngest?.(hub, parsed.data)
      .catch((err: unknown) => req.log.error({ err }, 'after-ingest hook failed'));
    for (const status of ['applied', 'duplicate', 'rejected'] as const)
      metrics.ingestEvents.inc({ status }, outcome.counts[status]);
    req.log.info(
      {
        hubId: hub.hubId,
        batchId: parsed.data.batchId,
        ...outcome.counts,
        highestContiguousSeq: outcome.response.highestContiguousSeq,
      },
      'batch ingested',
    );
    return { body: outcome.response };
  });

  server.route('GET', '/v1/branches/:id/sales', async (req) => {
    requireOperator(deps.operatorToken, req.headers.authorization);
    const q = dayRangeSchema.safeParse(req.query);
    if (!q.success) throw invalidFromZod(q.error, 'query');
    const exists = await dbs.read.query('SELECT 1 FROM branches WHERE id = $1', [req.params.id]);
    if (exists.length === 0) throw new AppError('NOT_FOUND', `no branch ${req.params.id}`);
    return { body: await branchSales(dbs.read, req.params.id ?? '', q.data.from, q.data.to) };
  });

  server.route('GET', '/v1/hubs/:id/status', async (req) => {
    requireOperator(deps.operatorToken, req.headers.authorization);
    const status = await hubStatus(dbs.read, req.params.id ?? '');
    if (status === undefined) throw new AppError('NOT_FOUND', `no hub ${req.params.id}`);
    return { body: status };
  });
}
