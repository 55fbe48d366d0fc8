// Wires the print worker and the printer status poller around one shared view of printer health, so
// the hub runtime starts and stops printing with two calls.
import type { CommandBus } from '../app/command-bus.js';
import type { Logger } from '../observability/logger.js';
import type { HubMetrics } from '../observability/metrics.js';
import { printMetricsOn } from '../observability/print-metrics.js';
import type { HubDatabase } from '../store/database.js';
import { PrinterHealth } from './printer-health.js';
import { PrinterStatusPoller } from './printer-status-poller.js';
import { PrintWorker, type PrintWorkerTuning } from './print-worker.js';

export interface PrintingOptions {
  tuning?: Partial<PrintWorkerTuning>;
  /** How often each printer is asked for its status (DLE EOT). */
  pollIntervalMs?: number;
  statusTimeoutMs?: number;
}

export interface PrintService {
  readonly worker: PrintWorker;
  readonly poller: PrinterStatusPoller;
  readonly health: PrinterHealth;
  stop(): Promise<void>;
}

export async function startPrinting(deps: {
  db: HubDatabase;
  bus: CommandBus;
  logger: Logger;
  metrics: HubMetrics;
  options?: PrintingOptions;
}): Promise<PrintService> {
  const logger = deps.logger.child({ module: 'printing' });
  const metrics = printMetricsOn(deps.metrics.registry);
  // The health tells the worker when a printer is back; the worker is made after it, hence the holder.
  const holder: { worker?: PrintWorker } = {};
  const health = new PrinterHealth((printerId, up) => {
    logger.info({ printerId, up }, up ? 'printer back' : 'printer down');
    if (up) holder.worker?.printerBack(printerId);
  });
  const worker = new PrintWorker({
    db: deps.db,
    bus: deps.bus,
    logger,
    metrics,
    health,
    tuning: deps.options?.tuning ?? {},
  });
  holder.worker = worker;
  const w = worker;
  const poller = new PrinterStatusPoller({
    db: deps.db,
    bus: deps.bus,
    logger,
    metrics,
    health,
    intervalMs: deps.options?.pollIntervalMs ?? 5_000,
    timeoutMs: deps.options?.statusTimeoutMs ?? 1_500,
    busy: (id) => w.busy(id),
  });
  await worker.start();
  poller.start();
  return {
    worker,
    poller,
    health,
    stop: async () => {
      await poller.stop();
      await w.stop();
    },
  };
}
