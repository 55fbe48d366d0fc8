// Owner reports over a date range, for all the tenant's branches or some: per day, per hour, per branch,
// per product, tips and payment methods. Days and hours are each branch's own (business days and local
// hours computed at ingest, protocol/business-time.ts). Every query joins branches on the tenant: another
// tenant's ids match nothing.
import { z } from 'zod';
import { idSchema } from '../../protocol/ids.js';
import type { ReportTotals, SalesReport } from '../../protocol/owner-api.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';

/** The hub's default currency (branchSettingsSchema), for a report over no branch. */
const DEFAULT_CURRENCY = 'EUR';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_REPORT_DAYS = 366;

export const reportQuerySchema = z
  .object({
    from: z.string().regex(DAY, 'must be YYYY-MM-DD'),
    to: z.string().regex(DAY, 'must be YYYY-MM-DD'),
    /** Comma-separated branch ids; absent = every branch of the tenant. */
    branches: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v.split(',')))
      .pipe(z.array(idSchema).max(200).optional()),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const ZERO: ReportTotals = {
  revenueCents: 0,
  orderedCents: 0,
  paymentsCents: 0,
  tipsCents: 0,
  refundsCents: 0,
  sessionsClosed: 0,
  roundsPlaced: 0,
  itemsVoided: 0,
};

function add(a: ReportTotals, b: ReportTotals): ReportTotals {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof ReportTotals)[]) out[k] += b[k];
  return out;
}

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

type Row = Record<string, unknown>;

export async function salesReport(db: SqlRunner, tenantId: string, q: ReportQuery): Promise<SalesReport> {
  const branches = await db.query<{ id: string; name: string; currency: string }>(
    `SELECT id, name, currency FROM branches WHERE tenant_id = $1 AND ($2::text[] IS NULL OR id = ANY($2::text[]))
      ORDER BY name, id`,
    [tenantId, q.branches ?? null],
  );
  const ids = branches.map((b) => b.id);
  // From here on every query is limited to `ids`, which came from the tenant-scoped query above.
  const scope = [ids, q.from, q.to];
  const daily = await db.query<Row>(
    `SELECT branch_id, business_day, revenue_cents, payments_cents, tips_cents, refunds_cents, sessions_closed,
            rounds_placed, items_voided
       FROM proj_branch_daily WHERE branch_id = ANY($1::text[]) AND business_day BETWEEN $2 AND $3`,
    scope,
  );
  const ordered = await db.query<Row>(
    `SELECT branch_id, business_day, sum(sales_cents) AS cents FROM proj_product_sales
      WHERE branch_id = ANY($1::text[]) AND business_day BETWEEN $2 AND $3 GROUP BY branch_id, business_day`,
    scope,
  );
  const hours = await db.query<Row>(
    // closed_hour is the branch's local hour; sessions closed before it was kept fall back to the UTC hour.
    `SELECT coalesce(closed_hour, substr(closed_at, 12, 2)::int) AS hour, sum(total_cents) AS cents, count(*) AS n FROM proj_sessions
      WHERE branch_id = ANY($1::text[]) AND status = 'CLOSED' AND business_day BETWEEN $2 AND $3 GROUP BY 1`,
    scope,
  );
  const products = await db.query<Row>(
    `SELECT product_id, max(name) AS name, sum(qty) AS qty, sum(sales_cents) AS cents FROM proj_product_sales
      WHERE branch_id = ANY($1::text[]) AND business_day BETWEEN $2 AND $3 GROUP BY product_id
      HAVING sum(qty) <> 0 OR sum(sales_cents) <> 0 ORDER BY sum(sales_cents) DESC, product_id LIMIT 100`,
    scope,
  );
  const methods = await db.query<Row>(
    `SELECT method, count(*) AS n, sum(amount_cents) AS amount, sum(tip_cents) AS tips, sum(refunded_cents) AS refunded
       FROM proj_payments WHERE branch_id = ANY($1::text[]) AND business_day BETWEEN $2 AND $3
      GROUP BY method ORDER BY sum(amount_cents) DESC`,
    scope,
  );

  const key = (branchId: unknown, day: unknown) => `${String(branchId)}|${String(day)}`;
  const orderedOf = new Map(ordered.map((r) => [key(r.branch_id, r.business_day), toNumber(r.cents)]));
  const cells = new Map<string, ReportTotals>();
  for (const r of daily) {
    cells.set(key(r.branch_id, r.business_day), {
      revenueCents: toNumber(r.revenue_cents),
      orderedCents: orderedOf.get(key(r.branch_id, r.business_day)) ?? 0,
      paymentsCents: toNumber(r.payments_cents),
      tipsCents: toNumber(r.tips_cents),
      refundsCents: toNumber(r.refunds_cents),
      sessionsClosed: toNumber(r.sessions_closed),
      roundsPlaced: toNumber(r.rounds_placed),
      itemsVoided: toNumber(r.items_voided),
    });
  }
  // Ordered items on a day with no daily row yet (only drafts and placed rounds, nothing closed).
  for (const [k, cents] of orderedOf) if (!cells.has(k)) cells.set(k, { ...ZERO, orderedCents: cents });

  const days = daysBetween(q.from, q.to).map((day) => ({
    day,
    ...ids.reduce((acc, id) => add(acc, cells.get(key(id, day)) ?? ZERO), ZERO),
  }));
  const byBranch = branches.map((b) => ({
    branchId: b.id,
    name: b.name,
    ...[...cells].filter(([k]) => k.startsWith(`${b.id}|`)).reduce((acc, [, v]) => add(acc, v), ZERO),
  }));
  const hourOf = new Map(hours.map((r) => [toNumber(r.hour), r]));
  return {
    from: q.from,
    to: q.to,
    branches: branches.map((b) => ({ branchId: b.id, name: b.name, currency: b.currency })),
    currency: branches[0]?.currency ?? DEFAULT_CURRENCY,
    totals: byBranch.reduce<ReportTotals>((acc, b) => add(acc, b), ZERO),
    days,
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      revenueCents: toNumber(hourOf.get(hour)?.cents ?? 0),
      sessionsClosed: toNumber(hourOf.get(hour)?.n ?? 0),
    })),
    byBranch,
    products: products.map((r) => ({
      productId: String(r.product_id),
      name: String(r.name),
      qty: toNumber(r.qty),
      salesCents: toNumber(r.cents),
    })),
    paymentMethods: methods.map((r) => ({
      method: String(r.method),
      payments: toNumber(r.n),
      amountCents: toNumber(r.amount),
      tipsCents: toNumber(r.tips),
      refundedCents: toNumber(r.refunded),
    })),
  };
}
