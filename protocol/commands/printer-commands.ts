// Printer commands: configure printers (admin), confirm or reprint tickets (kitchen), print the check
// (waiters), and the print worker's own reports (system only).
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { noteSchema, stationIdSchema } from '../domain-values.js';
import { paperWidthSchema, printerCodepageSettingSchema, printerConditionSchema } from '../printer-values.js';
import { defineCommand } from './define-command.js';

/** A host name or an IPv4/IPv6 address; no scheme, no port. */
const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or an IP address');

export const upsertPrinterSchema = defineCommand(
  'UpsertPrinter',
  z.strictObject({
    /** Omitted to add a printer; given to change one. */
    printerId: idSchema.optional(),
    name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
    host: hostSchema,
    port: z.number().int().min(1).max(65_535).default(9100),
    /** Stations whose kitchen tickets this printer prints. */
    stations: z.array(stationIdSchema).max(20).default([]),
    paperWidthMm: paperWidthSchema.default(80),
    codepage: printerCodepageSettingSchema.default('auto'),
    /** Where this printer's tickets go when it stays unreachable. */
    backupPrinterId: idSchema.nullable().default(null),
    /** Prints pre-bills and receipts for waiters. */
    printsChecks: z.boolean().default(false),
    active: z.boolean().default(true),
  }),
);

export const removePrinterSchema = defineCommand('RemovePrinter', z.strictObject({ printerId: idSchema }));

/** The kitchen saw the ticket come out whole: an UNCERTAIN job counts as printed. */
export const confirmPrintJobSchema = defineCommand('ConfirmPrintJob', z.strictObject({ jobId: idSchema }));

/** A person asks for the ticket on paper again: a new job, marked REPRINT. */
export const reprintTicketSchema = defineCommand(
  'ReprintTicket',
  z.strictObject({
    ticketId: idSchema,
    /** Another printer than the station's own (e.g. the backup). */
    printerId: idSchema.optional(),
    reason: noteSchema.default(''),
  }),
);

const checkPrintPayload = z.strictObject({ sessionId: idSchema, printerId: idSchema.optional() });
export const printPreBillSchema = defineCommand('PrintPreBill', checkPrintPayload);
export const printReceiptSchema = defineCommand('PrintReceipt', checkPrintPayload);

/** The print worker reporting what became of one attempt; refused from anyone but the hub itself. */
export const recordPrintOutcomeSchema = defineCommand(
  'RecordPrintOutcome',
  z.strictObject({
    jobId: idSchema,
    outcome: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('PRINTED'), printerId: idSchema }),
      z.strictObject({ kind: z.literal('UNCERTAIN'), printerId: idSchema, reason: z.string().max(500) }),
      z.strictObject({
        kind: z.literal('FAILED_OVER'),
        fromPrinterId: idSchema,
        toPrinterId: idSchema,
        reason: z.string().max(500),
      }),
      z.strictObject({ kind: z.literal('FAILED'), printerId: idSchema, reason: z.string().max(500) }),
    ]),
  }),
);

/** The status poller reporting a printer's condition; an event only when it changed. */
export const recordPrinterStatusSchema = defineCommand(
  'RecordPrinterStatus',
  z.strictObject({ printerId: idSchema, status: printerConditionSchema }),
);
