// Prometheus metrics of the cloud sync: batches and per-event answers as they happen, and (read at scrape
// time from the sync service) backlog, dead letters, lag, last success, pairing and the catalog version.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface SyncGauges {
  paired: boolean;
  backlog: number;
  parked: number;
  deadLetters: number;
  oldestPendingAgeSeconds: number | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  clockOffsetMs: number;
  batchLimitBytes: number | null;
  catalogVersion: number | null;
}

export interface SyncMetrics {
  readonly batches: Counter<'outcome'>;
  readonly events: Counter<'status'>;
  readonly catalogChanges: Counter<'outcome'>;
  /** The sync service supplies the reader of its current state. */
  setReader(read: (() => SyncGauges) | null): void;
}

const byRegistry = new WeakMap<Registry, SyncMetrics>();

/** The sync metrics on the hub's registry, registered on first use (a hub restarted in a test reuses them). */
export function syncMetricsOn(registry: Registry): SyncMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = createSyncMetrics(registry);
    byRegistry.set(registry, metrics);
  }
  return metrics;
}

function createSyncMetrics(registry: Registry): SyncMetrics {
  let read: (() => SyncGauges) | null = null;
  const gauge = (name: string, help: string, value: (g: SyncGauges) => number | null) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (!read) return;
        const v = value(read());
        if (v === null) this.reset();
        else this.set(v);
      },
    });
  gauge('comanda_sync_paired', '1 when the hub is paired with a cloud', (g) => (g.paired ? 1 : 0));
  gauge('comanda_sync_backlog', 'Events waiting for the cloud (pending and parked)', (g) => g.backlog);
  gauge('comanda_sync_parked', 'Events held back behind a dead letter of their aggregate', (g) => g.parked);
  gauge(
    'comanda_sync_dead_letters',
    'Events the cloud refused for good, waiting for an operator',
    (g) => g.deadLetters,
  );
  gauge(
    'comanda_sync_lag_seconds',
    'Age of the oldest event still waiting for the cloud (hub clock)',
    (g) => g.oldestPendingAgeSeconds ?? 0,
  );
  gauge('comanda_sync_last_success_timestamp_seconds', 'When the cloud last accepted a batch', (g) =>
    g.lastSuccessAt === null ? null : Date.parse(g.lastSuccessAt) / 1000,
  );
  gauge(
    'comanda_sync_consecutive_failures',
    'Failed attempts since the last good one',
    (g) => g.consecutiveFailures,
  );
  gauge(
    'comanda_sync_clock_offset_seconds',
    "Cloud clock minus hub clock, as learned from the cloud's answers",
    (g) => g.clockOffsetMs / 1000,
  );
  gauge(
    'comanda_sync_batch_limit_bytes',
    "The relay's batch size now (halved after a 413 or a time-out on a slow uplink)",
    (g) => g.batchLimitBytes,
  );
  gauge(
    'comanda_sync_catalog_version',
    'The catalog feed version applied on this hub',
    (g) => g.catalogVersion,
  );
  return {
    batches: new Counter({
      name: 'comanda_sync_batches_total',
      help: 'Outbox batches sent, by outcome (ok, network, rate_limited, unavailable, auth, refused, bad_answer)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    events: new Counter({
      name: 'comanda_sync_events_total',
      help: 'Per-event answers from the cloud (applied, duplicate, retry, dead_lettered)',
      labelNames: ['status'],
      registers: [registry],
    }),
    catalogChanges: new Counter({
      name: 'comanda_sync_catalog_changes_total',
      help: 'Catalog changes from the cloud, by outcome (applied, rejected, snapshot)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    setReader(r) {
      read = r;
    },
  };
}
