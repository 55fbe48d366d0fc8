// The shape of a command handler: load the slice of state, check permission, decide.
import type Database from 'better-sqlite3';
import type { CommandType, PayloadOf } from '../../../protocol/commands/command.js';
import type { Decision } from '../../domain/decision.js';
import { authorize, type PermissionScope } from '../../domain/permissions.js';
import type { Result } from '../../domain/result.js';
import type { DecideContext } from '../../domain/views.js';
import type { BranchRow } from '../../store/queries/view-loaders.js';

export interface HandlerEnv {
  /** The writer's connection, inside the command's savepoint. */
  readonly db: Database.Database;
  readonly ctx: DecideContext;
  readonly branch: BranchRow;
  /** Sectors of the acting waiter, read fresh for every command. */
  readonly actorSectorIds: readonly string[];
  /** The kind of the acting paired device (KDS…); null when a person acts. */
  readonly actorDeviceKind: string | null;
  /** Values computed before the transaction (slow or async work such as PIN hashing). */
  readonly prepared: { pinHash?: string };
}

export type Handler<T extends CommandType> = (env: HandlerEnv, payload: PayloadOf<T>) => Result<Decision>;
export type HandlerMap<K extends CommandType> = { [T in K]: Handler<T> };

export function allowed(
  env: HandlerEnv,
  type: CommandType,
  scope: Omit<PermissionScope, 'actorSectorIds' | 'deviceKind'> = {},
) {
  return authorize(env.ctx.actor, type, {
    ...scope,
    actorSectorIds: env.actorSectorIds,
    deviceKind: env.actorDeviceKind,
  });
}
