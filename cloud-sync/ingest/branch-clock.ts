// The branch clock an ingest batch runs with: read once from the branch row, moved forward by the
// batch's own settings events so that the events after one are cut with the new zone, in both paths.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { SyncEvent } from '../../protocol/sync/ingest-batch.js';
import type { SqlRunner } from '../db/cloud-db.js';
import { businessTimeOf, DEFAULT_BRANCH_CLOCK, type BranchClock } from '../../protocol/business-time.js';
import type { ProjectionContext } from './project-event.js';

export async function loadBranchClock(tx: SqlRunner, branchId: string): Promise<BranchClock> {
  const rows = await tx.query<{ time_zone: string; business_day_starts_at_hour: number }>(
    'SELECT time_zone, business_day_starts_at_hour FROM branches WHERE id = $1',
    [branchId],
  );
  const r = rows[0];
  if (r === undefined) return DEFAULT_BRANCH_CLOCK;
  return { timeZone: r.time_zone, businessDayStartsAtHour: Number(r.business_day_starts_at_hour) };
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
