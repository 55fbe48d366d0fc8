// The real cloud service in-process on port 0 (PGlite, or Postgres when TEST_DATABASE_URL is set), with a
// tenant, the demo hub's branch ('branch-demo') and a hub key, for tests of the hub's relay against it.
import type { CloudTracing } from '../../cloud-sync/observability/tracing.js';
import { createBranch, createHub, createTenant } from '../../cloud-sync/admin/tenant-admin.js';
import { rotateKey } from '../../cloud-sync/auth/hub-keys.js';
import { systemClock, type Clock } from '../../cloud-sync/clock.js';
import { startCloudService, type CloudService } from '../../cloud-sync/cloud-service.js';
import { parseCloudConfig } from '../../cloud-sync/config.js';
import type { CloudDb } from '../../cloud-sync/db/cloud-db.js';
import { toNumber } from '../../cloud-sync/db/cloud-db.js';
import type { DbTarget, OpenedTarget } from '../../cloud-sync/test-support/db-targets.js';

export interface HubKey {
  hubId: string;
  keyId: string;
  secret: string;
}

export interface CloudEventRow {
  eventId: string;
  seq: number;
  aggregateType: string;
  aggregateId: string;
  aggregateSeq: number;
  ingestedAt: string;
}

export interface SyncCloud {
  readonly service: CloudService;
  readonly db: CloudDb;
  readonly port: number;
  readonly url: string;
  readonly key: HubKey;
  readonly tenantId: string;
  readonly branchId: string;
  /** Every event the cloud holds for the hub, in seq order. */
  events(): Promise<CloudEventRow[]>;
  rotate(clock?: Clock): Promise<HubKey>;
  /** Stops the HTTP service but keeps the database (a cloud outage). */
  stopService(): Promise<void>;
  /** Starts the service again on the same port. */
  startService(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncCloud(
  target: DbTarget,
  options: { branchId?: string; clock?: Clock; tracing?: CloudTracing } = {},
): Promise<SyncCloud> {
  const opened: OpenedTarget = await target.open();
  const db = opened.db;
  const clock = options.clock ?? systemClock;
  const { tenantId } = await createTenant(db, 'Grupo Sync');
  const { branchId } = await createBranch(db, {
    tenantId,
    name: 'Demo',
    branchId: options.branchId ?? 'branch-demo',
  });
  const issued = await createHub(db, { branchId, name: 'hub' }, clock);
  const start = (port: number) =>
    startCloudService({
      config: parseCloudConfig({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      clock,
      dbs: { write: db, read: db, close: async () => {} },
      tracing: options.tracing,
    });
  let service = await start(0);
  const port = service.port;
  let running = true;
  return {
    get service() {
      return service;
    },
    db,
    port,
    url: `http://127.0.0.1:${port}`,
    key: issued,
    tenantId,
    branchId,
    events: async () => {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT event_id, seq, aggregate_type, aggregate_id, aggregate_seq, ingested_at FROM ingested_events
          WHERE hub_id = $1 ORDER BY seq`,
        [issued.hubId],
      );
      return rows.map((r) => ({
        eventId: String(r.event_id),
        seq: toNumber(r.seq),
        aggregateType: String(r.aggregate_type),
        aggregateId: String(r.aggregate_id),
        aggregateSeq: toNumber(r.aggregate_seq),
        ingestedAt: new Date(
          String(r.ingested_at instanceof Date ? r.ingested_at.toISOString() : r.ingested_at),
        ).toISOString(),
      }));
    },
    rotate: async (c = clock) => {
      const { issued: next } = await rotateKey(db, issued.hubId, c);
      return next;
    },
    stopService: async () => {
      if (!running) return;
      running = false;
      await service.close();
    },
    startService: async () => {
      if (running) return;
      service = await start(port);
      running = true;
    },
    close: async () => {
      if (running) await service.close();
      await opened.close();
    },
  };
}
