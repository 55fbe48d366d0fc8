// What a decision produces: the events to append and the data the caller gets back.
import type { DomainEvent } from '../../protocol/events/event.js';
import { ok, type Result } from './result.js';

export interface Decision {
  readonly events: DomainEvent[];
  readonly data: Record<string, unknown>;
}

export const decided = (events: DomainEvent[], data: Record<string, unknown> = {}): Result<Decision> =>
  ok({ events, data });

/** Builds one event with its data checked against its type at compile time. */
export function ev<T extends DomainEvent['type']>(
  type: T,
  data: Extract<DomainEvent, { type: T }>['data'],
): DomainEvent {
  return { type, data } as DomainEvent;
}
