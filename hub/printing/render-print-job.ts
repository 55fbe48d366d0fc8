// Turns a queued job into the bytes for the printer it is going to: the stored view parsed back with
// its schema (a JSON column is an edge), rendered for that printer's paper and code page — so a job
// moved to a 58 mm backup still fits its paper.
import type { PrintJobRow } from '../store/print-job-store.js';
import type { PrinterRow } from '../store/printer-store.js';
import { renderCheck } from './escpos-check.js';
import { renderKitchenTicket } from './escpos-kitchen-ticket.js';
import type { EscPosRenderOptions } from './escpos-paper.js';
import { checkPrintViewSchema, kitchenTicketViewSchema } from './ticket-view.js';

export function renderPrintJob(job: PrintJobRow, printer: PrinterRow): Uint8Array {
  const options: EscPosRenderOptions = { paperWidthMm: printer.paperWidthMm, codepage: printer.codepage };
  const raw: unknown = JSON.parse(job.view);
  switch (job.kind) {
    case 'KITCHEN':
    case 'VOID':
      return renderKitchenTicket(kitchenTicketViewSchema.parse(raw), options);
    case 'PRE_BILL':
    case 'RECEIPT':
      return renderCheck(checkPrintViewSchema.parse(raw), options);
  }
}
