// Commands that come from a newer peer (the cloud's catalog feed) may carry fields this hub's schemas do
// not know yet. Tablets get a 400 for an unknown field (they are this hub's own apps, a typo is a bug);
// a catalog change is applied with the fields the hub knows, and the rest is named so it can be logged:
// refusing it would skip the change for good (the feed's cursor moves past a refused change).
import type { z } from 'zod';
import { commandSchema, type Command } from './command.js';

export type NewerPeerParse =
  { success: true; data: Command; ignored: string[] } | { success: false; error: z.ZodError };

export function parseCommandFromNewerPeer(value: unknown): NewerPeerParse {
  let current: unknown = value;
  const ignored: string[] = [];
  // Each pass drops the unknown keys zod reported; nested objects may need a few.
  for (let pass = 0; pass < 8; pass++) {
    const parsed = commandSchema.safeParse(current);
    if (parsed.success) return { success: true, data: parsed.data, ignored };
    const unknown = parsed.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknown.length === 0 || unknown.length !== parsed.error.issues.length)
      return { success: false, error: parsed.error };
    current = structuredClone(current);
    for (const issue of unknown) {
      let at = current as Record<string | number, unknown>;
      for (const key of issue.path) at = at[key as string] as Record<string | number, unknown>;
      for (const key of (issue as { keys: string[] }).keys) {
        delete at[key];
        ignored.push([...issue.path, key].join('.'));
      }
    }
  }
  return { success: false, error: commandSchema.safeParse(current).error! };
}
