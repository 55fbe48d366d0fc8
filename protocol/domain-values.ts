// Value types shared by commands, events and read models: roles, courses, allergens, statuses.
import { z } from 'zod';
import { ALLERGENS, COURSES } from './menu-values.js';

export const ROLES = ['ADMIN', 'MANAGER', 'WAITER', 'KITCHEN'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export { ALLERGENS, COURSES } from './menu-values.js';
export const courseSchema = z.enum(COURSES);
export type Course = z.infer<typeof courseSchema>;

export const allergenSchema = z.enum(ALLERGENS);
export type Allergen = z.infer<typeof allergenSchema>;

export const localizedTextSchema = z.object({
  es: z.string().trim().min(1).max(120),
  en: z.string().trim().min(1).max(120),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Free text typed by staff or diners (notes, reasons). Control characters are refused at the edge. */
export const noteSchema = z
  .string()
  .max(280)
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const stationIdSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9_-]+$/, 'must be lower-case letters, digits, "-" or "_"');

export const SESSION_STATUSES = ['OPEN', 'CHECK_REQUESTED', 'PAYING', 'CLOSED', 'VOIDED', 'MERGED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ROUND_STATUSES = ['PENDING', 'SUBMITTED', 'IN_KITCHEN', 'READY', 'SERVED', 'CANCELED'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ITEM_STATUSES = ['PENDING', 'HELD', 'FIRED', 'READY', 'SERVED', 'VOIDED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const TICKET_STATUSES = ['NEW', 'STARTED', 'READY', 'VOID'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const SERVICE_CALL_KINDS = ['CALL_WAITER', 'REQUEST_CHECK', 'OTHER'] as const;
export const serviceCallKindSchema = z.enum(SERVICE_CALL_KINDS);
export type ServiceCallKind = z.infer<typeof serviceCallKindSchema>;

export const SERVICE_CALL_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type ServiceCallStatus = (typeof SERVICE_CALL_STATUSES)[number];

export const PAYMENT_METHODS = ['CASH', 'CARD', 'OTHER'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const DEVICE_KINDS = ['TABLET', 'KDS', 'PRINTER', 'ADMIN'] as const;
export const deviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const TABLE_STATES = ['FREE', 'SEATED', 'ORDERED', 'FOOD_READY', 'CHECK_REQUESTED', 'PAYING'] as const;
export type TableState = (typeof TABLE_STATES)[number];

export const modifierOptionSchema = z.object({
  id: z.string().min(1).max(64),
  name: localizedTextSchema,
  priceDeltaCents: z.number().int().min(0).max(1_000_000),
});
export const modifierGroupSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: localizedTextSchema,
    min: z.number().int().min(0).max(20),
    max: z.number().int().min(1).max(20),
    options: z.array(modifierOptionSchema).min(1).max(30),
  })
  .refine((g) => g.min <= g.max, { message: 'min must not exceed max' })
  .refine((g) => g.min <= g.options.length, { message: 'min must not exceed the number of options' });
export type ModifierGroup = z.infer<typeof modifierGroupSchema>;

/** A chosen modifier as stored on an item: a snapshot, so later menu edits don't change old orders. */
export const chosenModifierSchema = z.object({
  groupId: z.string(),
  optionId: z.string(),
  name: z.string(),
  priceDeltaCents: z.number().int().min(0),
});
export type ChosenModifier = z.infer<typeof chosenModifierSchema>;

export const branchSettingsSchema = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  locale: z.enum(['es', 'en']).default('es'),
  timeZone: z.string().min(1).max(64).default('Europe/Madrid'),
  /** A round submitted by a diner waits in SUBMITTED for a waiter's ConfirmRound. */
  dinerRoundsNeedConfirmation: z.boolean().default(true),
  serviceChargeBp: z.number().int().min(0).max(5000).default(0),
  serviceChargeMinGuests: z.number().int().min(1).max(100).nullable().default(null),
  /** Seconds before an unacknowledged service call goes to every waiter. */
  serviceCallEscalationSeconds: z.number().int().min(10).max(3600).default(120),
  /** Hour (local) at which the business day changes, for daily ticket numbers. */
  businessDayStartsAtHour: z.number().int().min(0).max(23).default(5),
});
export type BranchSettings = z.infer<typeof branchSettingsSchema>;
