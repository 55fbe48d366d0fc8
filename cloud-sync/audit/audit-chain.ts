// The hub's audit-chain rule, copied because cloud-sync may not import hub/ (layer rule).
// Source: hub/store/audit-log.ts (MONEY_EVENTS, auditEntryOf, hashEntry) and hub/store/canonical-json.ts.
// A golden vector in audit-chain.test.ts fails if either copy drifts from the other's output.
import { createHash } from 'node:crypto';

/** Events that move money or change what is owed: the hub chains exactly these. */
export const MONEY_EVENT_TYPES: ReadonlySet<string> = new Set([
  'DiscountApplied',
  'DiscountRemoved',
  'CheckSplit',
  'PaymentRecorded',
  'PaymentRefunded',
  'ItemVoided',
  'SessionClosed',
  'SessionVoided',
]);

export const GENESIS_HASH = '0'.repeat(64);

/** Deterministic JSON (sorted keys, undefined dropped): the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export interface AuditedEvent {
  seq: number;
  id: string;
  type: string;
  aggregateId: string;
  data: unknown;
  actor: unknown;
  occurredAt: string;
}

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

export function hashEntry(prevHash: string, entry: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(entry).digest('hex');
}
