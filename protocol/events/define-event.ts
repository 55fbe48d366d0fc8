// Builds an event schema: a type name, the aggregate it belongs to, and its data.
import { z } from 'zod';

export const AGGREGATE_TYPES = [
  'branch',
  'category',
  'station',
  'product',
  'sector',
  'table',
  'staff',
  'device',
  'session',
  'round',
  'ticket',
  'serviceCall',
  'printer',
  'printJob',
] as const;
export type AggregateType = (typeof AGGREGATE_TYPES)[number];

export function defineEvent<T extends string, A extends AggregateType, D extends z.ZodObject>(
  type: T,
  aggregateType: A,
  data: D,
) {
  return { type, aggregateType, schema: z.object({ type: z.literal(type), data }) };
}
