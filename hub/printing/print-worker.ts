// The print worker: a small async loop beside the single writer. One job in flight per printer, FIFO
// per printer; woken by the bus after each commit and by a timer. Its promise: a job prints once, or a
// person decides — nothing that may have reached the paper is ever sent again on its own.
//
//   unreachable (nothing written) → retry with full-jitter backoff → after `failoverAfterMs` down,
//   move to the backup printer, or give up to the station's screen (PrintJobFailed, an alert);
//   timeout / reset after bytes were written → UNCERTAIN, the kitchen confirms or asks a reprint;
//   SENDING found at start (the hub died mid-send) → UNCERTAIN, the same.
import { uuidv7 } from 'uuidv7';
import type { CommandResult } from '../../protocol/commands/command.js';
import type { EventEnvelope } from '../../protocol/events/event.js';
import type { CommandBus } from '../app/command-bus.js';
import type { PrintOutcome } from '../domain/printer-decide.js';
import type { Logger } from '../observability/logger.js';
import type { PrintMetrics } from '../observability/print-metrics.js';
import type { HubDatabase } from '../store/database.js';
import {
  cancelIfTicketVoided,
  claimPrintJob,
  countJobsByStatus,
  jobsWithStatus,
  loadPrintJob,
  queueHeads,
  retryNow,
  scheduleRetry,
  type PrintJobRow,
} from '../store/print-job-store.js';
import { loadPrinter, type PrinterRow } from '../store/printer-store.js';
import type { PrinterHealth } from './printer-health.js';
import { PrinterTransportError, sendToPrinter, type SendToPrinterOptions } from './printer-transport.js';
import { renderPrintJob } from './render-print-job.js';
import { fullJitterDelay } from './retry-backoff.js';

export interface PrintWorkerTuning {
  /** First retry delay cap; doubles per attempt up to `retryCapMs` (full jitter below it). */
  retryBaseMs: number;
  retryCapMs: number;
  /** How long a printer may stay unable to print before its jobs go to the backup or the screen. */
  failoverAfterMs: number;
  /** For one whole job: connect, write, the printer's close. */
  sendTimeoutMs: number;
  /** Timer wake-up, for retries coming due and printers staying down. */
  tickMs: number;
}

export const DEFAULT_PRINT_TUNING: PrintWorkerTuning = {
  retryBaseMs: 1_000,
  retryCapMs: 30_000,
  failoverAfterMs: 30_000,
  sendTimeoutMs: 10_000,
  tickMs: 500,
};

export interface PrintWorkerOptions {
  db: HubDatabase;
  bus: CommandBus;
  logger: Logger;
  metrics: PrintMetrics;
  health: PrinterHealth;
  tuning?: Partial<PrintWorkerTuning>;
  now?: () => number;
  random?: () => number;
  send?: (opts: SendToPrinterOptions) => Promise<{ bytesWritten: number }>;
}

const WAKING_EVENTS = new Set([
  'TicketCreated',
  'ItemVoided',
  'TicketVoided',
  'TicketReprintRequested',
  'CheckPrintRequested',
  'PrintJobFailedOver',
  'PrinterUpserted',
  'PrinterRemoved',
]);

export class PrintWorker {
  private readonly tuning: PrintWorkerTuning;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Outcome reports still committing; the printer is already free for its next job. */
  private readonly reporting = new Set<Promise<unknown>>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly send: NonNullable<PrintWorkerOptions['send']>;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly options: PrintWorkerOptions) {
    this.tuning = { ...DEFAULT_PRINT_TUNING, ...options.tuning };
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.send = options.send ?? sendToPrinter;
  }

  /** Printers with a job on the wire right now (the poller leaves them alone). */
  busy(printerId: string): boolean {
    return this.inFlight.has(printerId);
  }

  async start(): Promise<void> {
    const { db, bus, logger, metrics } = this.options;
    metrics.setJobCounter(() => countJobsByStatus(db.read));
    // Whatever was on the wire when the hub stopped may or may not be on paper: a person decides.
    for (const job of jobsWithStatus(db.write, 'SENDING')) {
      logger.warn(
        { jobId: job.id, ticketId: job.ticketId, printerId: job.printerId },
        'print job interrupted mid-send',
      );
      await this.report(job, {
        kind: 'UNCERTAIN',
        printerId: job.printerId ?? 'unknown',
        reason: 'the hub stopped while this was being sent: check the printer, then confirm or reprint',
      });
    }
    this.unsubscribe = bus.subscribe((events) => this.onCommitted(events));
    this.timer = setInterval(() => this.wake(), this.tuning.tickMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * Stops taking jobs and gives those on the wire a moment to finish. One still hanging stays SENDING
   * and turns UNCERTAIN at the next start, which is the safe side.
   */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.options.metrics.setJobCounter(null);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight.values(), ...this.reporting]),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }

  /** A printer answered again: what waited for it goes now, not at its backed-off time. */
  printerBack(printerId: string): void {
    retryNow(this.options.db.write, printerId, new Date(this.now()).toISOString());
    this.wake();
  }

  wake(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private onCommitted(events: readonly EventEnvelope[]): void {
    if (events.some((e) => WAKING_EVENTS.has(e.type))) this.wake();
  }

  private pump(): void {
    if (this.stopped) return;
    const { db, health } = this.options;
    const now = this.now();
    const nowIso = new Date(now).toISOString();
    for (const job of queueHeads(db.write)) {
      const printerId = job.printerId ?? '';
      if (this.inFlight.has(printerId)) continue;
      const printer = loadPrinter(db.write, printerId);
      let work: Promise<void> | undefined;
      if (!printer || !printer.active) {
        work = this.moveOff(job, printer, `printer ${printer?.name ?? printerId} is removed or switched off`);
      } else if (health.downFor(printer.id, now) >= this.tuning.failoverAfterMs) {
        const trouble = health.get(printer.id)?.trouble ?? 'unreachable';
        work = this.moveOff(job, printer, `${printer.name} has been ${trouble} for too long`);
      } else if (health.get(printer.id)?.trouble === 'not-ready') {
        continue; // Cover open or out of paper: sending would only fill its buffer. The poller tells us when.
      } else if (job.nextAttemptAt !== null && job.nextAttemptAt > nowIso) {
        continue;
      } else {
        work = this.attempt(job, printer);
      }
      const tracked = work
        .catch((err: unknown) =>
          this.options.logger.error({ err, jobId: job.id }, 'print worker step failed'),
        )
        .finally(() => {
          this.inFlight.delete(printerId);
          this.wake();
        });
      this.inFlight.set(printerId, tracked);
    }
  }

  private async attempt(job: PrintJobRow, printer: PrinterRow): Promise<void> {
    const { db, logger, metrics, health } = this.options;
    let data: Uint8Array;
    try {
      data = renderPrintJob(job, printer);
    } catch (err) {
      logger.error({ err, jobId: job.id }, 'print job cannot be rendered');
      await this.report(job, {
        kind: 'FAILED',
        printerId: printer.id,
        reason: 'the job could not be rendered',
      });
      return;
    }
    // Committed (and fsynced) before the first byte leaves: a crash from here on reads as UNCERTAIN.
    if (!claimPrintJob(db.write, job.id, new Date(this.now()).toISOString())) return;
    const attempt = job.attempts + 1;
    try {
      await this.send({ host: printer.host, port: printer.port, data, timeoutMs: this.tuning.sendTimeoutMs });
    } catch (err) {
      if (!(err instanceof PrinterTransportError)) throw err;
      if (err.kind === 'unreachable' || err.bytesWritten === 0) {
        metrics.attempts.inc({ result: 'unreachable' });
        health.markDown(printer.id, 'unreachable', this.now());
        if (cancelIfTicketVoided(db.write, job, new Date(this.now()).toISOString())) return;
        if (health.downFor(printer.id, this.now()) >= this.tuning.failoverAfterMs) {
          await this.moveOff({ ...job, status: 'SENDING' }, printer, err.message);
          return;
        }
        const delay = fullJitterDelay(
          attempt,
          { baseMs: this.tuning.retryBaseMs, capMs: this.tuning.retryCapMs },
          this.random,
        );
        scheduleRetry(db.write, job.id, {
          at: new Date(this.now()).toISOString(),
          nextAttemptAt: new Date(this.now() + delay).toISOString(),
          error: err.message,
        });
        logger.debug(
          { jobId: job.id, printer: printer.name, attempt, delay },
          'printer unreachable; will retry',
        );
        return;
      }
      // Bytes left the hub: part of the ticket (or all of it) may be on paper. Never resend on our own.
      metrics.attempts.inc({ result: 'uncertain' });
      logger.warn(
        { jobId: job.id, printer: printer.name, kind: err.kind, bytes: err.bytesWritten },
        'print job uncertain',
      );
      this.reportInBackground(job, { kind: 'UNCERTAIN', printerId: printer.id, reason: err.message });
      return;
    }
    metrics.attempts.inc({ result: 'printed' });
    health.markUp(printer.id);
    this.reportInBackground(job, { kind: 'PRINTED', printerId: printer.id });
  }

  // The paper's order is settled once the send returned, so the printer takes its next job while this
  // outcome commits; the job stays SENDING until then, and a crash meanwhile reads as UNCERTAIN.
  private reportInBackground(job: PrintJobRow, outcome: PrintOutcome): void {
    const p = this.report(job, outcome)
      .catch((err: unknown) =>
        this.options.logger.error({ err, jobId: job.id }, 'print outcome not recorded'),
      )
      .finally(() => this.reporting.delete(p));
    this.reporting.add(p);
  }

  /** To the backup printer if it can take it, else to the station's screen with an alert. */
  private async moveOff(job: PrintJobRow, printer: PrinterRow | undefined, reason: string): Promise<void> {
    const { db, health, metrics, logger } = this.options;
    const now = this.now();
    const backup = printer?.backupPrinterId ? loadPrinter(db.write, printer.backupPrinterId) : undefined;
    const from = job.printerId ?? 'unknown';
    if (
      backup &&
      backup.active &&
      backup.id !== from &&
      health.downFor(backup.id, now) < this.tuning.failoverAfterMs
    ) {
      metrics.failovers.inc({ to: 'backup' });
      logger.warn({ jobId: job.id, from, to: backup.name, reason }, 'print job moved to the backup printer');
      await this.report(job, { kind: 'FAILED_OVER', fromPrinterId: from, toPrinterId: backup.id, reason });
      return;
    }
    metrics.failovers.inc({ to: 'screen' });
    logger.error(
      { jobId: job.id, ticketId: job.ticketId, printer: from, reason },
      'print job failed: screen only',
    );
    await this.report(job, { kind: 'FAILED', printerId: from, reason });
  }

  private async report(job: PrintJobRow, outcome: PrintOutcome): Promise<CommandResult> {
    const { bus, logger, metrics } = this.options;
    const result = await bus.execute(
      { commandId: `pj-${uuidv7()}`, type: 'RecordPrintOutcome', payload: { jobId: job.id, outcome } },
      { actor: { kind: 'system', name: 'print-worker' }, requestId: null },
    );
    if (result.ok) {
      const status = { PRINTED: 'PRINTED', UNCERTAIN: 'UNCERTAIN', FAILED_OVER: 'QUEUED', FAILED: 'FAILED' }[
        outcome.kind
      ];
      metrics.outcomes.inc({ status });
    } else {
      // Left as it is (SENDING stays SENDING): the next start turns it UNCERTAIN, never into a resend.
      const current = loadPrintJob(this.options.db.write, job.id);
      logger.error(
        { jobId: job.id, outcome: outcome.kind, error: result.error, status: current?.status },
        'print outcome not recorded',
      );
    }
    return result;
  }
}
