// What a diner may do to the shared cart (the session's PENDING round). Diners at one table share it
// live, so every line says who added it: a diner's lines carry their own id, whatever the client
// sent, and a diner may change or remove only their own lines (staff may change any).
import type { ItemInput } from '../../protocol/commands/round-commands.js';
import { fail, ok, type Result } from './result.js';
import type { DecideContext, ItemView, SessionView } from './views.js';

/** A line added by a diner is always theirs: the `dinerId` of the payload is not trusted. */
export function authoredBy(ctx: Pick<DecideContext, 'actor'>, item: ItemInput): ItemInput {
  return ctx.actor.kind === 'diner' ? { ...item, dinerId: ctx.actor.dinerId } : item;
}

/** Staff may edit any pending line; a diner only the lines they added. */
export function mayEditLine(ctx: Pick<DecideContext, 'actor'> | undefined, item: ItemView): Result<void> {
  if (ctx?.actor.kind !== 'diner' || item.dinerId === ctx.actor.dinerId) return ok(undefined);
  return fail('FORBIDDEN', 'this line was added by someone else at the table: ask them to change it');
}

/**
 * A line's diner must sit at this table and its seat must be one of the table's: a made-up diner or seat
 * would otherwise become a share of its own when the check is split by diner or by seat. Seats run from
 * 1 to the larger of the guest count and the highest seat a diner took. `dinersHere` holds the ids of
 * the session's diners; it is needed only when staff name a diner on some line.
 */
export function checkLineTargets(
  session: SessionView,
  lines: ReadonlyArray<{ dinerId?: string | null; seat?: number | null }>,
  ctx: Pick<DecideContext, 'actor'>,
  dinersHere: ReadonlySet<string> | undefined,
): Result<void> {
  const seats = Math.max(session.guests, session.maxSeat);
  for (const line of lines) {
    if (line.seat != null && line.seat > seats) {
      return fail(
        'INVALID',
        `seat ${line.seat} is not at this table: it has ${seats} seat(s); change the guest count first`,
        {
          seat: line.seat,
          seats,
        },
      );
    }
    // A diner's lines are always their own (`authoredBy`), whatever id they sent.
    if (ctx.actor.kind !== 'diner' && line.dinerId != null && !dinersHere?.has(line.dinerId)) {
      return fail('NOT_FOUND', `diner ${line.dinerId} has not joined this table`, { dinerId: line.dinerId });
    }
  }
  return ok(undefined);
}

/** Whether staff named a diner on some line (only then are the table's diners read). */
export function namesOtherDiners(
  lines: ReadonlyArray<{ dinerId?: string | null }>,
  ctx: Pick<DecideContext, 'actor'>,
): boolean {
  return ctx.actor.kind !== 'diner' && lines.some((l) => l.dinerId != null);
}
