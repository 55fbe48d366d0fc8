// The owner's overview: every branch of the tenant with today's figures, live tables and rounds, and its
// hubs' sync health. One query per figure across all the tenant's branches, never one per branch.
// "Today" is each branch's own current business day (its time zone and day start hour), so a Madrid
// branch still shows Friday's service at 01:00 on Saturday.
import type { Overview } from '../../protocol/owner-api.js';
import { toIso, toNumber, type SqlRunner } from '../db/cloud-db.js';
import { businessTimeOf, DEFAULT_BRANCH_CLOCK } from '../../protocol/business-time.js';

/**
 * A hub not heard from for this long shows as offline. The cloud hears from a hub on every signed request:
 * its ingest batches, and its catalog feed polls (every 30 s by default) when it has nothing to upload.
 */
export const HUB_ONLINE_WINDOW_MS = 2 * 60 * 1000;

type Row = Record<string, unknown>;
const byBranch = (rows: Row[]) => new Map(rows.map((r) => [String(r.branch_id), r]));

export async function ownerOverview(
  db: SqlRunner,
  tenantId: string,
  nowMs: number,
): Promise<Overview | undefined> {
  const tenant = await db.query<{ name: string }>('SELECT name FROM tenants WHERE id = $1', [tenantId]);
  if (tenant[0] === undefined) return undefined;
  const branches = (
    await db.query<{
      id: string;
      name: string;
      time_zone: string;
      business_day_starts_at_hour: number;
      currency: string;
    }>(
      `SELECT id, name, time_zone, business_day_starts_at_hour, currency FROM branches WHERE tenant_id = $1
        ORDER BY name, id`,
      [tenantId],
    )
  ).map((b) => ({
    ...b,
    day: businessTimeOf(nowMs, {
      timeZone: b.time_zone,
      businessDayStartsAtHour: Number(b.business_day_starts_at_hour),
    }).day,
  }));
  // Each branch with its own day: (branch id, day) pairs, still one query for all of them.
  const branchDays = [branches.map((b) => b.id), branches.map((b) => b.day)];
  const daily = byBranch(
    await db.query<Row>(
      `SELECT d.* FROM unnest($1::text[], $2::text[]) AS x(branch_id, day)
         JOIN proj_branch_daily d ON d.branch_id = x.branch_id AND d.business_day = x.day`,
      branchDays,
    ),
  );
  const ordered = byBranch(
    await db.query<Row>(
      `SELECT p.branch_id, sum(p.sales_cents) AS cents FROM unnest($1::text[], $2::text[]) AS x(branch_id, day)
         JOIN proj_product_sales p ON p.branch_id = x.branch_id AND p.business_day = x.day GROUP BY p.branch_id`,
      branchDays,
    ),
  );
  const open = byBranch(
    await db.query<Row>(
      `SELECT s.branch_id, count(*) AS tables, sum(s.guests) AS guests FROM proj_sessions s JOIN branches b ON b.id = s.branch_id
        WHERE b.tenant_id = $1 AND s.status = 'OPEN' GROUP BY s.branch_id`,
      [tenantId],
    ),
  );
  // Confirmed rounds and diners' rounds a waiter has yet to confirm, apart: the first are in the kitchen,
  // the second are a queue for the floor (and may still be refused).
  const live = byBranch(
    await db.query<Row>(
      `SELECT r.branch_id, count(*) FILTER (WHERE r.status = 'PLACED') AS rounds,
              count(*) FILTER (WHERE r.status = 'SUBMITTED') AS awaiting
         FROM proj_rounds r
         JOIN proj_sessions s ON s.branch_id = r.branch_id AND s.session_id = r.session_id
         JOIN branches b ON b.id = r.branch_id
        WHERE b.tenant_id = $1 AND s.status = 'OPEN' AND r.status IN ('PLACED', 'SUBMITTED') GROUP BY r.branch_id`,
      [tenantId],
    ),
  );
  const heads = byBranch(
    await db.query<Row>(
      `SELECT h.branch_id, h.head_version FROM catalog_heads h JOIN branches b ON b.id = h.branch_id WHERE b.tenant_id = $1`,
      [tenantId],
    ),
  );
  const hubs = await db.query<Row>(
    `SELECT h.id, h.branch_id, h.name, s.last_seen_at, s.head_seq, s.backlog, s.dead_letters, s.oldest_pending_age_ms,
            s.audit_break_seq, c.highest_contiguous_seq, a.version AS catalog_version
       FROM hubs h JOIN branches b ON b.id = h.branch_id
       LEFT JOIN hub_status s ON s.hub_id = h.id LEFT JOIN ingest_cursors c ON c.hub_id = h.id
       LEFT JOIN catalog_hub_applied a ON a.hub_id = h.id
      WHERE b.tenant_id = $1 ORDER BY h.created_at`,
    [tenantId],
  );
  const n = (r: Row | undefined, col: string) => toNumber(r?.[col] ?? 0);
  return {
    tenantId,
    tenantName: tenant[0].name,
    day: commonDay(
      branches.map((b) => b.day),
      nowMs,
    ),
    generatedAt: new Date(nowMs).toISOString(),
    branches: branches.map((b) => {
      const d = daily.get(b.id);
      return {
        branchId: b.id,
        name: b.name,
        day: b.day,
        timeZone: b.time_zone,
        currency: b.currency,
        today: {
          revenueCents: n(d, 'revenue_cents'),
          orderedCents: n(ordered.get(b.id), 'cents'),
          paymentsCents: n(d, 'payments_cents'),
          tipsCents: n(d, 'tips_cents'),
          sessionsClosed: n(d, 'sessions_closed'),
          roundsPlaced: n(d, 'rounds_placed'),
        },
        openTables: n(open.get(b.id), 'tables'),
        guestsSeated: n(open.get(b.id), 'guests'),
        liveRounds: n(live.get(b.id), 'rounds'),
        roundsAwaitingConfirmation: n(live.get(b.id), 'awaiting'),
        catalogHeadVersion: n(heads.get(b.id), 'head_version'),
        hubs: hubs
          .filter((h) => h.branch_id === b.id)
          .map((h) => {
            const lastSeenAt = toIso(h.last_seen_at);
            return {
              hubId: String(h.id),
              name: String(h.name),
              online: lastSeenAt !== null && nowMs - Date.parse(lastSeenAt) <= HUB_ONLINE_WINDOW_MS,
              lastSeenAt,
              lagEvents: Math.max(0, n(h, 'head_seq') - n(h, 'highest_contiguous_seq')),
              oldestPendingAgeMs: h.oldest_pending_age_ms === null ? null : n(h, 'oldest_pending_age_ms'),
              backlog: n(h, 'backlog'),
              deadLetters: n(h, 'dead_letters'),
              auditOk: h.audit_break_seq === null || h.audit_break_seq === undefined,
              catalogVersion: h.catalog_version === null ? null : n(h, 'catalog_version'),
            };
          }),
      };
    }),
  };
}

/**
 * The one day the page is about: the business day most branches are in (the later one on a tie; all of
 * them for a group in one zone). With no branch, the hub's default clock.
 */
function commonDay(days: readonly string[], nowMs: number): string {
  if (days.length === 0) return businessTimeOf(nowMs, DEFAULT_BRANCH_CLOCK).day;
  const counts = new Map<string, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]![0];
}
