// Line-level order commands: two people editing one table add and change lines, never overwrite a list.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { courseSchema, noteSchema } from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const modifierChoiceSchema = z.strictObject({ groupId: idSchema, optionId: idSchema });

export const itemInputSchema = z.strictObject({
  productId: idSchema,
  qty: z.number().int().min(1).max(99),
  modifiers: z.array(modifierChoiceSchema).max(30).default([]),
  notes: noteSchema.default(''),
  dinerId: idSchema.nullable().default(null),
  seat: z.number().int().min(1).max(100).nullable().default(null),
  /** Overrides the product's default course. */
  course: courseSchema.optional(),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

export const addItemSchema = defineCommand(
  'AddItem',
  z.strictObject({ sessionId: idSchema, item: itemInputSchema }),
);

export const updateItemSchema = defineCommand(
  'UpdateItem',
  z.strictObject({
    itemId: idSchema,
    qty: z.number().int().min(1).max(99).optional(),
    notes: noteSchema.optional(),
    modifiers: z.array(modifierChoiceSchema).max(30).optional(),
    seat: z.number().int().min(1).max(100).nullable().optional(),
  }),
);

export const removeItemSchema = defineCommand('RemoveItem', z.strictObject({ itemId: idSchema }));

export const submitRoundSchema = defineCommand(
  'SubmitRound',
  z.strictObject({
    roundId: idSchema,
    /** Courses to hold back until a FireCourse. */
    holdCourses: z.array(courseSchema).max(4).default([]),
  }),
);

/** A whole round in one command, as a tablet that builds its cart locally sends it. */
export const placeRoundSchema = defineCommand(
  'PlaceRound',
  z.strictObject({
    sessionId: idSchema,
    items: z.array(itemInputSchema).min(1).max(100),
    holdCourses: z.array(courseSchema).max(4).default([]),
  }),
);

export const confirmRoundSchema = defineCommand('ConfirmRound', z.strictObject({ roundId: idSchema }));

export const cancelRoundSchema = defineCommand(
  'CancelRound',
  z.strictObject({ roundId: idSchema, reason: noteSchema.default('') }),
);

export const fireCourseSchema = defineCommand(
  'FireCourse',
  z.strictObject({ sessionId: idSchema, course: courseSchema }),
);

export const markServedSchema = defineCommand(
  'MarkServed',
  z.strictObject({ roundId: idSchema, itemIds: z.array(idSchema).max(200).optional() }),
);

export const voidItemSchema = defineCommand(
  'VoidItem',
  z.strictObject({ itemId: idSchema, reason: noteSchema.min(1) }),
);
