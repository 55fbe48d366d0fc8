// What a diner may do to the shared cart (the session's PENDING round). Diners at one table share it
// live, so every line says who added it: a diner's lines carry their own id, whatever the client
// sent, and a diner may change or remove only their own lines (staff may change any).
import type { ItemInput } from '../../protocol/commands/round-commands.js';
import { fail, ok, type Result } from './result.js';
import type { DecideContext, ItemView } from './views.js';

/** A line added by a diner is always theirs: the `dinerId` of the payload is not trusted. */
export function authoredBy(ctx: Pick<DecideContext, 'actor'>, item: ItemInput): ItemInput {
  return ctx.actor.kind === 'diner' ? { ...item, dinerId: ctx.actor.dinerId } : item;
}

/** Staff may edit any pending line; a diner only the lines they added. */
export function mayEditLine(ctx: Pick<DecideContext, 'actor'> | undefined, item: ItemView): Result<void> {
  if (ctx?.actor.kind !== 'diner' || item.dinerId === ctx.actor.dinerId) return ok(undefined);
  return fail('FORBIDDEN', 'this line was added by someone else at the table: ask them to change it');
}
