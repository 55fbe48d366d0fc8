// The owner read API's queries: a branch's sales over a date range and one hub's status.
import { toIso, toNumber, type SqlRunner } from '../db/cloud-db.js';

export interface DaySales {
  day: string;
  revenueCents: number;
  sessionsClosed: number;
  paymentsCents: number;
  tipsCents: number;
  refundsCents: number;
  roundsPlaced: number;
  roundsCanceled: number;
  itemsVoided: number;
}

export interface ProductSales {
  productId: string;
  name: string;
  qty: number;
  salesCents: number;
}

export interface BranchSales {
  branchId: string;
  from: string;
  to: string;
  totals: Omit<DaySales, 'day'>;
  days: DaySales[];
  products: ProductSales[];
  openSessions: number;
}

/** `from` and `to` are inclusive YYYY-MM-DD business days. */
export async function branchSales(
  db: SqlRunner,
  branchId: string,
  from: string,
  to: string,
): Promise<BranchSales> {
  const dayRows = await db.query<Record<string, unknown>>(
    `SELECT * FROM proj_branch_daily WHERE branch_id = $1 AND business_day BETWEEN $2 AND $3 ORDER BY business_day`,
    [branchId, from, to],
  );
  const days: DaySales[] = dayRows.map((r) => ({
    day: String(r.business_day),
    revenueCents: toNumber(r.revenue_cents),
    sessionsClosed: toNumber(r.sessions_closed),
    paymentsCents: toNumber(r.payments_cents),
    tipsCents: toNumber(r.tips_cents),
    refundsCents: toNumber(r.refunds_cents),
    roundsPlaced: toNumber(r.rounds_placed),
    roundsCanceled: toNumber(r.rounds_canceled),
    itemsVoided: toNumber(r.items_voided),
  }));
  const totals = days.reduce<Omit<DaySales, 'day'>>(
    (acc, d) => ({
      revenueCents: acc.revenueCents + d.revenueCents,
      sessionsClosed: acc.sessionsClosed + d.sessionsClosed,
      paymentsCents: acc.paymentsCents + d.paymentsCents,
      tipsCents: acc.tipsCents + d.tipsCents,
      refundsCents: acc.refundsCents + d.refundsCents,
      roundsPlaced: acc.roundsPlaced + d.roundsPlaced,
      roundsCanceled: acc.roundsCanceled + d.roundsCanceled,
      itemsVoided: acc.itemsVoided + d.itemsVoided,
    }),
    {
      revenueCents: 0,
      sessionsClosed: 0,
      paymentsCents: 0,
      tipsCents: 0,
      refundsCents: 0,
      roundsPlaced: 0,
      roundsCanceled: 0,
      itemsVoided: 0,
    },
  );
  const productRows = await db.query<Record<string, unknown>>(
    `SELECT product_id, max(name) AS name, sum(qty) AS qty, sum(sales_cents) AS sales_cents FROM proj_product_sales
      WHERE branch_id = $1 AND business_day BETWEEN $2 AND $3 GROUP BY product_id
      HAVING sum(qty) <> 0 OR sum(sales_cents) <> 0 ORDER BY sum(sales_cents) DESC, product_id`,
    [branchId, from, to],
  );
  const open = await db.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM proj_sessions WHERE branch_id = $1 AND status = 'OPEN'`,
    [branchId],
  );
  return {
    branchId,
    from,
    to,
    totals,
    days,
    products: productRows.map((r) => ({
      productId: String(r.product_id),
      name: String(r.name),
      qty: toNumber(r.qty),
      salesCents: toNumber(r.sales_cents),
    })),
    openSessions: toNumber(open[0]?.n ?? 0),
  };
}

export interface HubStatusView {
  hubId: string;
  branchId: string;
  name: string;
  lastSeenAt: string | null;
  headSeq: number;
  highestContiguousSeq: number;
  /** Events the hub has that the cloud has not yet got contiguously. */
  lagEvents: number;
  oldestPendingAgeMs: number | null;
  backlog: number;
  deadLetters: number;
  events: { applied: number; duplicate: number; rejected: number };
  audit: {
    entries: number;
    headHash: string;
    ok: boolean;
    breakAtSeq: number | null;
    breakReason: string | null;
    breakFoundAt: string | null;
  };
}

export async function hubStatus(db: SqlRunner, hubId: string): Promise<HubStatusView | undefined> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT h.id, h.branch_id, h.name, s.*, c.highest_contiguous_seq, c.audit_position, c.audit_head_hash
       FROM hubs h JOIN hub_status s ON s.hub_id = h.id JOIN ingest_cursors c ON c.hub_id = h.id WHERE h.id = $1`,
    [hubId],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  const headSeq = toNumber(r.head_seq);
  const contiguous = toNumber(r.highest_contiguous_seq);
  const breakSeq = r.audit_break_seq === null ? null : toNumber(r.audit_break_seq);
  return {
    hubId: String(r.id),
    branchId: String(r.branch_id),
    name: String(r.name),
    lastSeenAt: toIso(r.last_seen_at),
    headSeq,
    highestContiguousSeq: contiguous,
    lagEvents: Math.max(0, headSeq - contiguous),
    oldestPendingAgeMs: r.oldest_pending_age_ms === null ? null : toNumber(r.oldest_pending_age_ms),
    backlog: toNumber(r.backlog),
    deadLetters: toNumber(r.dead_letters),
    events: {
      applied: toNumber(r.events_applied),
      duplicate: toNumber(r.events_duplicate),
      rejected: toNumber(r.events_rejected),
    },
    audit: {
      entries: toNumber(r.audit_position),
      headHash: String(r.audit_head_hash),
      ok: breakSeq === null,
      breakAtSeq: breakSeq,
      breakReason: r.audit_break_reason === null ? null : String(r.audit_break_reason),
      breakFoundAt: toIso(r.audit_break_at),
    },
  };
}
