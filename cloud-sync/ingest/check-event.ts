// Validates one shipped event against the protocol's event schemas before it may touch any table.
import {
  AGGREGATE_OF,
  domainEventSchema,
  EVENT_TYPES,
  type DomainEvent,
  type EventType,
} from '../../protocol/events/event.js';
import type { RejectReason, SyncEvent } from '../../protocol/sync/ingest-batch.js';
import { isKnownTimeZone } from '../../protocol/business-time.js';

export type EventCheck =
  { ok: true; event: DomainEvent } | { ok: false; reason: RejectReason; message: string };

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Permanent problems only: the same event will fail the same way until the hub or the cloud is fixed. */
export function checkEvent(e: SyncEvent, hubBranchId: string): EventCheck {
  if (e.branchId !== hubBranchId) {
    return {
      ok: false,
      reason: 'WRONG_BRANCH',
      message: `event is for branch ${e.branchId}; this hub is paired with ${hubBranchId}`,
    };
  }
  if (!KNOWN_TYPES.has(e.type)) {
    return {
      ok: false,
      reason: 'UNKNOWN_EVENT_TYPE',
      message: `unknown event type ${e.type.slice(0, 80)} (newer hub than cloud?)`,
    };
  }
  const expectedAggregate = AGGREGATE_OF[e.type as EventType];
  if (e.aggregateType !== expectedAggregate) {
    return {
      ok: false,
      reason: 'INVALID_EVENT',
      message: `${e.type} belongs to aggregate ${expectedAggregate}, not ${e.aggregateType}`,
    };
  }
  if (!ISO_TIME.test(e.occurredAt) || Number.isNaN(Date.parse(e.occurredAt))) {
    return { ok: false, reason: 'INVALID_EVENT', message: 'occurredAt is not an ISO timestamp' };
  }
  const parsed = domainEventSchema.safeParse({ type: e.type, data: e.data });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
    return {
      ok: false,
      reason: 'INVALID_EVENT',
      message: `${e.type} ${path}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const event = parsed.data as DomainEvent;
  // Every later business day of the branch is computed in this zone: one Intl does not know would
  // fail them all, so the event waits on the hub (dead-lettered) instead.
  if (
    (event.type === 'BranchSettingsUpdated' || event.type === 'BranchInitialized') &&
    !isKnownTimeZone(event.data.settings.timeZone)
  ) {
    return {
      ok: false,
      reason: 'INVALID_EVENT',
      message: `${e.type} settings.timeZone: unknown time zone ${event.data.settings.timeZone}`,
    };
  }
  return { ok: true, event };
}
