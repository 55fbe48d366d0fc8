// `expectedVersion` on a command: optimistic concurrency for clients that ask for it.
import type Database from 'better-sqlite3';
import type { DomainEvent } from '../../protocol/events/event.js';
import { aggregateVersion, commandTarget } from '../store/event-log.js';
import type { DomainError } from '../domain/result.js';

/**
 * Optimistic concurrency for clients that ask for it: the command runs only if the aggregate it names
 * is still at the version the client saw (an event envelope's `aggregateSeq`, or a session's `version`);
 * otherwise the CONFLICT to answer.
 */
export function checkExpectedVersion(
  db: Database.Database,
  payload: unknown,
  expected: number,
  firstEvent: DomainEvent | undefined,
): DomainError | undefined {
  const target = commandTarget(payload, firstEvent);
  if (!target) return undefined;
  const actual = aggregateVersion(db, target.aggregateType, target.aggregateId);
  if (actual === expected) return undefined;
  return {
    code: 'CONFLICT',
    message: `the ${target.aggregateType} changed since you read it (version ${actual}, you expected ${expected}): reload and try again`,
    details: { ...target, expectedVersion: expected, actualVersion: actual },
  };
}
