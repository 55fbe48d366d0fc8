// Commands for staff, their sectors, branch settings and devices.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { branchSettingsSchema, deviceKindSchema, roleSchema, stationIdSchema } from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const createStaffSchema = defineCommand(
  'CreateStaff',
  z.object({
    staffId: idSchema.optional(),
    name: z.string().trim().min(1).max(60),
    role: roleSchema,
    pin: pinSchema,
  }),
);

export const updateStaffSchema = defineCommand(
  'UpdateStaff',
  z.object({
    staffId: idSchema,
    name: z.string().trim().min(1).max(60).optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
  }),
);

export const resetStaffPinSchema = defineCommand(
  'ResetStaffPin',
  z.object({ staffId: idSchema, pin: pinSchema }),
);

export const assignSectorsSchema = defineCommand(
  'AssignSectors',
  z.object({ staffId: idSchema, sectorIds: z.array(idSchema).max(50) }),
);

export const updateBranchSettingsSchema = defineCommand(
  'UpdateBranchSettings',
  z.object({ settings: branchSettingsSchema.partial() }),
);

export const registerDeviceSchema = defineCommand(
  'RegisterDevice',
  z.object({
    deviceId: idSchema.optional(),
    kind: deviceKindSchema,
    name: z.string().trim().min(1).max(60),
    station: stationIdSchema.nullable().default(null),
  }),
);
