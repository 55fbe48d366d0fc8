// Service calls: a diner or waiter raises one; waiters acknowledge and resolve; the hub escalates.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { noteSchema, serviceCallKindSchema } from '../domain-values.js';
import { defineCommand } from './define-command.js';

export const createServiceCallSchema = defineCommand(
  'CreateServiceCall',
  z.strictObject({ sessionId: idSchema, kind: serviceCallKindSchema, note: noteSchema.default('') }),
);
export const acknowledgeServiceCallSchema = defineCommand(
  'AcknowledgeServiceCall',
  z.strictObject({ callId: idSchema }),
);
export const resolveServiceCallSchema = defineCommand(
  'ResolveServiceCall',
  z.strictObject({ callId: idSchema }),
);
export const escalateServiceCallSchema = defineCommand(
  'EscalateServiceCall',
  z.strictObject({ callId: idSchema }),
);
