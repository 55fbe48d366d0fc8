// Identifier schemas. The hub makes entity ids (UUIDv7); clients make command ids.
import { z } from 'zod';

/** Any id a client may send: short, printable, no whitespace; UUIDs and ULIDs both fit. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "-" or "_"');

export const commandIdSchema = idSchema.describe('client-made id; also the idempotency key');
