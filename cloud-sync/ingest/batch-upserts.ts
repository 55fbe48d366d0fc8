// The batched projection's changes as writes: one multi-row upsert per owner-projection table, its
// dirty rows (or summed counters) in one JSON document, for runWrites to send as a single statement.
import type { BatchWrite } from './batch-write.js';
import type { DailyRow, ProductSales, ProjectionRows } from './projection-rows.js';
import { DAILY_COLUMNS } from './projection-writes.js';

/** What a batch changed: the rows it touched (by id, per table) and the counters it summed. */
export interface ProjectionChanges {
  rows: ProjectionRows;
  dirty: {
    sessions: ReadonlySet<string>;
    rounds: ReadonlySet<string>;
    items: ReadonlySet<string>;
    payments: ReadonlySet<string>;
  };
  daily: ReadonlyMap<string, DailyRow>;
  products: ReadonlyMap<string, ProductSales>;
  /** The branch's settings after the batch's last settings event, if it had one. */
  branch: BranchSettingsRow | undefined;
}

export interface BranchSettingsRow {
  time_zone: string;
  business_day_starts_at_hour: number;
  currency: string;
}

/**
 * The changes as upserts for one multi-statement write (see runWrites): one per table, its rows in one
 * JSON document. `$1` is the branch id. Entity rows replace the stored ones; counters are added to them.
 */
export function projectionUpserts(c: ProjectionChanges): BatchWrite[] {
  const out: BatchWrite[] = [];
  const pick = <T>(map: ReadonlyMap<string, T>, keys: ReadonlySet<string>): T[] =>
    [...keys].map((k) => map.get(k)!);
  if (c.dirty.sessions.size > 0) {
    out.push({
      rows: pick(c.rows.sessions, c.dirty.sessions),
      sql: (
        doc,
      ) => `INSERT INTO proj_sessions (branch_id, session_id, table_id, guests, status, opened_at, closed_at, business_day, closed_hour, total_cents, paid_cents, tips_cents)
         SELECT $1, x.session_id, x.table_id, x.guests, x.status, x.opened_at, x.closed_at, x.business_day, x.closed_hour, x.total_cents, x.paid_cents, x.tips_cents
           FROM json_to_recordset(${doc}) AS x(session_id text, table_id text, guests integer, status text, opened_at text,
                closed_at text, business_day text, closed_hour integer, total_cents bigint, paid_cents bigint, tips_cents bigint)
         ON CONFLICT (branch_id, session_id) DO UPDATE SET table_id = EXCLUDED.table_id, guests = EXCLUDED.guests,
           status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, business_day = EXCLUDED.business_day,
           closed_hour = EXCLUDED.closed_hour,
           total_cents = EXCLUDED.total_cents, paid_cents = EXCLUDED.paid_cents, tips_cents = EXCLUDED.tips_cents`,
    });
  }
  if (c.dirty.rounds.size > 0) {
    out.push({
      rows: pick(c.rows.rounds, c.dirty.rounds),
      sql: (
        doc,
      ) => `INSERT INTO proj_rounds (branch_id, round_id, session_id, number, source, status, business_day)
         SELECT $1, x.round_id, x.session_id, x.number, x.source, x.status, x.business_day
           FROM json_to_recordset(${doc}) AS x(round_id text, session_id text, number integer, source text, status text, business_day text)
         ON CONFLICT (branch_id, round_id) DO UPDATE SET session_id = EXCLUDED.session_id, status = EXCLUDED.status`,
    });
  }
  if (c.dirty.items.size > 0) {
    out.push({
      rows: pick(c.rows.items, c.dirty.items),
      sql: (
        doc,
      ) => `INSERT INTO proj_round_items (branch_id, item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day)
         SELECT $1, x.item_id, x.round_id, x.product_id, x.name, x.unit_price_cents, x.modifiers_cents, x.qty, x.status, x.business_day
           FROM json_to_recordset(${doc}) AS x(item_id text, round_id text, product_id text, name text, unit_price_cents bigint,
                modifiers_cents bigint, qty integer, status text, business_day text)
         ON CONFLICT (branch_id, item_id) DO UPDATE SET modifiers_cents = EXCLUDED.modifiers_cents, qty = EXCLUDED.qty,
           status = EXCLUDED.status, business_day = EXCLUDED.business_day`,
    });
  }
  if (c.dirty.payments.size > 0) {
    out.push({
      rows: pick(c.rows.payments, c.dirty.payments),
      sql: (
        doc,
      ) => `INSERT INTO proj_payments (branch_id, payment_id, session_id, method, amount_cents, tip_cents, refunded_cents, business_day)
         SELECT $1, x.payment_id, x.session_id, x.method, x.amount_cents, x.tip_cents, x.refunded_cents, x.business_day
           FROM json_to_recordset(${doc}) AS x(payment_id text, session_id text, method text, amount_cents bigint, tip_cents bigint,
                refunded_cents bigint, business_day text)
         ON CONFLICT (branch_id, payment_id) DO UPDATE SET refunded_cents = EXCLUDED.refunded_cents`,
    });
  }
  if (c.daily.size > 0) {
    const cols = DAILY_COLUMNS.join(', ');
    out.push({
      rows: [...c.daily.values()],
      sql: (doc) => `INSERT INTO proj_branch_daily (branch_id, business_day, ${cols})
         SELECT $1, x.business_day, ${DAILY_COLUMNS.map((c) => `x.${c}`).join(', ')}
           FROM json_to_recordset(${doc}) AS x(business_day text, ${DAILY_COLUMNS.map((c) => `${c} bigint`).join(', ')})
         ON CONFLICT (branch_id, business_day) DO UPDATE SET ${DAILY_COLUMNS.map((c) => `${c} = proj_branch_daily.${c} + EXCLUDED.${c}`).join(', ')}`,
    });
  }
  if (c.products.size > 0) {
    out.push({
      rows: [...c.products.values()],
      sql: (
        doc,
      ) => `INSERT INTO proj_product_sales (branch_id, business_day, product_id, name, qty, sales_cents)
         SELECT $1, x.business_day, x.product_id, x.name, x.qty, x.sales_cents
           FROM json_to_recordset(${doc}) AS x(business_day text, product_id text, name text, qty bigint, sales_cents bigint)
         ON CONFLICT (branch_id, business_day, product_id)
         DO UPDATE SET qty = proj_product_sales.qty + EXCLUDED.qty, sales_cents = proj_product_sales.sales_cents + EXCLUDED.sales_cents`,
    });
  }
  if (c.branch !== undefined) {
    out.push({
      rows: [c.branch],
      sql: (
        doc,
      ) => `UPDATE branches SET time_zone = x.time_zone, business_day_starts_at_hour = x.business_day_starts_at_hour,
           currency = x.currency
           FROM json_to_recordset(${doc}) AS x(time_zone text, business_day_starts_at_hour integer, currency text)
          WHERE branches.id = $1`,
    });
  }
  return out;
}
