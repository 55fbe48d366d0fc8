// Every event the hub writes, the envelope around it, and the actor who caused it.
import { z } from 'zod';
import { roleSchema } from '../domain-values.js';
import * as catalog from './catalog-events.js';
import * as floor from './floor-events.js';
import * as session from './session-events.js';
import * as round from './round-events.js';
import * as printer from './printer-events.js';
import { AGGREGATE_TYPES, type AggregateType } from './define-event.js';

export const eventDefs = [
  ...Object.values(catalog),
  ...Object.values(floor),
  ...Object.values(session).filter((d) => 'aggregateType' in d),
  ...Object.values(round).filter((d) => 'aggregateType' in d),
  ...Object.values(printer),
] as const;

type Defs = typeof catalog | typeof floor | typeof session | typeof round | typeof printer;
type DefsOf<M> = { [K in keyof M]: M[K] extends { type: string; schema: z.ZodType } ? M[K] : never }[keyof M];
type EventDef =
  | DefsOf<typeof catalog>
  | DefsOf<typeof floor>
  | DefsOf<typeof session>
  | DefsOf<typeof round>
  | DefsOf<typeof printer>;

/** `{ type, data }` for every event, discriminated on type. */
export type DomainEvent = z.infer<EventDef['schema']>;
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type DataOf<T extends EventType> = EventOf<T>['data'];
export type { Defs as EventModules };

const defs = eventDefs as unknown as readonly EventDef[];
export const domainEventSchema = z.discriminatedUnion(
  'type',
  defs.map((d) => d.schema) as unknown as [EventDef['schema'], ...EventDef['schema'][]],
);
export const EVENT_TYPES = defs.map((d) => d.type) as EventType[];
export const AGGREGATE_OF: Record<EventType, AggregateType> = Object.fromEntries(
  defs.map((d) => [d.type, d.aggregateType]),
) as Record<EventType, AggregateType>;

export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: z.string(), role: roleSchema }),
  z.object({ kind: z.literal('diner'), sessionId: z.string(), dinerId: z.string() }),
  z.object({ kind: z.literal('device'), deviceId: z.string() }),
  z.object({ kind: z.literal('system'), name: z.string() }),
]);
export type Actor = z.infer<typeof actorSchema>;

export const eventEnvelopeSchema = z.object({
  id: z.string(),
  seq: z.number().int().min(1),
  branchId: z.string(),
  aggregateType: z.enum(AGGREGATE_TYPES),
  aggregateId: z.string(),
  aggregateSeq: z.number().int().min(1),
  type: z.string(),
  data: z.unknown(),
  commandId: z.string().nullable(),
  actor: actorSchema,
  requestId: z.string().nullable(),
  occurredAt: z.string(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema> & DomainEvent;
