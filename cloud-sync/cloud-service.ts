// Assembles one cloud-sync instance: databases (migrated), nonce store, metrics, HTTP server, routes.
import { startCloudTracing, type CloudTracing } from './observability/tracing.js';
import pino, { type Logger } from 'pino';
import type { NonceStore } from './auth/nonce-store.js';
import { systemClock, type Clock } from './clock.js';
import { tracesUrlOf, type CloudConfig } from './config.js';
import type { CloudDatabases } from './db/cloud-db.js';
import { openCloudDatabases } from './db/open-cloud-db.js';
import { registerCloudRoutes } from './http/cloud-routes.js';
import { createCloudHttpServer } from './http/http-server.js';
import { createCloudMetrics } from './metrics.js';
import type { TenantFanout } from './owner/live-updates.js';
import { createOwnerSide } from './owner/owner-side.js';
import { NO_REDIS_WARNING, openCloudRedis, type CloudRedis } from './redis/cloud-redis.js';
import { registerRedisRoutes } from './redis/redis-routes.js';

/** Batches are capped near 256 KB by the relay; 2 MB leaves room without inviting abuse. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface CloudServiceOptions {
  config: CloudConfig;
  logger?: Logger;
  clock?: Clock;
  /** Tests pass an already-open database (in-memory PGlite or a per-run schema). */
  dbs?: CloudDatabases;
  nonces?: NonceStore;
  /** The per-tenant fan-out for the dashboard's live updates (cloud-sync/redis), when wired. */
  fanout?: TenantFanout;
  /** Where the built owner dashboard is; defaults to renderer/dist/owner. */
  dashboardDir?: string;
  /** Tests pass Redis parts opened on their own link; otherwise opened from the config. */
  redis?: CloudRedis;
  /** OpenTelemetry; else the OTEL_EXPORTER_OTLP_* settings decide (none when unset). */
  tracing?: CloudTracing;
}

export interface CloudService {
  port: number;
  dbs: CloudDatabases;
  logger: Logger;
  /** Redis (or its in-process twins): nonces, fan-out (`redis.fanout.subscribe`), cache, rate limit. */
  redis: CloudRedis;
  /** Settles when start-up menu warming is done (how many branches; 0 if it failed, which is logged). */
  menusWarmed: Promise<number>;
  close(): Promise<void>;
}

export async function startCloudService(options: CloudServiceOptions): Promise<CloudService> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { service: 'cloud-sync' } });
  const clock = options.clock ?? systemClock;
  let ready = false;
  const dbs =
    options.dbs ??
    (await openCloudDatabases({
      databaseUrl: config.DATABASE_URL,
      replicaUrl: config.DATABASE_REPLICA_URL,
      dataDir: config.COMANDA_CLOUD_DATA_DIR,
    }));
  const metrics = createCloudMetrics({ defaultMetrics: options.dbs === undefined });
  const redis =
    options.redis ??
    (await openCloudRedis({
      settings: {
        ...(config.REDIS_URL === undefined ? {} : { url: config.REDIS_URL }),
        ...(config.REDIS_CLUSTER_NODES === undefined ? {} : { clusterNodes: config.REDIS_CLUSTER_NODES }),
        prefix: config.COMANDA_REDIS_PREFIX,
        ingestRate: { perSecond: config.COMANDA_INGEST_RATE_PER_S, burst: config.COMANDA_INGEST_BURST },
        menuTtlMs: config.COMANDA_MENU_CACHE_TTL_S * 1000,
      },
      dbs,
      clock,
      log: logger,
    }));
  const nonces = options.nonces ?? redis.nonces;
  const tracesUrl = tracesUrlOf(config);
  const tracing = options.tracing ?? (tracesUrl ? await startCloudTracing(tracesUrl) : undefined);
  const server = createCloudHttpServer({
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    tracer: tracing?.tracer,
    onResponse: (info) => {
      metrics.httpRequests.inc({ method: info.method, route: info.route, status: String(info.status) });
      metrics.httpDuration.observe({ method: info.method, route: info.route }, info.durationMs / 1000);
    },
  });
  const ownerSide = createOwnerSide({
    dbs,
    nonces,
    clock,
    onAuthFailure: (reason) => metrics.authFailures.inc({ reason }),
    fanout: options.fanout ?? redis.fanout,
    onCatalogEdit: (branchId) => redis.menus.invalidate(branchId),
    ...(options.dashboardDir === undefined ? {} : { dashboardDir: options.dashboardDir }),
  });
  registerCloudRoutes(server, {
    afterIngest: (hub, batch) => ownerSide.afterIngest(hub, batch),
    dbs,
    nonces,
    clock,
    metrics,
    operatorToken: config.COMANDA_CLOUD_OPERATOR_TOKEN,
    redisConfigured: config.REDIS_URL !== undefined || config.REDIS_CLUSTER_NODES !== undefined,
    redis,
    isReady: () => ready,
  });
  registerRedisRoutes(server, { redis, read: dbs.read, operatorToken: config.COMANDA_CLOUD_OPERATOR_TOKEN });
  ownerSide.register(server); // last: the dashboard's `/:file` route matches any single-segment path
  const port = await server.listen(config.HOST, config.PORT);
  ready = true;
  logger.info(
    { port, database: dbs.write.description, replica: dbs.read !== dbs.write },
    'cloud-sync listening',
  );
  if (redis.wired) logger.info({ redis: (await redis.health()).description }, 'redis wired');
  else logger.warn(NO_REDIS_WARNING);
  // Warming runs after listening: a slow catalog must not keep the instance out of the load balancer.
  const warming = redis.menus
    .warmAll()
    .then((branches) => {
      logger.info({ branches }, 'menu cache warmed');
      return branches;
    })
    .catch((err: unknown) => {
      logger.warn({ err }, 'menu cache warming failed; menus load on first read');
      return 0;
    });
  if (config.COMANDA_CLOUD_OPERATOR_TOKEN === undefined) {
    logger.warn(
      'COMANDA_CLOUD_OPERATOR_TOKEN is not set: the operator read API (/v1/branches, /v1/hubs) refuses every call (owners sign in at /)',
    );
  }
  return {
    port,
    dbs,
    logger,
    redis,
    menusWarmed: warming,
    close: async () => {
      ready = false;
      await server.close();
      await warming;
      if (options.redis === undefined) await redis.close();
      if (options.dbs === undefined) await dbs.close();
      if (options.tracing === undefined) await tracing?.shutdown();
    },
  };
}
