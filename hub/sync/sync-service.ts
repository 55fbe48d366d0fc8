// Runs the hub's cloud sync: the outbox relay and the catalog puller while the hub is paired, nothing
// while it is not (the hub works standalone). Pairing through the admin API takes effect at once; a
// pairing made by the CLI while the hub runs is noticed within `pairingCheckMs`.
import type { Tracer } from '@opentelemetry/api';
import type Database from 'better-sqlite3';
import type { Registry } from 'prom-client';
import type { CommandBus } from '../app/command-bus.js';
import type { Logger } from '../observability/logger.js';
import { CatalogPuller, type CatalogTuning } from './catalog-puller.js';
import { CloudClient } from './cloud-client.js';
import { Relay } from './relay.js';
import type { RelayTuning } from './relay-options.js';
import { deletePairing, readPairing, writePairing, type Pairing, type PairingInput } from './sync-meta.js';
import { buildSyncStatus, type SyncStatusView } from './sync-status.js';
import { syncMetricsOn, type SyncMetrics } from './sync-metrics.js';
import { outboxCounts } from './outbox-store.js';

export interface SyncOptions {
  relay?: Partial<RelayTuning>;
  /** false: no catalog down-sync (tests of the relay alone, or a cloud without the feed). */
  catalog?: Partial<CatalogTuning> | false;
  /** The hub's wall clock in ms; tests skew it. */
  now?: () => number;
  random?: () => number;
  keepAlive?: boolean;
  timeoutMs?: number;
  pairingCheckMs?: number;
  /** OpenTelemetry: the relay's batches are traced, and their context goes to the cloud. */
  tracer?: Tracer;
}

export interface SyncServiceDeps {
  db: Database.Database;
  bus: CommandBus;
  logger: Logger;
  registry?: Registry;
  options?: SyncOptions;
}

interface Running {
  pairing: Pairing;
  relay: Relay;
  puller: CatalogPuller | null;
}

const samePairing = (a: Pairing | null, b: Pairing | null) =>
  a?.url === b?.url && a?.hubId === b?.hubId && a?.keyId === b?.keyId && a?.pairedAt === b?.pairedAt;

export class SyncService {
  private current: Running | null = null;
  private transition: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private watch: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly metrics: SyncMetrics | undefined;
  private readonly now: () => number;

  constructor(private readonly deps: SyncServiceDeps) {
    this.metrics = deps.registry ? syncMetricsOn(deps.registry) : undefined;
    this.now = deps.options?.now ?? Date.now;
  }

  /** Starts syncing if paired, and listens for commits and pairing changes. */
  async start(): Promise<void> {
    this.unsubscribe = this.deps.bus.subscribe(() => this.current?.relay.wake());
    this.metrics?.setReader(() => this.gauges());
    const check = this.deps.options?.pairingCheckMs ?? 5000;
    this.watch = setInterval(() => {
      if (!samePairing(readPairing(this.deps.db), this.current?.pairing ?? null)) void this.reconcile();
    }, check);
    this.watch.unref();
    await this.reconcile();
  }

  async pair(input: PairingInput): Promise<SyncStatusView> {
    writePairing(this.deps.db, input, new Date(this.now()));
    await this.reconcile();
    return this.status();
  }

  async unpair(): Promise<boolean> {
    const had = deletePairing(this.deps.db);
    await this.reconcile();
    return had;
  }

  isPaired(): boolean {
    return readPairing(this.deps.db) !== null;
  }

  /** Send now, even while backing off (after a requeue). */
  kick(): void {
    this.current?.relay.kick();
    this.current?.puller?.kick();
  }

  status(): SyncStatusView {
    return buildSyncStatus(
      this.deps.db,
      { relay: this.current?.relay.status(), catalog: this.current?.puller?.status() },
      this.now(),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watch) clearInterval(this.watch);
    this.unsubscribe?.();
    this.metrics?.setReader(null);
    await this.reconcile();
  }

  /** Makes what runs match the stored pairing; serialized, so API calls and the watch never race. */
  private reconcile(): Promise<void> {
    this.transition = this.transition.then(async () => {
      const wanted = this.stopped ? null : readPairing(this.deps.db);
      if (samePairing(wanted, this.current?.pairing ?? null)) return;
      if (this.current) {
        await this.current.relay.stop();
        await this.current.puller?.stop();
        this.deps.logger.info({ hubId: this.current.pairing.hubId }, 'cloud sync stopped');
        this.current = null;
      }
      if (wanted) this.current = this.launch(wanted);
    });
    return this.transition;
  }

  private launch(pairing: Pairing): Running {
    const { db, bus, logger, options = {} } = this.deps;
    const log = logger.child({ component: 'sync', hubId: pairing.hubId });
    const client = () =>
      new CloudClient({
        pairing,
        now: options.now,
        timeoutMs: options.timeoutMs,
        keepAlive: options.keepAlive,
      });
    const puller =
      options.catalog === false
        ? null
        : new CatalogPuller({
            db,
            bus,
            client: client(),
            logger: log.child({ part: 'catalog' }),
            metrics: this.metrics,
            tuning: options.catalog,
            now: options.now,
            random: options.random,
          });
    const relay = new Relay({
      db,
      client: client(),
      logger: log.child({ part: 'relay' }),
      metrics: this.metrics,
      tuning: options.relay,
      now: options.now,
      random: options.random,
      catalogApplied: () => puller?.applied(),
      tracer: options.tracer,
    });
    relay.start();
    puller?.start();
    log.info({ url: pairing.url, keyId: pairing.keyId }, 'cloud sync started');
    return { pairing, relay, puller };
  }

  private gauges() {
    const counts = outboxCounts(this.deps.db);
    const relay = this.current?.relay.status();
    const catalog = this.current?.puller?.status();
    return {
      paired: readPairing(this.deps.db) !== null,
      backlog: counts.pending + counts.parked,
      parked: counts.parked,
      deadLetters: counts.deadLetters,
      oldestPendingAgeSeconds:
        counts.oldestPendingAt === null
          ? null
          : Math.max(0, (this.now() - Date.parse(counts.oldestPendingAt)) / 1000),
      lastSuccessAt: relay?.lastSuccessAt ?? null,
      consecutiveFailures: relay?.consecutiveFailures ?? 0,
      clockOffsetMs: relay?.clockOffsetMs ?? 0,
      batchLimitBytes: relay?.batchLimitBytes ?? null,
      catalogVersion: catalog?.version ?? null,
    };
  }
}
