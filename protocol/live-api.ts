// HTTP shapes that belong to the live LAN: a diner joining a table by its code, pairing a kitchen
// screen, and who is connected right now.
import { z } from 'zod';
import { commandIdSchema, idSchema } from './ids.js';
import { deviceKindSchema, stationIdSchema } from './domain-values.js';

export const dinerJoinRequestSchema = z
  .object({
    commandId: commandIdSchema,
    joinCode: z.string().regex(/^[A-Z0-9]{6}$/, 'must be 6 letters or digits'),
    name: z.string().trim().min(1).max(40).optional(),
    seat: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const dinerJoinResponseSchema = z.object({
  sessionId: z.string(),
  dinerId: z.string(),
  tableId: z.string(),
  seat: z.number().int(),
  /** Bearer token for /ws (and `?token=`): only this session, dead once it closes. */
  token: z.string(),
  seq: z.number().int(),
});

export const pairDeviceRequestSchema = z
  .object({
    commandId: commandIdSchema,
    deviceId: idSchema.optional(),
    kind: deviceKindSchema,
    name: z.string().trim().min(1).max(60),
    station: stationIdSchema.nullable().optional(),
  })
  .strict();

export const pairDeviceResponseSchema = z.object({
  deviceId: z.string(),
  /** Shown once; only its hash is kept. Pairing the device again replaces it. */
  token: z.string(),
  seq: z.number().int(),
});

export const presenceViewSchema = z.object({
  connections: z.object({ staff: z.number().int(), diner: z.number().int(), device: z.number().int() }),
  devices: z.array(
    z.object({
      deviceId: z.string(),
      kind: z.string(),
      name: z.string(),
      station: z.string().nullable(),
      online: z.boolean(),
      connections: z.number().int(),
      lastSeenAt: z.string().nullable(),
    }),
  ),
  stations: z.array(z.object({ stationId: z.string(), name: z.string(), screensOnline: z.number().int() })),
  /** Active stations that no screen follows right now: raise an alert. */
  stationsWithoutScreen: z.array(z.string()),
});
export type PresenceView = z.infer<typeof presenceViewSchema>;
