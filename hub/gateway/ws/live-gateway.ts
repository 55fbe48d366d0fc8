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
import { dinerRoutes } from '../routes/diner-routes.js';
import { createJoinGuard } from './join-guard.js';
import { createWsAuthenticator } from './ws-authenticate.js';
import type { LiveLimits } from './ws-options.js';
import { attachUwsWebSocket, uwsPublisher } from './uws-ws-adapter.js';
import type { FeedPublisher } from './ws-transport.js';

export interface LiveGatewayOptions {
  app: TemplatedApp;
  /** More uWS apps serving the same feed (the HTTPS app beside the plain one): one core, every app publishes. */
  extraApps?: readonly TemplatedApp[];
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
    publisher: fanOut([app, ...(options.extraApps ?? [])].map((a) => uwsPublisher(a))),
    limits: options.limits,
    onRevoke: (key) => authenticate.forget(key),
    authenticate,
  });
  for (const each of [app, ...(options.extraApps ?? [])]) {
    attachUwsWebSocket({
      app: each,
      core,
      authenticate,
      onRejected: (reason) => metrics.wsRejectedUpgrades.inc({ reason }),
    });
  }
  // One guard for every route that takes a join code, so looking codes up cannot bypass the join limit.
  const joinGuard = createJoinGuard(core.limits.join);
  const routes = [
    ...liveRoutes({ db, bus, live: core, diners, devices, joinGuard }),
    ...dinerRoutes({ db, bus, diners, joinGuard }),
  ];
  return { core, routes, close: () => core.close() };
}

/** Publishes each frame on every app: a socket lives on exactly one of them. */
function fanOut(publishers: FeedPublisher[]): FeedPublisher {
  if (publishers.length === 1) return publishers[0]!;
  return { publish: (feed, frame, members) => publishers.forEach((p) => p.publish(feed, frame, members)) };
}
