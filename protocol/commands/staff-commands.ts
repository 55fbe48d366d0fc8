// Commands for staff, their sectors, branch settings and devices.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import {
  branchSettingsSchema,
  deviceKindSchema,
  roleSchema,
  stationIdSchema,
  type BranchSettings,
} from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const createStaffSchema = defineCommand(
  'CreateStaff',
  z.strictObject({
    staffId: idSchema.optional(),
    name: z.string().trim().min(1).max(60),
    role: roleSchema,
    pin: pinSchema,
  }),
);

export const updateStaffSchema = defineCommand(
  'UpdateStaff',
  z.strictObject({
    staffId: idSchema,
    name: z.string().trim().min(1).max(60).optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
  }),
);

export const resetStaffPinSchema = defineCommand(
  'ResetStaffPin',
  z.strictObject({ staffId: idSchema, pin: pinSchema }),
);

export const assignSectorsSchema = defineCommand(
  'AssignSectors',
  z.strictObject({ staffId: idSchema, sectorIds: z.array(idSchema).max(50) }),
);

/**
 * Only the settings named change. `.partial()` alone would keep each field's default, so a patch of
 * one setting would silently reset every other one to its default: the defaults are stripped here.
 */
const settingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(branchSettingsSchema.shape).map(([key, field]) => [
        key,
        (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
      ]),
    ),
  )
  .strict()
  // Checked on the command, not on stored settings: an older hub's stored zone must still load. The cloud
  // cuts owners' business days with it, so a name Intl does not know would skew every report.
  .refine((p) => p.timeZone === undefined || isTimeZone(p.timeZone), {
    message: 'not a time zone this system knows (an IANA name such as Europe/Madrid)',
    path: ['timeZone'],
  }) as unknown as z.ZodType<Partial<BranchSettings>>;

function isTimeZone(name: unknown): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(name) });
    return true;
  } catch {
    return false;
  }
}

export const updateBranchSettingsSchema = defineCommand(
  'UpdateBranchSettings',
  z.strictObject({ settings: settingsPatchSchema }),
);

export const registerDeviceSchema = defineCommand(
  'RegisterDevice',
  z.strictObject({
    deviceId: idSchema.optional(),
    kind: deviceKindSchema,
    name: z.string().trim().min(1).max(60),
    station: stationIdSchema.nullable().default(null),
  }),
);
