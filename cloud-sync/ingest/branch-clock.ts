// The branch clock an ingest batch runs with: read from the branch row with the cursor lock, moved
// forward by the batch's own settings events so that the events after one are cut with the new zone,
// in both paths.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { SyncEvent } from '../../protocol/sync/ingest-batch.js';
import { businessTimeOf, DEFAULT_BRANCH_CLOCK, type BranchClock } from '../../protocol/business-time.js';
import type { ProjectionContext } from './project-event.js';

/** A branch row's clock; a branch not found (or not joined) runs on the default one. */
export function branchClockOf(row: {
  time_zone: string | null;
  business_day_starts_at_hour: number | null;
}): BranchClock {
  if (row.time_zone === null || row.business_day_starts_at_hour === null) return DEFAULT_BRANCH_CLOCK;
  return { timeZone: row.time_zone, businessDayStartsAtHour: Number(row.business_day_starts_at_hour) };
}

/** The clock after an applied event: only the branch's settings events change it. */
export function clockAfter(event: DomainEvent, clock: BranchClock): BranchClock {
  if (event.type !== 'BranchSettingsUpdated' && event.type !== 'BranchInitialized') return clock;
  const { timeZone, businessDayStartsAtHour } = event.data.settings;
  return { timeZone, businessDayStartsAtHour };
}

export function projectionContext(e: SyncEvent, clock: BranchClock): ProjectionContext {
  const { day, hour } = businessTimeOf(e.occurredAt, clock);
  return { branchId: e.branchId, day, hour, occurredAt: e.occurredAt };
}
