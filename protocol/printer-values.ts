// Value types of printers and print jobs, shared by printer commands, events and the read API.
import { z } from 'zod';

/** Code pages a printer may be set to ('auto' lets the renderer pick per line; cp858 covers Spanish and €). */
export const PRINTER_CODEPAGE_SETTINGS = [
  'auto',
  'cp437',
  'cp850',
  'cp858',
  'cp857',
  'cp860',
  'cp863',
  'cp865',
  'windows1252',
  'iso8859-15',
] as const;
export const printerCodepageSettingSchema = z.enum(PRINTER_CODEPAGE_SETTINGS);
export type PrinterCodepageSetting = z.infer<typeof printerCodepageSettingSchema>;

export const paperWidthSchema = z.union([z.literal(58), z.literal(80)]);

/** KITCHEN (a ticket, or its reprint), VOID (items taken off a ticket), and the two check papers. */
export const PRINT_JOB_KINDS = ['KITCHEN', 'VOID', 'PRE_BILL', 'RECEIPT'] as const;
export const printJobKindSchema = z.enum(PRINT_JOB_KINDS);
export type PrintJobKind = z.infer<typeof printJobKindSchema>;

/**
 * QUEUED → SENDING → PRINTED | FAILED | UNCERTAIN, plus CANCELED for a ticket voided before it
 * left the hub (nothing to cook, nothing to print).
 */
export const PRINT_JOB_STATUSES = [
  'QUEUED',
  'SENDING',
  'PRINTED',
  'FAILED',
  'UNCERTAIN',
  'CANCELED',
] as const;
export const printJobStatusSchema = z.enum(PRINT_JOB_STATUSES);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

/** What a printer said to the last real-time status request (DLE EOT). */
export const printerConditionSchema = z.object({
  reachable: z.boolean(),
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
});
export type PrinterConditionFlags = z.infer<typeof printerConditionSchema>;
