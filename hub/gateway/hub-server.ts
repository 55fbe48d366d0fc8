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
import { printerRoutes } from './routes/printer-routes.js';
import type { PrinterHealthEntry } from '../printing/printer-health.js';
import { builtApps, serveApps } from './serve-apps.js';
import { uws } from './uws-native.js';
import { createLiveGateway, type LiveGateway } from './ws/live-gateway.js';
import type { LiveLimits } from './ws/ws-options.js';
import { listenAgain, type ExtraListeners } from './ws/reuseport-listeners.js';

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
  /** The print worker's view of a printer's trouble, for the printer list. */
  printerTrouble?: (printerId: string) => PrinterHealthEntry | undefined;
  /** Limits of the live WebSocket feed (tests shrink them). */
  liveLimits?: Partial<LiveLimits>;
  /** More listening sockets on the same port (SO_REUSEPORT), for reconnect storms; 0 for none. */
  extraListeners?: number;
  /** Where the built apps are (renderer/dist); each one found is served under its prefix. */
  appsDir?: string;
}

export interface HubServer {
  readonly http: HttpServer;
  readonly routes: readonly ApiRoute[];
  readonly live: LiveGateway;
  listen(host: string, port: number): Promise<number>;
  close(): void;
}

export function createHubServer(options: HubServerOptions): HubServer {
  const { metrics } = options;
  // One uWS app for HTTP and the WebSocket feed: one port for tablets, screens and the admin.
  const app = uws.App();
  const live = createLiveGateway({
    app,
    db: options.db,
    bus: options.bus,
    staffAuth: options.auth,
    logger: options.logger,
    metrics,
    limits: options.liveLimits,
  });
  // Logging out also closes the sockets opened with that access token, at once.
  const auth: StaffAuth = {
    ...options.auth,
    logout: async (input) => {
      await options.auth.logout(input);
      live.core.revokeAccessToken(input.accessToken);
    },
  };
  const http = createHttpServer({
    app,
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    logger: options.logger,
    onResponse: (info) => {
      metrics.httpRequests.inc({ method: info.method, route: info.route, status: String(info.status) });
      metrics.httpSeconds.observe({ method: info.method, route: info.route }, info.durationMs / 1000);
    },
  });
  const apps = options.appsDir ? builtApps(options.appsDir) : [];
  const api: ApiRoute[] = [
    ...adminRoutes({
      apps,
      db: options.db,
      metrics,
      isReady: options.isReady,
      startedAt: new Date(),
      version: options.version,
    }),
    ...authRoutes(auth),
    ...commandRoutes(options.bus),
    ...readRoutes(options.db.read),
    ...printerRoutes({ db: options.db.read, trouble: options.printerTrouble }),
    ...live.routes,
  ];
  const routes = [...api, ...docsRoutes(api, options.version)];
  registerApiRoutes(http, routes, auth);
  serveApps(http, apps);
  if (options.appsDir && apps.length === 0) {
    options.logger.warn({ appsDir: options.appsDir }, 'no built apps found: run `npm run build:apps`');
  }
  let extra: ExtraListeners | undefined;
  return {
    http,
    routes,
    live,
    listen: async (host, port) => {
      const bound = await http.listen(host, port);
      extra = await listenAgain(app, host, bound, options.extraListeners ?? 31);
      return bound;
    },
    close: () => {
      live.close();
      extra?.close();
      http.close();
    },
  };
}
