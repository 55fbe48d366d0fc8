// Builds a command envelope schema: { commandId, type, payload, expectedVersion? }. Strict all the way down
// (the payload files use z.strictObject): a field the hub does not know is refused, never dropped, so a
// client that believes it set a price or a flag learns that it did not.
import { z } from 'zod';
import { commandIdSchema } from '../ids.js';

export function defineCommand<T extends string, P extends z.ZodObject>(type: T, payload: P) {
  return z
    .object({
      commandId: commandIdSchema,
      type: z.literal(type),
      payload,
      /** Optimistic check on the target aggregate's version, for clients that want it. */
      expectedVersion: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe(
          'Run only if the aggregate the payload names (its sessionId, roundId, ticketId… in that order) is ' +
            "still at this version (a session's `version`, an event's `aggregateSeq`); otherwise 409 CONFLICT.",
        ),
    })
    .strict();
}
