// Events of rounds and their line items, kitchen tickets and service calls.
import { z } from 'zod';
import {
  allergenSchema,
  chosenModifierSchema,
  courseSchema,
  localizedTextSchema,
  serviceCallKindSchema,
} from '../domain-values.js';
import { defineEvent } from './define-event.js';

const id = z.string();
const ids = z.array(id);

export const roundItemSchema = z.object({
  itemId: id,
  productId: id,
  name: localizedTextSchema,
  unitPriceCents: z.number().int().min(0),
  qty: z.number().int().min(1),
  modifiers: z.array(chosenModifierSchema),
  notes: z.string(),
  dinerId: id.nullable(),
  seat: z.number().int().nullable(),
  course: courseSchema,
  station: z.string(),
  taxRateBp: z.number().int(),
  allergens: z.array(allergenSchema),
  addedBy: id.nullable(),
});
export type RoundItemData = z.infer<typeof roundItemSchema>;

export const roundCreated = defineEvent(
  'RoundCreated',
  'round',
  z.object({
    roundId: id,
    sessionId: id,
    number: z.number().int().min(1),
    source: z.enum(['STAFF', 'DINER']),
    createdBy: id.nullable(),
  }),
);
/**
 * A whole round in one fact, as a tablet sends it: created, filled and submitted at once. The same
 * story as RoundCreated + ItemAdded… + RoundSubmitted (+ RoundSentToKitchen), told in one event so a
 * dinner rush writes a third of the rows.
 */
export const roundPlaced = defineEvent(
  'RoundPlaced',
  'round',
  z.object({
    roundId: id,
    sessionId: id,
    number: z.number().int().min(1),
    source: z.enum(['STAFF', 'DINER']),
    createdBy: id.nullable(),
    items: z.array(roundItemSchema),
    /** True when a diner's round waits for a waiter's ConfirmRound; then nothing is fired or held yet. */
    needsConfirmation: z.boolean(),
    firedItemIds: ids,
    heldItemIds: ids,
  }),
);
export const itemAdded = defineEvent('ItemAdded', 'round', z.object({ roundId: id, item: roundItemSchema }));
export const itemUpdated = defineEvent(
  'ItemUpdated',
  'round',
  z.object({
    roundId: id,
    itemId: id,
    qty: z.number().int(),
    notes: z.string(),
    modifiers: z.array(chosenModifierSchema),
    seat: z.number().int().nullable(),
  }),
);
export const itemRemoved = defineEvent('ItemRemoved', 'round', z.object({ roundId: id, itemId: id }));
export const roundSubmitted = defineEvent(
  'RoundSubmitted',
  'round',
  z.object({ roundId: id, submittedBy: id.nullable(), needsConfirmation: z.boolean() }),
);
/** The round goes to the kitchen: fired items get tickets now, held ones wait for FireCourse. */
export const roundSentToKitchen = defineEvent(
  'RoundSentToKitchen',
  'round',
  z.object({ roundId: id, firedItemIds: ids, heldItemIds: ids }),
);
export const itemsFired = defineEvent('ItemsFired', 'round', z.object({ roundId: id, itemIds: ids }));
export const itemsReady = defineEvent('ItemsReady', 'round', z.object({ roundId: id, itemIds: ids }));
export const itemsUnready = defineEvent('ItemsUnready', 'round', z.object({ roundId: id, itemIds: ids }));
export const roundReady = defineEvent('RoundReady', 'round', z.object({ roundId: id }));
export const roundReopened = defineEvent('RoundReopened', 'round', z.object({ roundId: id }));
export const itemsServed = defineEvent('ItemsServed', 'round', z.object({ roundId: id, itemIds: ids }));
export const roundServed = defineEvent('RoundServed', 'round', z.object({ roundId: id }));
export const itemVoided = defineEvent(
  'ItemVoided',
  'round',
  z.object({ roundId: id, itemId: id, reason: z.string() }),
);
export const roundCanceled = defineEvent(
  'RoundCanceled',
  'round',
  z.object({ roundId: id, reason: z.string() }),
);
export const roundMoved = defineEvent(
  'RoundMoved',
  'round',
  z.object({ roundId: id, fromSessionId: id, toSessionId: id }),
);

export const ticketCreated = defineEvent(
  'TicketCreated',
  'ticket',
  z.object({
    ticketId: id,
    roundId: id,
    sessionId: id,
    tableId: id,
    station: z.string(),
    course: courseSchema,
    dailyNumber: z.number().int().min(1),
    businessDay: z.string(),
    itemIds: ids,
  }),
);
export const ticketStarted = defineEvent('TicketStarted', 'ticket', z.object({ ticketId: id }));
export const ticketItemBumped = defineEvent(
  'TicketItemBumped',
  'ticket',
  z.object({ ticketId: id, itemId: id }),
);
export const ticketBumped = defineEvent('TicketBumped', 'ticket', z.object({ ticketId: id }));
export const ticketRecalled = defineEvent('TicketRecalled', 'ticket', z.object({ ticketId: id }));
export const ticketVoided = defineEvent(
  'TicketVoided',
  'ticket',
  z.object({ ticketId: id, reason: z.string() }),
);

export const serviceCallCreated = defineEvent(
  'ServiceCallCreated',
  'serviceCall',
  z.object({
    callId: id,
    sessionId: id,
    tableId: id,
    kind: serviceCallKindSchema,
    note: z.string(),
  }),
);
export const serviceCallAcknowledged = defineEvent(
  'ServiceCallAcknowledged',
  'serviceCall',
  z.object({ callId: id }),
);
export const serviceCallResolved = defineEvent(
  'ServiceCallResolved',
  'serviceCall',
  z.object({ callId: id }),
);
export const serviceCallEscalated = defineEvent(
  'ServiceCallEscalated',
  'serviceCall',
  z.object({ callId: id }),
);
