// Records the catalog version each hub reports in its ingest batches (`hub.catalog`), so the editor can
// show per branch when the owner's changes reached the hub.
import type { CatalogApplied } from '../../protocol/sync/catalog-feed.js';
import type { VerifiedHub } from '../auth/verify-request.js';
import type { Clock } from '../clock.js';
import type { CloudDb, SqlRunner } from '../db/cloud-db.js';

/**
 * Remembers the hub's applied version and stamps every change up to it with the time the hub says it
 * applied it. The first report wins for a change: that is when it landed.
 */
export async function recordCatalogApplied(
  tx: SqlRunner,
  input: { hubId: string; branchId: string; version: number; appliedAt: string; reportedAtIso: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO catalog_hub_applied (hub_id, version, applied_at, reported_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (hub_id) DO UPDATE SET version = EXCLUDED.version, applied_at = EXCLUDED.applied_at, reported_at = EXCLUDED.reported_at`,
    [input.hubId, input.version, input.appliedAt, input.reportedAtIso],
  );
  await tx.query(
    'UPDATE catalog_changes SET applied_at = $3 WHERE branch_id = $1 AND version <= $2 AND applied_at IS NULL',
    [input.branchId, input.version, input.appliedAt],
  );
}

/**
 * Called after each committed ingest batch. Every batch repeats the report, so an unchanged one is
 * skipped in memory (per instance) instead of costing two statements per batch. Returns whether it wrote.
 */
export function catalogReportRecorder(db: CloudDb, clock: Clock) {
  const last = new Map<string, string>();
  return async (hub: VerifiedHub, report: CatalogApplied | undefined): Promise<boolean> => {
    if (report === undefined) return false;
    const key = `${report.version}|${report.appliedAt}`;
    if (last.get(hub.hubId) === key) return false;
    await db.transaction((tx) =>
      recordCatalogApplied(tx, {
        hubId: hub.hubId,
        branchId: hub.branchId,
        version: report.version,
        appliedAt: report.appliedAt,
        reportedAtIso: new Date(clock.nowMs()).toISOString(),
      }),
    );
    last.set(hub.hubId, key);
    return true;
  };
}
