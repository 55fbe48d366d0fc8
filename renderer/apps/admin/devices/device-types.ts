// Shapes of the device, printer and print-queue reads; types only, from protocol/.
import type { z } from 'zod';
import type { PresenceView } from '../../../../protocol/live-api.js';
import type { printerViewSchema, printJobListItemSchema } from '../../../../protocol/printer-api-views.js';

export type Presence = PresenceView;
export type Printer = z.infer<typeof printerViewSchema>;
export type PrintJob = z.infer<typeof printJobListItemSchema>;
export interface PairResult {
  deviceId: string;
  token: string;
  seq: number;
}
