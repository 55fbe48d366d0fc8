// Asks every active printer for its real-time status (DLE EOT 1, 2, 4) on a timer: the admin and the
// kitchen screens see "paper out" or "cover open" (a PrinterStatusChanged event, only when it changes),
// and the print worker learns a printer is back before its next backed-off retry.
import { uuidv7 } from 'uuidv7';
import type { PrinterConditionFlags } from '../../protocol/printer-values.js';
import type { CommandBus } from '../app/command-bus.js';
import type { Logger } from '../observability/logger.js';
import type { PrintMetrics } from '../observability/print-metrics.js';
import type { HubDatabase } from '../store/database.js';
import { loadPrinters, type PrinterRow } from '../store/printer-store.js';
import type { PrinterHealth } from './printer-health.js';
import { queryPrinterStatus, type PrinterStatus } from './printer-transport.js';

export interface PrinterStatusPollerOptions {
  db: HubDatabase;
  bus: CommandBus;
  logger: Logger;
  metrics: PrintMetrics;
  health: PrinterHealth;
  intervalMs: number;
  timeoutMs: number;
  /** A printer with a job on the wire is not asked: many take one connection at a time. */
  busy: (printerId: string) => boolean;
  now?: () => number;
  query?: (opts: { host: string; port: number; timeoutMs: number }) => Promise<PrinterStatus>;
}

export class PrinterStatusPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The last condition reported per printer, so only changes become events. */
  private readonly reported = new Map<string, string>();

  constructor(private readonly options: PrinterStatusPollerOptions) {}

  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      this.running = this.pollAll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs).unref();
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round of questions to every active printer, in parallel. */
  async pollAll(): Promise<void> {
    const printers = loadPrinters(this.options.db.read).filter((p) => p.active);
    await Promise.all(printers.filter((p) => !this.options.busy(p.id)).map((p) => this.pollOne(p)));
  }

  private async pollOne(printer: PrinterRow): Promise<void> {
    const { health, metrics, logger } = this.options;
    const query = this.options.query ?? queryPrinterStatus;
    const status = await query({ host: printer.host, port: printer.port, timeoutMs: this.options.timeoutMs });
    if (this.stopped) return;
    const now = (this.options.now ?? Date.now)();
    if (!status.reachable) health.markDown(printer.id, 'unreachable', now);
    else if (status.coverOpen || status.paperOut) health.markDown(printer.id, 'not-ready', now);
    // A printer that answers the connection but not DLE EOT (some cheap ones) still gets its jobs.
    else health.markUp(printer.id);
    metrics.printerUp.set({ printer: printer.name }, health.get(printer.id) ? 0 : 1);

    const flags: PrinterConditionFlags = {
      reachable: status.reachable,
      online: status.online,
      coverOpen: status.coverOpen,
      paperOut: status.paperOut,
      paperNearEnd: status.paperNearEnd,
    };
    const key = JSON.stringify(flags);
    if (this.reported.get(printer.id) === key) return;
    const result = await this.options.bus
      .execute(
        {
          commandId: `ps-${uuidv7()}`,
          type: 'RecordPrinterStatus',
          payload: { printerId: printer.id, status: flags },
        },
        { actor: { kind: 'system', name: 'printer-status' }, requestId: null },
      )
      .catch((err: unknown) => {
        logger.debug({ err }, 'printer status not recorded (shutting down?)');
        return undefined;
      });
    if (result?.ok) this.reported.set(printer.id, key);
    if (result?.ok && result.data.changed)
      logger.info({ printer: printer.name, status: flags }, 'printer status changed');
  }
}
