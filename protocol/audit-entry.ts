// The audit chain's rule, shared by the hub (which writes the chain) and the cloud (which continues it):
// which events are chained, and the exact text of an entry. Hashing is left to each side's crypto.
import { canonicalJson } from './canonical-json.js';
import type { EventType } from './events/event.js';

/** Events that move money or change what is owed. */
export const MONEY_EVENTS: ReadonlySet<string> = new Set<EventType>([
  'DiscountApplied',
  'DiscountRemoved',
  'CheckSplit',
  'PaymentRecorded',
  'PaymentRefunded',
  'ItemVoided',
  'SessionClosed',
  'SessionVoided',
]);

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditedEvent {
  seq: number;
  id: string;
  type: string;
  aggregateId: string;
  data: unknown;
  actor: unknown;
  occurredAt: string;
}

/** The entry's text; hash = sha256(prevHash + "\n" + entry). */
export function auditEntryOf(event: AuditedEvent): string {
  return canonicalJson({
    seq: event.seq,
    id: event.id,
    type: event.type,
    aggregateId: event.aggregateId,
    data: event.data,
    actor: event.actor,
    occurredAt: event.occurredAt,
  });
}
