// The kitchen display's board in one read: open tickets, held courses waiting for a FireCourse, and the
// event sequence they are consistent with (so the screen resumes its live feed exactly there).
import { z } from 'zod';
import { kitchenTicketViewSchema, ticketItemBaseSchema } from './api-views.js';

export const kitchenBoardQuerySchema = z.object({
  station: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9_-]+$/)
    .optional(),
});

/** Items of one round held back for one station and course: cooks see what is coming next. */
export const kitchenHeldGroupSchema = z.object({
  roundId: z.string(),
  sessionId: z.string(),
  station: z.string(),
  course: z.string(),
  tableLabel: z.string(),
  roundNumber: z.number().int(),
  waiterName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  items: z.array(ticketItemBaseSchema),
});

export const kitchenBoardViewSchema = z.object({
  /** The last event sequence included: subscribe to the live feed with `afterSeq` = this. */
  lastSeq: z.number().int(),
  /** The station this board is for (a paired screen always gets its own); null for expo (all). */
  station: z.string().nullable(),
  /** Active stations with their names (a paired screen cannot read the menu). */
  stations: z.array(z.object({ id: z.string(), name: z.string() })),
  tickets: z.array(kitchenTicketViewSchema),
  held: z.array(kitchenHeldGroupSchema),
});

export type KitchenBoardView = z.infer<typeof kitchenBoardViewSchema>;
export type KitchenHeldGroup = z.infer<typeof kitchenHeldGroupSchema>;
