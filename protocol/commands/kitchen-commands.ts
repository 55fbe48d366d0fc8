// Kitchen display commands: start, bump (READY) a ticket or one item, recall.
import { z } from 'zod';
import { idSchema } from '../ids.js';
import { defineCommand } from './define-command.js';

export const startTicketSchema = defineCommand('StartTicket', z.strictObject({ ticketId: idSchema }));
export const bumpTicketSchema = defineCommand('BumpTicket', z.strictObject({ ticketId: idSchema }));
export const bumpItemSchema = defineCommand(
  'BumpItem',
  z.strictObject({ ticketId: idSchema, itemId: idSchema }),
);
export const recallTicketSchema = defineCommand('RecallTicket', z.strictObject({ ticketId: idSchema }));
