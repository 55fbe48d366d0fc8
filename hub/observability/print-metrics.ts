// Prometheus metrics of the print queue: attempts and their results, failovers, printers up or down,
// and (at scrape time) how many jobs sit in each status.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface PrintMetrics {
  readonly attempts: Counter<'result'>;
  readonly outcomes: Counter<'status'>;
  readonly failovers: Counter<'to'>;
  readonly printerUp: Gauge<'printer'>;
  /** Jobs per status, read from the queue when scraped; the worker supplies the reader. */
  setJobCounter(read: (() => Record<string, number>) | null): void;
}

// One set per registry: a hub restarted in the same process (tests) reuses what it registered.
const byRegistry = new WeakMap<Registry, PrintMetrics>();

/** The print metrics on the hub's registry, registered on first use. */
export function printMetricsOn(registry: Registry): PrintMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = createPrintMetrics(registry);
    byRegistry.set(registry, metrics);
  }
  return metrics;
}

function createPrintMetrics(registry: Registry): PrintMetrics {
  let readCounts: (() => Record<string, number>) | null = null;
  new Gauge({
    name: 'comanda_print_jobs',
    help: 'Print jobs by status (QUEUED, SENDING, PRINTED, FAILED, UNCERTAIN, CANCELED)',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      if (!readCounts) return;
      this.reset();
      for (const [status, n] of Object.entries(readCounts())) this.set({ status }, n);
    },
  });
  return {
    attempts: new Counter({
      name: 'comanda_print_attempts_total',
      help: 'Attempts to send a job to a printer, by result (printed, unreachable, uncertain)',
      labelNames: ['result'],
      registers: [registry],
    }),
    outcomes: new Counter({
      name: 'comanda_print_job_outcomes_total',
      help: 'Print jobs reaching a status through the worker or the kitchen',
      labelNames: ['status'],
      registers: [registry],
    }),
    failovers: new Counter({
      name: 'comanda_print_failovers_total',
      help: 'Jobs moved off a printer that stayed down: to its backup printer or to the screen',
      labelNames: ['to'],
      registers: [registry],
    }),
    printerUp: new Gauge({
      name: 'comanda_printer_up',
      help: '1 when the printer answered and can print, 0 when unreachable or not ready',
      labelNames: ['printer'],
      registers: [registry],
    }),
    setJobCounter(read) {
      readCounts = read;
    },
  };
}
