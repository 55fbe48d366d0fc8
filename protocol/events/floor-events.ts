// Events of the floor, staff and devices.
import { z } from 'zod';
import { deviceKindSchema, roleSchema } from '../domain-values.js';
import { defineEvent } from './define-event.js';

const id = z.string();

export const sectorUpserted = defineEvent(
  'SectorUpserted',
  'sector',
  z.object({ sectorId: id, name: z.string(), position: z.number().int(), active: z.boolean() }),
);
export const tableUpserted = defineEvent(
  'TableUpserted',
  'table',
  z.object({
    tableId: id,
    sectorId: id,
    label: z.string(),
    seats: z.number().int(),
    active: z.boolean(),
    joinCode: z.string(),
  }),
);
export const joinCodeRotated = defineEvent(
  'JoinCodeRotated',
  'table',
  z.object({ tableId: id, joinCode: z.string() }),
);
export const staffCreated = defineEvent(
  'StaffCreated',
  'staff',
  z.object({ staffId: id, name: z.string(), role: roleSchema, pinHash: z.string() }),
);
export const staffUpdated = defineEvent(
  'StaffUpdated',
  'staff',
  z.object({ staffId: id, name: z.string(), role: roleSchema, active: z.boolean() }),
);
export const staffPinReset = defineEvent(
  'StaffPinReset',
  'staff',
  z.object({ staffId: id, pinHash: z.string() }),
);
export const sectorsAssigned = defineEvent(
  'SectorsAssigned',
  'staff',
  z.object({ staffId: id, sectorIds: z.array(id) }),
);
export const deviceRegistered = defineEvent(
  'DeviceRegistered',
  'device',
  z.object({ deviceId: id, kind: deviceKindSchema, name: z.string(), station: z.string().nullable() }),
);
