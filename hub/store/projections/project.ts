// Applies an event to the read tables through the one projector for its type.
import type Database from 'better-sqlite3';
import type { EventEnvelope, EventType } from '../../../protocol/events/event.js';
import { catalogProjectors } from './catalog-projection.js';
import { sessionProjectors } from './session-projection.js';
import { roundProjectors } from './round-projection.js';
import { printerProjectors } from './printer-projection.js';
import type { ProjectorMap } from './projector-types.js';
import { forgetAfterEvent } from '../write-cache.js';

// Typed as the full map: adding an event type without a projector fails to compile.
const projectors: ProjectorMap<EventType> = {
  ...catalogProjectors,
  ...sessionProjectors,
  ...roundProjectors,
  ...printerProjectors,
};

export function project(db: Database.Database, event: EventEnvelope): void {
  (projectors[event.type] as (db: Database.Database, e: EventEnvelope) => void)(db, event);
  // The writer's in-memory copies of branch, staff, products and the floor follow every change.
  forgetAfterEvent(db, event);
}

/** Tables that are pure projections of the event log; a rebuild empties and refills exactly these. */
export const READ_TABLES = [
  'printer',
  'payment',
  'service_call',
  'kitchen_ticket',
  'round_item',
  'round',
  'discount',
  'diner',
  'table_session',
  'device',
  'waiter_assignment',
  'staff',
  'dining_table',
  'sector',
  'branch_product',
  'product',
  'category',
  'station',
  'branch',
  'tenant',
] as const;
