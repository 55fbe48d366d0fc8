// Commands that change the menu: categories, products, stations, per-branch price and availability (86).
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { basisPointsSchema, centsSchema } from '../money.js';
import {
  allergenSchema,
  courseSchema,
  localizedTextSchema,
  modifierGroupSchema,
  stationIdSchema,
} from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const upsertCategorySchema = defineCommand(
  'UpsertCategory',
  z.strictObject({
    categoryId: idSchema.optional(),
    name: localizedTextSchema,
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  }),
);

export const upsertStationSchema = defineCommand(
  'UpsertStation',
  z.strictObject({
    stationId: stationIdSchema,
    name: z.string().trim().min(1).max(60),
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  }),
);

export const upsertProductSchema = defineCommand(
  'UpsertProduct',
  z.strictObject({
    productId: idSchema.optional(),
    categoryId: idSchema,
    name: localizedTextSchema,
    description: z
      .strictObject({ es: z.string().max(500), en: z.string().max(500) })
      .default({ es: '', en: '' }),
    priceCents: centsSchema,
    station: stationIdSchema,
    course: courseSchema,
    taxRateBp: basisPointsSchema.default(1000),
    allergens: z.array(allergenSchema).max(14).default([]),
    modifierGroups: z.array(modifierGroupSchema).max(10).default([]),
    active: z.boolean().default(true),
  }),
);

export const setProductAvailabilitySchema = defineCommand(
  'SetProductAvailability',
  z.strictObject({
    productId: idSchema,
    available: z.boolean(),
    /** A count that runs down as rounds are submitted; null clears it. */
    stockCount: z.number().int().min(0).max(100_000).nullable().optional(),
  }),
);

export const setBranchPriceSchema = defineCommand(
  'SetBranchPrice',
  z.strictObject({ productId: idSchema, priceCents: centsSchema.nullable() }),
);
