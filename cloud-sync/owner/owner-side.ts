// Everything the owners' side adds to a cloud-sync instance, assembled in one place so the service
// wiring stays two lines: the owner API, the catalog editor and hub feed, and the dashboard's files.
import type { IngestBatch } from '../../protocol/sync/ingest-batch.js';
import type { NonceStore } from '../auth/nonce-store.js';
import type { VerifiedHub } from '../auth/verify-request.js';
import { catalogReportRecorder } from '../catalog/catalog-applied.js';
import { registerCatalogRoutes } from '../catalog/catalog-routes.js';
import type { Clock } from '../clock.js';
import type { CloudDatabases } from '../db/cloud-db.js';
import type { CloudHttpServer } from '../http/http-server.js';
import { registerDashboardStatic } from './dashboard-static.js';
import { localTenantEvents, type TenantFanout } from './live-updates.js';
import { memoryLoginLimiter, type LoginLimiter } from './login-limiter.js';
import { registerOwnerRoutes } from './owner-routes.js';

export interface OwnerSideOptions {
  dbs: CloudDatabases;
  nonces: NonceStore;
  clock: Clock;
  /** The per-tenant fan-out of applied events (cloud-sync/redis); absent → only this instance's edits. */
  fanout?: TenantFanout;
  limiter?: LoginLimiter;
  /** Told after an owner's catalog edit commits (the Redis menu cache drops the branch's menu). */
  onCatalogEdit?: (branchId: string) => Promise<void>;
  onAuthFailure?: (reason: string) => void;
  /** Where the built dashboard is (tests point elsewhere). */
  dashboardDir?: string;
}

export interface OwnerSide {
  afterIngest(hub: VerifiedHub, batch: IngestBatch): Promise<void>;
  /** Registers the routes; call after every other route (the dashboard's `/:file` matches any name). */
  register(server: CloudHttpServer): void;
}

export function createOwnerSide(options: OwnerSideOptions): OwnerSide {
  const { dbs, clock } = options;
  const local = localTenantEvents();
  const recordCatalog = catalogReportRecorder(dbs.write, clock);
  return {
    async afterIngest(hub, batch) {
      if (await recordCatalog(hub, batch.hub.catalog))
        local.publish(hub.tenantId, { kind: 'catalog-applied', branchId: hub.branchId });
      // Without the tenant fan-out, this instance tells its own dashboards (one instance: enough); with
      // it, the fan-out carries ingests to every instance and this would only say it twice.
      if (options.fanout === undefined && batch.events.length > 0)
        local.publish(hub.tenantId, { kind: 'ingest', branchId: hub.branchId });
    },
    register(server) {
      registerOwnerRoutes(server, {
        dbs,
        clock,
        limiter: options.limiter ?? memoryLoginLimiter(clock),
        liveSources: options.fanout === undefined ? [local] : [options.fanout, local],
      });
      registerCatalogRoutes(server, {
        dbs,
        nonces: options.nonces,
        clock,
        onEdit: (tenantId, edit) => {
          local.publish(tenantId, { kind: 'catalog', branchId: edit.branchId });
          void options.onCatalogEdit?.(edit.branchId).catch(() => {});
        },
        ...(options.onAuthFailure === undefined ? {} : { onAuthFailure: options.onAuthFailure }),
      });
      registerDashboardStatic(server, options.dashboardDir);
    },
  };
}
