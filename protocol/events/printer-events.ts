// Events of printers and print jobs: configuration, status changes the screens show, and what became
// of each print job — so waiters see "printed at grill" and kitchens get an alert when paper failed.
import { z } from 'zod';
import { stationIdSchema } from '../domain-values.js';
import {
  paperWidthSchema,
  printerCodepageSettingSchema,
  printerConditionSchema,
  printJobKindSchema,
} from '../printer-values.js';
import { defineEvent } from './define-event.js';

const id = z.string();

export const printerUpserted = defineEvent(
  'PrinterUpserted',
  'printer',
  z.object({
    printerId: id,
    name: z.string(),
    host: z.string(),
    port: z.number().int(),
    stations: z.array(stationIdSchema),
    paperWidthMm: paperWidthSchema,
    codepage: printerCodepageSettingSchema,
    backupPrinterId: id.nullable(),
    printsChecks: z.boolean(),
    active: z.boolean(),
  }),
);
export const printerRemoved = defineEvent('PrinterRemoved', 'printer', z.object({ printerId: id }));
export const printerStatusChanged = defineEvent(
  'PrinterStatusChanged',
  'printer',
  z.object({ printerId: id, status: printerConditionSchema }),
);

/** Who a job concerns, repeated on each job event so screens need no lookup. */
const jobRef = {
  jobId: id,
  kind: printJobKindSchema,
  ticketId: id.nullable(),
  sessionId: id.nullable(),
  station: z.string().nullable(),
};

export const checkPrintRequested = defineEvent(
  'CheckPrintRequested',
  'printJob',
  z.object({ jobId: id, sessionId: id, kind: z.enum(['PRE_BILL', 'RECEIPT']), printerId: id }),
);
export const ticketReprintRequested = defineEvent(
  'TicketReprintRequested',
  'printJob',
  z.object({
    jobId: id,
    ticketId: id,
    station: z.string(),
    printerId: id,
    /** The job the kitchen gave up on (an UNCERTAIN or FAILED one), if any. */
    replacesJobId: id.nullable(),
    reason: z.string(),
  }),
);
export const printJobPrinted = defineEvent(
  'PrintJobPrinted',
  'printJob',
  z.object({ ...jobRef, printerId: id, printerName: z.string(), confirmedBy: z.enum(['PRINTER', 'STAFF']) }),
);
export const printJobUncertain = defineEvent(
  'PrintJobUncertain',
  'printJob',
  z.object({ ...jobRef, printerId: id, reason: z.string() }),
);
export const printJobFailedOver = defineEvent(
  'PrintJobFailedOver',
  'printJob',
  z.object({ ...jobRef, fromPrinterId: id, toPrinterId: id, reason: z.string() }),
);
/** No printer took it: the ticket lives on the station's screen, which raises an alert. */
export const printJobFailed = defineEvent(
  'PrintJobFailed',
  'printJob',
  z.object({ ...jobRef, printerId: id, reason: z.string(), fallback: z.literal('SCREEN') }),
);
