// Every command the hub accepts, as one discriminated union on `type`.
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import * as catalog from './catalog-commands.js';
import * as floor from './floor-commands.js';
import * as staff from './staff-commands.js';
import * as session from './session-commands.js';
import * as round from './round-commands.js';
import * as kitchen from './kitchen-commands.js';
import * as calls from './service-call-commands.js';
import * as check from './check-commands.js';
import * as printer from './printer-commands.js';

export const commandSchemas = [
  catalog.upsertCategorySchema,
  catalog.upsertStationSchema,
  catalog.upsertProductSchema,
  catalog.setProductAvailabilitySchema,
  catalog.setBranchPriceSchema,
  floor.upsertSectorSchema,
  floor.upsertTableSchema,
  floor.rotateJoinCodeSchema,
  staff.createStaffSchema,
  staff.updateStaffSchema,
  staff.resetStaffPinSchema,
  staff.assignSectorsSchema,
  staff.updateBranchSettingsSchema,
  staff.registerDeviceSchema,
  session.openSessionSchema,
  session.joinSessionSchema,
  session.transferSessionSchema,
  session.mergeSessionsSchema,
  session.updateGuestsSchema,
  session.requestCheckSchema,
  session.closeSessionSchema,
  session.voidSessionSchema,
  round.addItemSchema,
  round.updateItemSchema,
  round.removeItemSchema,
  round.submitRoundSchema,
  round.placeRoundSchema,
  round.confirmRoundSchema,
  round.cancelRoundSchema,
  round.fireCourseSchema,
  round.markServedSchema,
  round.voidItemSchema,
  kitchen.startTicketSchema,
  kitchen.bumpTicketSchema,
  kitchen.bumpItemSchema,
  kitchen.recallTicketSchema,
  calls.createServiceCallSchema,
  calls.acknowledgeServiceCallSchema,
  calls.resolveServiceCallSchema,
  calls.escalateServiceCallSchema,
  check.applyDiscountSchema,
  check.removeDiscountSchema,
  check.splitCheckSchema,
  check.recordPaymentSchema,
  check.refundPaymentSchema,
  printer.upsertPrinterSchema,
  printer.removePrinterSchema,
  printer.confirmPrintJobSchema,
  printer.reprintTicketSchema,
  printer.printPreBillSchema,
  printer.printReceiptSchema,
  printer.recordPrintOutcomeSchema,
  printer.recordPrinterStatusSchema,
] as const;

export const commandSchema = z.discriminatedUnion('type', commandSchemas);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type PayloadOf<T extends CommandType> = CommandOf<T>['payload'];

export const COMMAND_TYPES = commandSchemas.map((s) => s.shape.type.value) as CommandType[];

/** The schema of one command type, for routes that take just that command. */
export function schemaOf<T extends CommandType>(type: T): (typeof commandSchemas)[number] {
  const found = commandSchemas.find((s) => s.shape.type.value === type);
  if (!found) throw new Error(`unknown command type ${type}`);
  return found;
}

export const commandResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.record(z.string(), z.unknown()), seq: z.number().int() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type CommandResult =
  | { ok: true; data: Record<string, unknown>; seq: number }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };
