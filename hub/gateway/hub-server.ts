// Assembles the hub's HTTP server: every route, with metrics per route, on one uWS app and port.
import type { Tracer } from '@opentelemetry/api';
import type { CardPayments } from '../payments/card-payments.js';
import { paymentRoutes } from './routes/payment-routes.js';
import type { CommandBus } from '../app/command-bus.js';
import type { HubDatabase } from '../store/database.js';
import type { Logger } from '../observability/logger.js';
import type { HubMetrics } from '../observability/metrics.js';
import { registerApiRoutes, type ApiRoute } from './api-route.js';
import { createDeviceTokenService, isDeviceToken } from '../app/auth/device-token-service.js';
import { createHttpServer } from './http-adapter.js';
import type { HttpServer, HttpServerOptions } from './http-types.js';
import { adminRoutes } from './routes/admin-routes.js';
import { adminAppRoutes } from './routes/admin-app-routes.js';
import { authRoutes, type StaffAuth } from './routes/auth-routes.js';
import { commandRoutes } from './routes/command-routes.js';
import { docsRoutes } from './routes/docs-routes.js';
import { readRoutes } from './routes/read-routes.js';
import { kitchenBoardRoutes } from './routes/kitchen-board-routes.js';
import { printerRoutes } from './routes/printer-routes.js';
import { syncRoutes } from './routes/sync-routes.js';
import type { SyncService } from '../sync/sync-service.js';
import type { PrinterHealthEntry } from '../printing/printer-health.js';
import { builtApps, serveApps } from './serve-apps.js';
import { tlsRoutes } from './routes/tls-routes.js';
import type { LocalTls } from '../tls/local-ca.js';
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
  /** The cloud sync; without it the /api/sync routes are absent (tests of other parts). */
  sync?: SyncService;
  /** Limits of the live WebSocket feed (tests shrink them). */
  liveLimits?: Partial<LiveLimits>;
  /** More listening sockets on the same port (SO_REUSEPORT), for reconnect storms; 0 for none. */
  extraListeners?: number;
  /** Where the built apps are (renderer/dist); each one found is served under its prefix. */
  appsDir?: string;
  /** HTTPS and WSS on a second port with the hub's local CA (hub/tls), for service workers on tablets. */
  tls?: LocalTls & { port: number };
  /** OpenTelemetry spans per API request (hub/observability/tracing.ts); absent, none. */
  tracer?: Tracer;
  /** Card payments through a card terminal; without it POST /api/payments/card answers 503. */
  cardPayments?: CardPayments;
}

export interface HubServer {
  readonly http: HttpServer;
  readonly routes: readonly ApiRoute[];
  readonly live: LiveGateway;
  listen(host: string, port: number): Promise<number>;
  /** The HTTPS port once listening; undefined without TLS. */
  readonly httpsPort: number | undefined;
  /** Where the hub's CA and server certificate are; undefined without TLS. */
  readonly tlsDir: string | undefined;
  close(): void;
}

export function createHubServer(options: HubServerOptions): HubServer {
  const { metrics } = options;
  // One uWS app for HTTP and the WebSocket feed: one port for tablets, screens and the admin.
  const app = uws.App();
  // The same routes and feed again over TLS: tablets need HTTPS for service workers (offline reloads).
  const tlsApp = options.tls
    ? uws.SSLApp({ cert_file_name: options.tls.certFile, key_file_name: options.tls.keyFile })
    : undefined;
  let httpsPort: number | undefined;
  // The plain-HTTP port once bound: the admin's table QR codes point diners at it.
  let httpPort = 0;
  const live = createLiveGateway({
    app,
    extraApps: tlsApp ? [tlsApp] : [],
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
  const httpOptions: Omit<HttpServerOptions, 'app'> = {
    maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    logger: options.logger,
    onResponse: (info) => {
      metrics.httpRequests.inc({ method: info.method, route: info.route, status: String(info.status) });
      metrics.httpSeconds.observe({ method: info.method, route: info.route }, info.durationMs / 1000);
    },
    tracer: options.tracer,
  };
  const http = createHttpServer({ app, ...httpOptions });
  const deviceTokens = createDeviceTokenService(options.db);
  const deviceAuth = { isDeviceToken, verify: (token: string) => deviceTokens.verify(token) };
  const https = tlsApp ? createHttpServer({ app: tlsApp, ...httpOptions }) : undefined;
  const apps = options.appsDir ? builtApps(options.appsDir) : [];
  const api: ApiRoute[] = [
    ...adminRoutes({
      apps,
      db: options.db,
      metrics,
      isReady: options.isReady,
      startedAt: new Date(),
      version: options.version,
      syncPaired: () => options.sync?.isPaired() ?? false,
    }),
    ...authRoutes(auth),
    ...commandRoutes(options.bus),
    ...paymentRoutes(options.cardPayments),
    ...readRoutes(options.db.read),
    ...kitchenBoardRoutes({ db: options.db, auth }),
    ...printerRoutes({ db: options.db.read, trouble: options.printerTrouble }),
    ...adminAppRoutes({ db: options.db.read, httpPort: () => httpPort }),
    ...live.routes,
    ...tlsRoutes(options.tls, () => httpsPort),
    ...(options.sync ? syncRoutes({ db: options.db.write, sync: options.sync }) : []),
  ];
  const routes = [...api, ...docsRoutes(api, options.version)];
  for (const server of https ? [http, https] : [http]) {
    registerApiRoutes(server, routes, auth, deviceAuth);
    serveApps(server, apps);
  }
  if (options.appsDir && apps.length === 0) {
    options.logger.warn({ appsDir: options.appsDir }, 'no built apps found: run `npm run build:apps`');
  }
  let extra: ExtraListeners | undefined;
  return {
    http,
    routes,
    live,
    get httpsPort() {
      return httpsPort;
    },
    tlsDir: options.tls?.dir,
    listen: async (host, port) => {
      const bound = await http.listen(host, port);
      httpPort = bound;
      extra = await listenAgain(app, host, bound, options.extraListeners ?? 31);
      if (https && options.tls) httpsPort = await https.listen(host, options.tls.port);
      return bound;
    },
    close: () => {
      live.close();
      extra?.close();
      http.close();
      https?.close();
    },
  };
}
