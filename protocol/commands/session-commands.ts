// Commands on a table session (a seating): open, join, transfer, merge, check request, close, void.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { noteSchema } from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const openSessionSchema = defineCommand(
  'OpenSession',
  z.strictObject({ tableId: idSchema, guests: z.number().int().min(1).max(100) }),
);

export const joinSessionSchema = defineCommand(
  'JoinSession',
  z.strictObject({
    joinCode: z.string().regex(/^[A-Z0-9]{6}$/, 'must be 6 letters or digits'),
    name: z.string().trim().min(1).max(40).optional(),
    seat: z.number().int().min(1).max(100).optional(),
  }),
);

export const transferSessionSchema = defineCommand(
  'TransferSession',
  z.strictObject({ sessionId: idSchema, toTableId: idSchema }),
);

export const mergeSessionsSchema = defineCommand(
  'MergeSessions',
  z.strictObject({ fromSessionId: idSchema, intoSessionId: idSchema }),
);

export const updateGuestsSchema = defineCommand(
  'UpdateGuests',
  z.strictObject({ sessionId: idSchema, guests: z.number().int().min(1).max(100) }),
);

export const requestCheckSchema = defineCommand('RequestCheck', z.strictObject({ sessionId: idSchema }));

export const closeSessionSchema = defineCommand('CloseSession', z.strictObject({ sessionId: idSchema }));

export const voidSessionSchema = defineCommand(
  'VoidSession',
  z.strictObject({ sessionId: idSchema, reason: noteSchema.min(1) }),
);
