// Small upserts the projections share: additive counters per branch-day and per product-day.
import type { SqlRunner } from '../db/cloud-db.js';

export const DAILY_COLUMNS = [
  'revenue_cents',
  'sessions_closed',
  'payments_cents',
  'tips_cents',
  'refunds_cents',
  'rounds_placed',
  'rounds_canceled',
  'items_voided',
] as const;
export type DailyColumn = (typeof DAILY_COLUMNS)[number];

/** Adds to the branch's counters for one business day, creating the row on first use. */
export async function addDaily(
  tx: SqlRunner,
  branchId: string,
  day: string,
  deltas: Partial<Record<DailyColumn, number>>,
): Promise<void> {
  // Column names come only from DAILY_COLUMNS (typed), never from input.
  const cols = DAILY_COLUMNS.filter((c) => deltas[c] !== undefined && deltas[c] !== 0);
  if (cols.length === 0) return;
  const values = cols.map((c) => deltas[c] ?? 0);
  const placeholders = cols.map((_, i) => `$${i + 3}`).join(', ');
  const updates = cols.map((c) => `${c} = proj_branch_daily.${c} + EXCLUDED.${c}`).join(', ');
  await tx.query(
    `INSERT INTO proj_branch_daily (branch_id, business_day, ${cols.join(', ')}) VALUES ($1, $2, ${placeholders})
     ON CONFLICT (branch_id, business_day) DO UPDATE SET ${updates}`,
    [branchId, day, ...values],
  );
}

export interface ProductSalesDelta {
  branchId: string;
  day: string;
  productId: string;
  name: string;
  qty: number;
  cents: number;
}

export async function addProductSales(tx: SqlRunner, d: ProductSalesDelta): Promise<void> {
  if (d.qty === 0 && d.cents === 0) return;
  await tx.query(
    `INSERT INTO proj_product_sales (branch_id, business_day, product_id, name, qty, sales_cents) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (branch_id, business_day, product_id)
     DO UPDATE SET qty = proj_product_sales.qty + EXCLUDED.qty, sales_cents = proj_product_sales.sales_cents + EXCLUDED.sales_cents`,
    [d.branchId, d.day, d.productId, d.name, d.qty, d.cents],
  );
}

export interface ItemRow {
  item_id: string;
  product_id: string;
  name: string;
  unit_price_cents: unknown;
  modifiers_cents: unknown;
  qty: number;
  status: string;
  business_day: string;
}
