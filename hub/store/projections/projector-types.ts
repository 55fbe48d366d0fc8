// The shape of a projector: it applies one event to the read tables, using only the event itself.
import type Database from 'better-sqlite3';
import type { EventEnvelope, EventOf, EventType } from '../../../protocol/events/event.js';

export type Projector<T extends EventType> = (
  db: Database.Database,
  event: EventOf<T> & EventEnvelope,
) => void;
export type ProjectorMap<K extends EventType> = { [T in K]: Projector<T> };

/** Who did it, as a staff id (null for diners, devices and the system). */
export function staffIdOf(event: EventEnvelope): string | null {
  return event.actor.kind === 'staff' ? event.actor.staffId : null;
}
