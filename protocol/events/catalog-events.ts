// Events of the branch, its settings and its menu.
import { z } from 'zod';
import {
  allergenSchema,
  branchSettingsSchema,
  courseSchema,
  localizedTextSchema,
  modifierGroupSchema,
} from '../domain-values.js';
import { defineEvent } from './define-event.js';

const id = z.string();

export const branchInitialized = defineEvent(
  'BranchInitialized',
  'branch',
  z.object({
    tenantId: id,
    tenantName: z.string(),
    branchId: id,
    branchName: z.string(),
    settings: branchSettingsSchema,
  }),
);
export const branchSettingsUpdated = defineEvent(
  'BranchSettingsUpdated',
  'branch',
  // branchId: the event log files every event under its aggregate's id (without it none could be appended).
  z.object({ branchId: id, settings: branchSettingsSchema }),
);
export const categoryUpserted = defineEvent(
  'CategoryUpserted',
  'category',
  z.object({
    categoryId: id,
    name: localizedTextSchema,
    position: z.number().int(),
    active: z.boolean(),
    catalogVersion: z.number().int(),
  }),
);
export const stationUpserted = defineEvent(
  'StationUpserted',
  'station',
  z.object({
    stationId: id,
    name: z.string(),
    position: z.number().int(),
    active: z.boolean(),
    catalogVersion: z.number().int(),
  }),
);
export const productUpserted = defineEvent(
  'ProductUpserted',
  'product',
  z.object({
    productId: id,
    categoryId: id,
    name: localizedTextSchema,
    description: z.object({ es: z.string(), en: z.string() }),
    priceCents: z.number().int(),
    station: z.string(),
    course: courseSchema,
    taxRateBp: z.number().int(),
    allergens: z.array(allergenSchema),
    modifierGroups: z.array(modifierGroupSchema),
    active: z.boolean(),
    catalogVersion: z.number().int(),
  }),
);
export const productAvailabilitySet = defineEvent(
  'ProductAvailabilitySet',
  'product',
  z.object({ productId: id, available: z.boolean(), stockCount: z.number().int().nullable() }),
);
export const branchPriceSet = defineEvent(
  'BranchPriceSet',
  'product',
  z.object({ productId: id, priceCents: z.number().int().nullable(), catalogVersion: z.number().int() }),
);
/** Stock ran down as a round was submitted (or came back when one was canceled); at zero it is an automatic 86. */
export const stockAdjusted = defineEvent(
  'StockAdjusted',
  'product',
  z.object({ productId: id, by: z.number().int(), stockCount: z.number().int(), available: z.boolean() }),
);
