// Commands that shape the floor: sectors and tables (with their QR join codes).
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { defineCommand } from './define-command.js';

export const upsertSectorSchema = defineCommand(
  'UpsertSector',
  z.strictObject({
    sectorId: idSchema.optional(),
    name: z.string().trim().min(1).max(60),
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  }),
);

export const upsertTableSchema = defineCommand(
  'UpsertTable',
  z.strictObject({
    tableId: idSchema.optional(),
    sectorId: idSchema,
    label: z.string().trim().min(1).max(20),
    seats: z.number().int().min(1).max(50),
    active: z.boolean().default(true),
  }),
);

export const rotateJoinCodeSchema = defineCommand('RotateJoinCode', z.strictObject({ tableId: idSchema }));
