// What the random command sequences hand to the hub and keep afterwards: a command, the plan around it
// (who sends it and whether it must be refused), and the record of one that ran, which later resends
// and reused ids are checked against.
import type { CommandResult } from '../../protocol/commands/command.js';
import type { Actor } from '../../protocol/events/event.js';

export interface Command {
  commandId: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface Executed {
  actor: Actor;
  command: Command;
  result: CommandResult;
  /** Events this command id wrote. */
  events: number;
}

export interface Planned {
  actor: Actor;
  command: Command;
  /** Why the permission table alone forbids this, or null. */
  mustFail: string | null;
  /** The refusal rests on the table's sector, which a transfer earlier in the same batch may change. */
  bySector?: boolean;
  /** Set when this is a resend of an earlier command: it must answer exactly as before. */
  resendOf?: Executed;
  /** Set when this reuses an earlier command id for another command: it must be refused. */
  reuseOf?: Executed;
  /** Set on the copy of a batch's first command sent again in the same batch. */
  twinOf?: boolean;
}
