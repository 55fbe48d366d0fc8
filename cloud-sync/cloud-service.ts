// Assembles one cloud-sync instance: databases (migrated), nonce store, metrics, HTTP server, routes.
import pino, { type Logger } from 'pino';
import { memoryNonceStore, type NonceStore } from './auth/nonce-store.js';
import { systemClock, type Clock } from './clock.js';
import type { CloudConfig } from './config.js';
import type { CloudDatabases } from './db/cloud-db.js';
import { openCloudDatabases } from './db/open-cloud-db.js';
import { registerCloudRoutes } from './http/cloud-routes.js';
import { createCloudHttpServer } from './http/http-server.js';
import { createCloudMetrics } from './metrics.js';

/** Batches are capped near 256 KB by the relay; 2 MB leaves room without inviting abuse. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface CloudServiceOptions {
  config: CloudConfig;
  logger?: Logger;
  clock?: Clock;
  /** Tests pass an already-open database (in-memory PGlite or a per-run schema). */
  dbs?: CloudDatabases;
  nonces?: NonceStore;
}

export interface CloudService {
  port: number;
  dbs: CloudDatabases;
  logger: Logger;
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
  const nonces = options.nonces ?? memoryNonceStore();
  const server = createCloudHttpServer({
    logger,
    maxBodyBytes: MAX_BODY_BYTES,
    onResponse: (info) => {
      metrics.httpRequests.inc({ method: info.method, route: info.route, status: String(info.status) });
      metrics.httpDuration.observe({ method: info.method, route: info.route }, info.durationMs / 1000);
    },
  });
  registerCloudRoutes(server, {
    dbs,
    nonces,
    clock,
    metrics,
    operatorToken: config.COMANDA_CLOUD_OPERATOR_TOKEN,
    redisConfigured: config.REDIS_URL !== undefined,
    isReady: () => ready,
  });
  const port = await server.listen(config.HOST, config.PORT);
  ready = true;
  logger.info(
    { port, database: dbs.write.description, replica: dbs.read !== dbs.write },
    'cloud-sync listening',
  );
  logger.warn(
    config.REDIS_URL === undefined
      ? 'no REDIS_URL: running without Redis (in-process nonce store; live fan-out not wired yet)'
      : 'REDIS_URL is set but Redis is not wired yet: nonces stay in-process, so run ONE instance for now',
  );
  if (config.COMANDA_CLOUD_OPERATOR_TOKEN === undefined) {
    logger.warn(
      'COMANDA_CLOUD_OPERATOR_TOKEN is not set: the owner read API (/v1/branches, /v1/hubs) refuses every call',
    );
  }
  return {
    port,
    dbs,
    logger,
    close: async () => {
      ready = false;
      await server.close();
      if (options.dbs === undefined) await dbs.close();
    },
  };
}
