// Assembles the live LAN on the hub's uWS app: token services, the feed core, the /ws endpoint and
// its HTTP routes (diner join, device pairing, presence).
import type { TemplatedApp } from 'uWebSockets.js';
import type { Logger } from 'pino';
import { createDinerTokenService } from '../../app/auth/diner-token-service.js';
import { createDeviceTokenService } from '../../app/auth/device-token-service.js';
import type { HubDatabase } from '../../store/database.js';
import type { HubMetrics } from '../../observability/metrics.js';
import type { ApiRoute, Authenticator } from '../api-route.js';
import { LiveCore, type LiveBus } from './live-core.js';
import { liveRoutes } from './live-routes.js';
import { createWsAuthenticator } from './ws-authenticate.js';
import type { LiveLimits } from './ws-options.js';
import { attachUwsWebSocket, uwsPublisher } from './uws-ws-adapter.js';

export interface LiveGatewayOptions {
  app: TemplatedApp;
  db: HubDatabase;
  bus: LiveBus;
  staffAuth: Authenticator;
  logger: Logger;
  metrics: HubMetrics;
  limits?: Partial<LiveLimits>;
}

export interface LiveGateway {
  readonly core: LiveCore;
  readonly routes: ApiRoute[];
  close(): void;
}

export function createLiveGateway(options: LiveGatewayOptions): LiveGateway {
  const { app, db, bus, logger, metrics } = options;
  const diners = createDinerTokenService(db);
  const devices = createDeviceTokenService(db);
  const authenticate = createWsAuthenticator({ db, staff: options.staffAuth, diners, devices });
  const core = new LiveCore({
    db,
    bus,
    logger,
    metrics,
    publisher: uwsPublisher(app),
    limits: options.limits,
    onRevoke: (key) => authenticate.forget(key),
  });
  attachUwsWebSocket({
    app,
    core,
    authenticate,
    onRejected: (reason) => metrics.wsRejectedUpgrades.inc({ reason }),
  });
  return { core, routes: liveRoutes({ db, bus, live: core, diners, devices }), close: () => core.close() };
}
