// Handlers for printers and print jobs: admin configuration, the kitchen's confirm / reprint, the
// waiter's check papers and the print worker's own reports.
import {
  decideCheckPrint,
  decideConfirmPrintJob,
  decidePrinterStatus,
  decidePrintOutcome,
  decideRemovePrinter,
  decideReprintTicket,
  decideUpsertPrinter,
} from '../../domain/printer-decide.js';
import { fail } from '../../domain/result.js';
import { loadPayments, loadTicket, exists } from '../../store/queries/view-loaders.js';
import { kitchenJobsOfTicket, loadPrintJob } from '../../store/print-job-store.js';
import { checkPrinter, loadPrinter, loadPrinters, printerForStation } from '../../store/printer-store.js';
import { allowed, type HandlerEnv, type HandlerMap } from './handler-types.js';
import { sessionFor } from './service-handlers.js';

type PrinterCommands =
  | 'UpsertPrinter'
  | 'RemovePrinter'
  | 'ConfirmPrintJob'
  | 'ReprintTicket'
  | 'PrintPreBill'
  | 'PrintReceipt'
  | 'RecordPrintOutcome'
  | 'RecordPrinterStatus';

// An admin token must not be able to forge "printed": only the hub's own worker reports outcomes.
function hubOnly(env: HandlerEnv) {
  return env.ctx.actor.kind === 'system'
    ? ({ ok: true } as const)
    : fail('FORBIDDEN', 'only the hub itself reports print outcomes and printer status');
}

const nameOf = (env: HandlerEnv) => (id: string) => loadPrinter(env.db, id)?.name ?? id;

export const printerHandlers: HandlerMap<PrinterCommands> = {
  UpsertPrinter: (env, p) => {
    const can = allowed(env, 'UpsertPrinter');
    if (!can.ok) return can;
    return decideUpsertPrinter(
      {
        printers: loadPrinters(env.db),
        unknownStations: p.stations.filter((s) => !exists(env.db, 'station', s)),
      },
      p,
      env.ctx,
    );
  },
  RemovePrinter: (env, p) => {
    const can = allowed(env, 'RemovePrinter');
    if (!can.ok) return can;
    return decideRemovePrinter({ printer: loadPrinter(env.db, p.printerId), printers: loadPrinters(env.db) });
  },
  ConfirmPrintJob: (env, p) => {
    const can = allowed(env, 'ConfirmPrintJob');
    if (!can.ok) return can;
    const job = loadPrintJob(env.db, p.jobId);
    return decideConfirmPrintJob({ job, printerName: job?.printerId ? nameOf(env)(job.printerId) : '' });
  },
  ReprintTicket: (env, p) => {
    const can = allowed(env, 'ReprintTicket');
    if (!can.ok) return can;
    const ticket = loadTicket(env.db, p.ticketId);
    const printer = p.printerId
      ? loadPrinter(env.db, p.printerId)
      : ticket && printerForStation(env.db, ticket.station);
    return decideReprintTicket(
      { ticket, printer, jobs: ticket ? kitchenJobsOfTicket(env.db, ticket.id) : [] },
      p.reason,
      env.ctx,
    );
  },
  PrintPreBill: (env, p) => {
    const s = sessionFor(env, 'PrintPreBill', p.sessionId);
    if (!s.ok) return s;
    const printer = p.printerId ? loadPrinter(env.db, p.printerId) : checkPrinter(env.db);
    return decideCheckPrint(
      { session: s.value, printer, paymentsCount: loadPayments(env.db, s.value.id).length },
      'PRE_BILL',
      env.ctx,
    );
  },
  PrintReceipt: (env, p) => {
    const s = sessionFor(env, 'PrintReceipt', p.sessionId);
    if (!s.ok) return s;
    const printer = p.printerId ? loadPrinter(env.db, p.printerId) : checkPrinter(env.db);
    return decideCheckPrint(
      { session: s.value, printer, paymentsCount: loadPayments(env.db, s.value.id).length },
      'RECEIPT',
      env.ctx,
    );
  },
  RecordPrintOutcome: (env, p) => {
    const only = hubOnly(env);
    if (!only.ok) return only;
    return decidePrintOutcome({ job: loadPrintJob(env.db, p.jobId), printerName: nameOf(env) }, p.outcome);
  },
  RecordPrinterStatus: (env, p) => {
    const only = hubOnly(env);
    if (!only.ok) return only;
    const printer = loadPrinter(env.db, p.printerId);
    return decidePrinterStatus({ printer, last: printer?.lastStatus ?? null }, p.status);
  },
};
