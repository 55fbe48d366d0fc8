// Decisions about printers and print jobs: configuration, the kitchen's confirm / reprint, the
// waiter's check print, and the print worker's reports. Pure: the app layer loads the views.
import type { PayloadOf } from '../../protocol/commands/command.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import type { PrinterConditionFlags, PrintJobKind, PrintJobStatus } from '../../protocol/printer-values.js';
import { decided, ev, type Decision } from './decision.js';
import { transition } from './lifecycle/lifecycle.js';
import { printJobLifecycle } from './lifecycle/print-job-lifecycle.js';
import { fail, type Result } from './result.js';
import type { DecideContext, SessionView, TicketView } from './views.js';

export interface PrinterView {
  id: string;
  name: string;
  stations: string[];
  backupPrinterId: string | null;
  printsChecks: boolean;
  active: boolean;
}

export interface PrintJobView {
  id: string;
  kind: PrintJobKind;
  status: PrintJobStatus;
  ticketId: string | null;
  sessionId: string | null;
  station: string | null;
  printerId: string | null;
}

export function decideUpsertPrinter(
  input: { printers: readonly PrinterView[]; unknownStations: readonly string[] },
  p: PayloadOf<'UpsertPrinter'>,
  ctx: DecideContext,
): Result<Decision> {
  const printerId = p.printerId ?? ctx.newId();
  if (input.unknownStations.length > 0) {
    return fail('NOT_FOUND', `unknown station(s): ${input.unknownStations.join(', ')}`, {
      stations: input.unknownStations,
    });
  }
  if (p.backupPrinterId !== null) {
    if (p.backupPrinterId === printerId) return fail('INVALID', 'a printer cannot be its own backup');
    if (!input.printers.some((x) => x.id === p.backupPrinterId))
      return fail('NOT_FOUND', `backup printer ${p.backupPrinterId} not found`);
  }
  return decided(
    [
      ev('PrinterUpserted', {
        printerId,
        name: p.name,
        host: p.host,
        port: p.port,
        stations: [...new Set(p.stations)],
        paperWidthMm: p.paperWidthMm,
        codepage: p.codepage,
        backupPrinterId: p.backupPrinterId,
        printsChecks: p.printsChecks,
        active: p.active,
      }),
    ],
    { printerId },
  );
}

export function decideRemovePrinter(input: {
  printer: PrinterView | undefined;
  printers: readonly PrinterView[];
}): Result<Decision> {
  const { printer } = input;
  if (!printer) return fail('NOT_FOUND', 'printer not found');
  const backedUp = input.printers.filter((x) => x.backupPrinterId === printer.id).map((x) => x.name);
  if (backedUp.length > 0) {
    return fail('CONFLICT', `${printer.name} is the backup of ${backedUp.join(', ')}: change those first`);
  }
  return decided([ev('PrinterRemoved', { printerId: printer.id })]);
}

const refOf = (job: PrintJobView) => ({
  jobId: job.id,
  kind: job.kind,
  ticketId: job.ticketId,
  sessionId: job.sessionId,
  station: job.station,
});

export function decideConfirmPrintJob(input: {
  job: PrintJobView | undefined;
  printerName: string;
}): Result<Decision> {
  const { job } = input;
  if (!job) return fail('NOT_FOUND', 'print job not found');
  const next = transition('print job', printJobLifecycle, job.status, 'confirm');
  if (!next.ok) return next;
  return decided([
    ev('PrintJobPrinted', {
      ...refOf(job),
      printerId: job.printerId ?? '',
      printerName: input.printerName,
      confirmedBy: 'STAFF',
    }),
  ]);
}

export function decideReprintTicket(
  input: {
    ticket: TicketView | undefined;
    printer: PrinterView | undefined;
    /** The ticket's kitchen jobs, oldest first. */
    jobs: readonly PrintJobView[];
  },
  reason: string,
  ctx: DecideContext,
): Result<Decision> {
  const { ticket, printer } = input;
  if (!ticket) return fail('NOT_FOUND', 'ticket not found');
  if (ticket.status === 'VOID') return fail('CONFLICT', 'this ticket was voided: nothing to cook');
  if (!printer || !printer.active) {
    return fail('CONFLICT', `no active printer for station ${ticket.station}: the ticket is on the screen`);
  }
  // One paper on its way at a time: asking twice while it queues would print two.
  if (input.jobs.some((j) => j.status === 'QUEUED' || j.status === 'SENDING')) {
    return fail('CONFLICT', 'this ticket is already on its way to a printer');
  }
  const last = input.jobs[input.jobs.length - 1];
  const replaces = last && (last.status === 'UNCERTAIN' || last.status === 'FAILED') ? last : undefined;
  const jobId = ctx.newId();
  return decided(
    [
      ev('TicketReprintRequested', {
        jobId,
        ticketId: ticket.id,
        station: ticket.station,
        printerId: printer.id,
        replacesJobId: replaces?.id ?? null,
        reason,
      }),
    ],
    { jobId },
  );
}

export function decideCheckPrint(
  input: { session: SessionView; printer: PrinterView | undefined; paymentsCount: number },
  kind: 'PRE_BILL' | 'RECEIPT',
  ctx: DecideContext,
): Result<Decision> {
  const { session, printer } = input;
  if (session.status === 'VOIDED' || session.status === 'MERGED')
    return fail('CONFLICT', `this session is ${session.status}: there is no check to print`);
  if (kind === 'PRE_BILL' && session.status === 'CLOSED')
    return fail('CONFLICT', 'the session is closed: print the receipt instead');
  if (kind === 'RECEIPT' && input.paymentsCount === 0)
    return fail('CONFLICT', 'no payment recorded yet: print the pre-bill instead');
  if (!printer || !printer.active || !printer.printsChecks)
    return fail('CONFLICT', 'no active check printer: set one up in the admin (prints checks)');
  const jobId = ctx.newId();
  return decided([ev('CheckPrintRequested', { jobId, sessionId: session.id, kind, printerId: printer.id })], {
    jobId,
  });
}

export type PrintOutcome = PayloadOf<'RecordPrintOutcome'>['outcome'];

export function decidePrintOutcome(
  input: { job: PrintJobView | undefined; printerName: (id: string) => string },
  outcome: PrintOutcome,
): Result<Decision> {
  const { job } = input;
  if (!job) return fail('NOT_FOUND', 'print job not found');
  const via = (
    { PRINTED: 'printed', UNCERTAIN: 'uncertain', FAILED_OVER: 'failOver', FAILED: 'fail' } as const
  )[outcome.kind];
  const next = transition('print job', printJobLifecycle, job.status, via);
  if (!next.ok) return next;
  const ref = refOf(job);
  let event: DomainEvent;
  switch (outcome.kind) {
    case 'PRINTED':
      event = ev('PrintJobPrinted', {
        ...ref,
        printerId: outcome.printerId,
        printerName: input.printerName(outcome.printerId),
        confirmedBy: 'PRINTER',
      });
      break;
    case 'UNCERTAIN':
      event = ev('PrintJobUncertain', { ...ref, printerId: outcome.printerId, reason: outcome.reason });
      break;
    case 'FAILED_OVER':
      event = ev('PrintJobFailedOver', {
        ...ref,
        fromPrinterId: outcome.fromPrinterId,
        toPrinterId: outcome.toPrinterId,
        reason: outcome.reason,
      });
      break;
    case 'FAILED':
      event = ev('PrintJobFailed', {
        ...ref,
        printerId: outcome.printerId,
        reason: outcome.reason,
        fallback: 'SCREEN',
      });
      break;
  }
  return decided([event]);
}

export function decidePrinterStatus(
  input: { printer: PrinterView | undefined; last: PrinterConditionFlags | null },
  status: PrinterConditionFlags,
): Result<Decision> {
  if (!input.printer) return fail('NOT_FOUND', 'printer not found');
  const same =
    input.last !== null &&
    (Object.keys(status) as Array<keyof PrinterConditionFlags>).every((k) => input.last?.[k] === status[k]);
  return decided(same ? [] : [ev('PrinterStatusChanged', { printerId: input.printer.id, status })], {
    changed: !same,
  });
}
