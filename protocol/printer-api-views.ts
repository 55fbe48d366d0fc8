// Response shapes of the printer and print-state reads: the admin's printer list, the kitchen's print
// alerts, and the print state a waiter sees on each ticket.
import { z } from 'zod';
import {
  paperWidthSchema,
  printerCodepageSettingSchema,
  printerConditionSchema,
  printJobKindSchema,
  printJobStatusSchema,
} from './printer-values.js';

export const ticketPrintStateSchema = z.object({
  jobId: z.string(),
  status: printJobStatusSchema,
  printerId: z.string().nullable(),
  printerName: z.string().nullable(),
  printedAt: z.string().nullable(),
  attempts: z.number().int(),
  reprint: z.boolean(),
  needsAttention: z.boolean(),
  lastError: z.string().nullable(),
});

export const sessionTicketPrintSchema = z.object({
  ticketId: z.string(),
  roundId: z.string(),
  station: z.string(),
  stationName: z.string(),
  course: z.string(),
  status: z.string(),
  dailyNumber: z.number().int(),
  print: ticketPrintStateSchema.nullable(),
});

export const printerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  stations: z.array(z.string()),
  paperWidthMm: paperWidthSchema,
  codepage: printerCodepageSettingSchema,
  backupPrinterId: z.string().nullable(),
  printsChecks: z.boolean(),
  active: z.boolean(),
  /** Last condition the printer reported (DLE EOT); null until first asked. */
  status: printerConditionSchema.nullable(),
  statusSince: z.string().nullable(),
  /** The hub's own view: the printer failed to take a job or answer, and since when. */
  trouble: z.object({ kind: z.enum(['unreachable', 'not-ready']), since: z.string() }).nullable(),
  queue: z.object({ queued: z.number().int(), uncertain: z.number().int(), failed: z.number().int() }),
});

export const printJobListItemSchema = z.object({
  id: z.string(),
  kind: printJobKindSchema,
  status: printJobStatusSchema,
  ticketId: z.string().nullable(),
  sessionId: z.string().nullable(),
  station: z.string().nullable(),
  printerId: z.string().nullable(),
  printerName: z.string().nullable(),
  attempts: z.number().int(),
  reprintOf: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  printedAt: z.string().nullable(),
});
