// Assembles the hub's HTTP server: every route, with metrics per route, on one uWS app and port.
import type { CommandBus } from '../app/command-bus.js';
import type { HubDatabase } from '../store/database.js';
import type { Logger } from '../observability/logger.js';
import type { HubMetrics } from '../observability/metrics.js';
import { registerApiRoutes, type ApiRoute } from './api-route.js';
import { createHttpServer } from './http-adapter.js';
import type { HttpServer } from './http-types.js';
import { adminRoutes } from './routes/admin-routes.js';
import { authRoutes, type StaffAuth } from './routes/auth-routes.js';
import { commandRoutes } from './routes/command-routes.js';
import { docsRoutes } from './routes/docs-routes.js';
import { readRoutes } from './routes/read-routes.js';

export interface HubServerOptions {
  db: HubDatabase;
  bus: CommandBus;
  auth: StaffAuth;
  logger: Logger;
  metrics: HubMetrics;
  isReady: () => boolean;
  version: string;
  /** Bodies above this are refused with 413; a whole round with notes fits in a few KB. */
  maxBodyBytes?: number;
}

export interface HubServer {
  readonly http: HttpServer;
  readonly routes: readonly ApiRoute[];
  listen(host: string, port: number): Promise<number>;
  close(): void;
}

export function createHubServer(options: HubServerOptions): HubServer {
  const { metrics } = options;
  const http = createHttpServer({
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    logger: options.logger,
    onResponse: (info) => {
      metrics.httpRequests.inc({ method: info.method, route: info.route, status: String(info.status) });
      metrics.httpSeconds.observe({ method: info.method, route: info.route }, info.durationMs / 1000);
    },
  });
  const api: ApiRoute[] = [
    ...adminRoutes({
      db: options.db,
      metrics,
      isReady: options.isReady,
      startedAt: new Date(),
      version: options.version,
    }),
    ...authRoutes(options.auth),
    ...commandRoutes(options.bus),
    ...readRoutes(options.db.read),
  ];
  const routes = [...api, ...docsRoutes(api, options.version)];
  registerApiRoutes(http, routes, options.auth);
  return { http, routes, listen: (host, port) => http.listen(host, port), close: () => http.close() };
}
