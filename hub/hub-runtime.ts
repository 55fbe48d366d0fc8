// Starts and stops a whole hub: database, write path, auth, HTTP. Used by main.ts and by tests.
import type { Tracing } from './observability/tracing-sdk.js';
import type { CardTerminal } from './payments/card-terminal.js';
import { CardPayments } from './payments/card-payments.js';
import { VirtualCardTerminal } from './payments/virtual-card-terminal.js';
import { existsSync } from 'node:fs';
import type { HubConfig } from './config.js';
import { bootstrapBranch } from './app/bootstrap.js';
import { CommandBus } from './app/command-bus.js';
import { prepareCommand } from './app/prepare-command.js';
import { createAuthService, type AuthServiceOptions } from './app/auth/auth-service.js';
import { openDatabase, type HubDatabase } from './store/database.js';
import { startBackgroundCheckpoints } from './store/background-checkpoints.js';
import { createHubServer, type HubServer } from './gateway/hub-server.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type HubMetrics } from './observability/metrics.js';
import { printJobWriter } from './printing/print-job-writer.js';
import { startPrinting, type PrintingOptions, type PrintService } from './printing/print-service.js';
import type { LiveLimits } from './gateway/ws/ws-options.js';
import { join } from 'node:path';
import { lanAddresses } from './lan-addresses.js';
import { ensureLocalTls, hubNames } from './tls/local-ca.js';
import { DEFAULT_TUNING } from './sync/relay-options.js';
import { SyncService, type SyncOptions } from './sync/sync-service.js';

export const HUB_VERSION = '0.1.0';

export interface RunningHub {
  readonly port: number;
  readonly db: HubDatabase;
  readonly bus: CommandBus;
  readonly server: HubServer;
  readonly metrics: HubMetrics;
  readonly printing: PrintService;
  /** The cloud sync: idle until the hub is paired (API or CLI), then the relay and the catalog puller. */
  readonly sync: SyncService;
  /** True when this start created the database (and the demo, unless disabled). */
  readonly firstStart: boolean;
  /** Stops taking commands, finishes the batch in hand, closes the port, checkpoints and closes SQLite. */
  stop(): Promise<void>;
}

export async function startHub(
  config: HubConfig,
  logger: Logger,
  options: {
    metrics?: HubMetrics;
    liveLimits?: Partial<LiveLimits>;
    printing?: PrintingOptions;
    sync?: SyncOptions;
    /** PIN login limits (browser tests sign in more often than a person would). */
    loginLimits?: AuthServiceOptions['loginLimits'];
    /** The card terminal (tests script one); else COMANDA_CARD_TERMINAL decides. */
    cardTerminal?: CardTerminal;
    /** OpenTelemetry traces; else OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT decides (none when unset). */
    tracing?: Tracing;
  } = {},
): Promise<RunningHub> {
  let ready = false;
  const firstStart = !existsSync(config.dbFile);
  const db = openDatabase({ file: config.dbFile, synchronous: config.synchronous });
  // What has started so far, stopped in reverse if a later step fails (a port in use, an unreadable TLS
  // directory): a failed start must not leave a checkpoint thread, a relay, printers or the file open.
  const undo: Array<() => unknown> = [() => db.close()];
  try {
    const metrics = options.metrics ?? createMetrics();
    // The SDK is loaded only when traces have somewhere to go.
    const tracing =
      options.tracing ??
      (config.tracesUrl
        ? (await import('./observability/tracing-sdk.js')).startTracing('comanda-hub', config.tracesUrl)
        : undefined);
    if (!options.tracing && tracing) undo.push(() => tracing.shutdown());
    const checkpoints = startBackgroundCheckpoints(db.write, db.file, {
      onError: (err) => logger.warn({ err }, 'WAL checkpoint'),
      onReport: (r) => metrics.walFrames.set(r.walFrames),
    });
    undo.push(() => checkpoints.stop());
    // Print jobs commit in the same transaction as the tickets, voids and check requests they print.
    const bus = new CommandBus({
      db,
      logger,
      metrics,
      prepare: prepareCommand,
      transactionalWriters: [printJobWriter],
    });
    await bootstrapBranch(bus, { demo: firstStart && config.demo });
    const auth = createAuthService({ db, loginLimits: options.loginLimits });
    // A disabled account, a changed role or a reset PIN signs that person out everywhere at once.
    bus.subscribe((events) => {
      for (const e of events) {
        if (e.type === 'StaffUpdated' || e.type === 'StaffPinReset') auth.revokeAllForStaff(e.data.staffId);
      }
    });
    const printing = await startPrinting({ db, bus, logger, metrics, options: options.printing });
    undo.push(() => printing.stop());
    const terminal =
      options.cardTerminal ?? (config.cardTerminal === 'virtual' ? new VirtualCardTerminal() : undefined);
    const cardPayments =
      terminal && new CardPayments({ db, bus, terminal, logger: logger.child({ part: 'card' }) });
    // Before the server listens: a payment half-done when the hub stopped is finished (or reversed) first.
    await cardPayments?.start();
    undo.push(() => cardPayments?.stop());
    const sync = new SyncService({
      db: db.write,
      bus,
      logger,
      registry: metrics.registry,
      options: {
        ...options.sync,
        tracer: tracing?.tracer,
        ...(config.syncBatchBytes === undefined
          ? {}
          : {
              relay: {
                ...options.sync?.relay,
                limits: { ...DEFAULT_TUNING.limits, maxBytes: config.syncBatchBytes },
              },
            }),
      },
    });
    await sync.start();
    undo.push(() => sync.stop());
    // Made once, renewed when the LAN address changes: the CA tablets trust stays the same.
    const tls =
      config.httpsPort === null
        ? undefined
        : {
            ...(await ensureLocalTls(join(config.dataDir, 'tls'), hubNames(lanAddresses()))),
            port: config.httpsPort,
          };
    const server = createHubServer({
      tls,
      db,
      bus,
      auth,
      logger,
      metrics,
      isReady: () => ready,
      version: HUB_VERSION,
      liveLimits: options.liveLimits,
      printerTrouble: (id) => printing.health.get(id),
      sync,
      appsDir: config.appsDir,
      cardPayments,
      tracer: tracing?.tracer,
    });
    undo.push(() => server.close());
    const port = await server.listen(config.host, config.port);
    ready = true;
    logger.info({ port, host: config.host, dataDir: config.dataDir, firstStart }, 'listening');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        ready = false;
        // The relay's batches in flight are answered or aborted first; unacknowledged events stay in the outbox.
        await sync.stop();
        await cardPayments?.stop();
        // Before the drain: the worker's last reports still go through the bus.
        await printing.stop();
        await bus.drain();
        server.close();
        await checkpoints.stop();
        db.checkpoint();
        db.close();
        // The last spans go out (a tracing the caller made is the caller's to shut down).
        if (tracing && !options.tracing) await tracing.shutdown();
        logger.info('stopped cleanly');
      })());
    return { port, db, bus, server, metrics, printing, sync, firstStart, stop };
  } catch (err) {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (cleanupErr) {
        logger.warn({ err: cleanupErr }, 'cleaning up after a failed start');
      }
    }
    throw err;
  }
}
