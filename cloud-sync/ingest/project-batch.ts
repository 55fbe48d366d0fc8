// The owner projections for a whole batch at once: the rows the batch touches are read in a few
// statements, every event is applied in memory in seq order with exactly the rules of project-event.ts,
// and each table is written back with ONE multi-row upsert. Counters (per day, per product-day) are
// summed per key first, so a busy product is upserted once per batch instead of once per item.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { RoundItemData } from '../../protocol/events/round-events.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
import type { ProjectionContext } from './project-event.js';
import { DAILY_COLUMNS, type DailyColumn } from './projection-writes.js';

interface SessionRow {
  session_id: string;
  table_id: string;
  guests: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  business_day: string | null;
  total_cents: number;
  paid_cents: number;
  tips_cents: number;
}

interface RoundRow {
  round_id: string;
  session_id: string;
  number: number;
  source: string;
  status: string;
  business_day: string;
}

interface ItemRow {
  item_id: string;
  round_id: string;
  product_id: string;
  name: string;
  unit_price_cents: number;
  modifiers_cents: number;
  qty: number;
  status: string;
  business_day: string;
}

interface PaymentRow {
  payment_id: string;
  session_id: string;
  method: string;
  amount_cents: number;
  tip_cents: number;
  refunded_cents: number;
  business_day: string;
}

interface ProductSales {
  business_day: string;
  product_id: string;
  /** The name of the first change: a new row keeps it, as the one-by-one upsert does. */
  name: string;
  qty: number;
  sales_cents: number;
}

type DailyRow = { business_day: string } & Record<DailyColumn, number>;

export interface BatchProjectionInput {
  ctx: ProjectionContext;
  event: DomainEvent;
}

const ITEM_COLUMNS =
  'item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day';

const lineCents = (unit: number, modifiers: number, qty: number): number => (unit + modifiers) * qty;
const modifiersOf = (mods: readonly { priceDeltaCents: number }[]): number =>
  mods.reduce((sum, m) => sum + m.priceDeltaCents, 0);

/** The ids a batch reads or writes, so its rows can be loaded in one statement per table. */
function referencedIds(inputs: readonly BatchProjectionInput[]) {
  const sessions = new Set<string>();
  const rounds = new Set<string>();
  const items = new Set<string>();
  const canceledRounds = new Set<string>();
  const payments = new Set<string>();
  for (const { event } of inputs) {
    switch (event.type) {
      case 'SessionOpened':
      case 'GuestsUpdated':
      case 'SessionTransferred':
      case 'SessionMerged':
      case 'SessionVoided':
      case 'SessionClosed':
        sessions.add(event.data.sessionId);
        break;
      case 'PaymentRecorded':
      case 'PaymentRefunded':
        payments.add(event.data.paymentId);
        break;
      case 'RoundCreated':
      case 'RoundSubmitted':
      case 'RoundMoved':
        rounds.add(event.data.roundId);
        break;
      case 'RoundPlaced':
        rounds.add(event.data.roundId);
        for (const item of event.data.items) items.add(item.itemId);
        break;
      case 'ItemAdded':
        items.add(event.data.item.itemId);
        break;
      case 'ItemUpdated':
      case 'ItemRemoved':
      case 'ItemVoided':
        items.add(event.data.itemId);
        break;
      case 'RoundCanceled':
        rounds.add(event.data.roundId);
        canceledRounds.add(event.data.roundId);
        break;
      default:
        break;
    }
  }
  return { sessions, rounds, items, canceledRounds, payments };
}

export class BatchProjection {
  private readonly sessions = new Map<string, SessionRow>();
  private readonly rounds = new Map<string, RoundRow>();
  private readonly items = new Map<string, ItemRow>();
  private readonly payments = new Map<string, PaymentRow>();
  private readonly dirtySessions = new Set<string>();
  private readonly dirtyRounds = new Set<string>();
  private readonly dirtyItems = new Set<string>();
  private readonly dirtyPayments = new Set<string>();
  private readonly daily = new Map<string, DailyRow>();
  private readonly products = new Map<string, ProductSales>();

  private constructor(private readonly branchId: string) {}

  /** Reads every existing row the batch can touch, in one statement whatever the batch size. */
  static async load(
    tx: SqlRunner,
    branchId: string,
    inputs: readonly BatchProjectionInput[],
  ): Promise<BatchProjection> {
    const p = new BatchProjection(branchId);
    const ids = referencedIds(inputs);
    // One primary-key probe per id, forced by LATERAL … LIMIT 1 / OFFSET 0 (subqueries the planner
    // cannot flatten): with `= ANY(array)` and stale stats it scanned the branch's whole range instead
    // (see PROBE_BY_SEQ in ingest-batch.ts). Items of canceled rounds are the one non-unique lookup.
    const [row] = await tx.query<{ s: unknown; r: unknown; i: unknown; p: unknown }>(
      `SELECT
         (SELECT json_agg(t) FROM unnest($2::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT session_id, table_id, guests, status, opened_at, closed_at, business_day, total_cents, paid_cents,
                    tips_cents FROM proj_sessions WHERE branch_id = $1 AND session_id = x.v LIMIT 1) t) AS s,
         (SELECT json_agg(t) FROM unnest($3::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT round_id, session_id, number, source, status, business_day FROM proj_rounds
              WHERE branch_id = $1 AND round_id = x.v LIMIT 1) t) AS r,
         (SELECT json_agg(t) FROM (
            SELECT t.* FROM unnest($4::text[]) AS x(v) CROSS JOIN LATERAL
              (SELECT ${ITEM_COLUMNS} FROM proj_round_items WHERE branch_id = $1 AND item_id = x.v LIMIT 1) t
            UNION
            SELECT t.* FROM unnest($5::text[]) AS x(v) CROSS JOIN LATERAL
              (SELECT ${ITEM_COLUMNS} FROM proj_round_items WHERE branch_id = $1 AND round_id = x.v OFFSET 0) t) t) AS i,
         (SELECT json_agg(t) FROM unnest($6::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT payment_id, session_id, method, amount_cents, tip_cents, refunded_cents, business_day
               FROM proj_payments WHERE branch_id = $1 AND payment_id = x.v LIMIT 1) t) AS p`,
      [
        branchId,
        [...ids.sessions],
        [...ids.rounds],
        [...ids.items],
        [...ids.canceledRounds],
        [...ids.payments],
      ],
    );
    // json_agg gives NULL for no rows; both drivers hand back parsed JSON (bigints as JSON numbers).
    const rows = <T>(v: unknown): T[] => (v ?? []) as T[];
    for (const r of rows<SessionRow>(row?.s)) {
      p.sessions.set(r.session_id, {
        ...r,
        total_cents: toNumber(r.total_cents),
        paid_cents: toNumber(r.paid_cents),
        tips_cents: toNumber(r.tips_cents),
      });
    }
    for (const r of rows<RoundRow>(row?.r)) p.rounds.set(r.round_id, r);
    for (const r of rows<ItemRow>(row?.i)) {
      p.items.set(r.item_id, {
        ...r,
        unit_price_cents: toNumber(r.unit_price_cents),
        modifiers_cents: toNumber(r.modifiers_cents),
      });
    }
    for (const r of rows<PaymentRow>(row?.p)) {
      p.payments.set(r.payment_id, {
        ...r,
        amount_cents: toNumber(r.amount_cents),
        tip_cents: toNumber(r.tip_cents),
        refunded_cents: toNumber(r.refunded_cents),
      });
    }
    return p;
  }

  private addDaily(day: string, deltas: Partial<Record<DailyColumn, number>>): void {
    // Like addDaily: a row exists once any column got a non-zero change, even if the sums end at zero.
    if (!DAILY_COLUMNS.some((c) => (deltas[c] ?? 0) !== 0)) return;
    let row = this.daily.get(day);
    if (row === undefined) {
      row = { business_day: day, ...Object.fromEntries(DAILY_COLUMNS.map((c) => [c, 0])) } as DailyRow;
      this.daily.set(day, row);
    }
    for (const c of DAILY_COLUMNS) row[c] += deltas[c] ?? 0;
  }

  private addProductSales(day: string, productId: string, name: string, qty: number, cents: number): void {
    if (qty === 0 && cents === 0) return;
    const key = `${day}\u0000${productId}`;
    const row = this.products.get(key);
    if (row === undefined) {
      this.products.set(key, { business_day: day, product_id: productId, name, qty, sales_cents: cents });
    } else {
      row.qty += qty;
      row.sales_cents += cents;
    }
  }

  private insertItem(ctx: ProjectionContext, roundId: string, item: RoundItemData): void {
    if (this.items.has(item.itemId)) return; // ON CONFLICT DO NOTHING
    const modifiers = modifiersOf(item.modifiers);
    this.items.set(item.itemId, {
      item_id: item.itemId,
      round_id: roundId,
      product_id: item.productId,
      name: item.name.es,
      unit_price_cents: item.unitPriceCents,
      modifiers_cents: modifiers,
      qty: item.qty,
      status: 'ACTIVE',
      business_day: ctx.day,
    });
    this.dirtyItems.add(item.itemId);
    this.addProductSales(
      ctx.day,
      item.productId,
      item.name.es,
      item.qty,
      lineCents(item.unitPriceCents, modifiers, item.qty),
    );
  }

  private retireItem(item: ItemRow, status: string): void {
    if (item.status !== 'ACTIVE') return;
    item.status = status;
    this.dirtyItems.add(item.item_id);
    this.addProductSales(
      item.business_day,
      item.product_id,
      item.name,
      -item.qty,
      -lineCents(item.unit_price_cents, item.modifiers_cents, item.qty),
    );
  }

  private insertRound(
    ctx: ProjectionContext,
    d: { roundId: string; sessionId: string; number: number; source: string },
    status: 'DRAFT' | 'PLACED',
  ): void {
    if (this.rounds.has(d.roundId)) return;
    this.rounds.set(d.roundId, {
      round_id: d.roundId,
      session_id: d.sessionId,
      number: d.number,
      source: d.source,
      status,
      business_day: ctx.day,
    });
    this.dirtyRounds.add(d.roundId);
  }

  private updateSession(sessionId: string, change: (s: SessionRow) => void): void {
    const s = this.sessions.get(sessionId);
    if (s === undefined) return; // UPDATE … WHERE matched nothing
    change(s);
    this.dirtySessions.add(sessionId);
  }

  /** One validated event, in seq order: the same decisions as projectEvent, on the rows in memory. */
  apply(ctx: ProjectionContext, event: DomainEvent): void {
    const { day } = ctx;
    switch (event.type) {
      case 'SessionOpened': {
        const d = event.data;
        if (this.sessions.has(d.sessionId)) return;
        this.sessions.set(d.sessionId, {
          session_id: d.sessionId,
          table_id: d.tableId,
          guests: d.guests,
          status: 'OPEN',
          opened_at: ctx.occurredAt,
          closed_at: null,
          business_day: null,
          total_cents: 0,
          paid_cents: 0,
          tips_cents: 0,
        });
        this.dirtySessions.add(d.sessionId);
        return;
      }
      case 'GuestsUpdated':
        return this.updateSession(event.data.sessionId, (s) => (s.guests = event.data.guests));
      case 'SessionTransferred':
        return this.updateSession(event.data.sessionId, (s) => (s.table_id = event.data.toTableId));
      case 'SessionMerged':
      case 'SessionVoided':
        return this.updateSession(event.data.sessionId, (s) => {
          s.status = event.type === 'SessionMerged' ? 'MERGED' : 'VOIDED';
          s.closed_at = ctx.occurredAt;
        });
      case 'SessionClosed': {
        const d = event.data;
        this.updateSession(d.sessionId, (s) => {
          Object.assign(s, {
            status: 'CLOSED',
            closed_at: ctx.occurredAt,
            business_day: day,
            total_cents: d.totalCents,
            paid_cents: d.paidCents,
            tips_cents: d.tipsCents,
          });
        });
        this.addDaily(day, { revenue_cents: d.totalCents, sessions_closed: 1 });
        return;
      }
      case 'PaymentRecorded': {
        const d = event.data;
        if (this.payments.has(d.paymentId)) return;
        this.payments.set(d.paymentId, {
          payment_id: d.paymentId,
          session_id: d.sessionId,
          method: d.method,
          amount_cents: d.amountCents,
          tip_cents: d.tipCents,
          refunded_cents: 0,
          business_day: day,
        });
        this.dirtyPayments.add(d.paymentId);
        this.addDaily(day, { payments_cents: d.amountCents, tips_cents: d.tipCents });
        return;
      }
      case 'PaymentRefunded': {
        const d = event.data;
        const payment = this.payments.get(d.paymentId);
        if (payment !== undefined) {
          payment.refunded_cents += d.amountCents;
          this.dirtyPayments.add(d.paymentId);
        }
        this.addDaily(day, { refunds_cents: d.amountCents });
        return;
      }
      case 'RoundCreated':
        return this.insertRound(ctx, event.data, 'DRAFT');
      case 'RoundPlaced': {
        const d = event.data;
        this.insertRound(ctx, d, 'PLACED');
        for (const item of d.items) this.insertItem(ctx, d.roundId, item);
        this.addDaily(day, { rounds_placed: 1 });
        return;
      }
      case 'RoundSubmitted': {
        const round = this.rounds.get(event.data.roundId);
        if (round === undefined || round.status !== 'DRAFT') return;
        round.status = 'PLACED';
        this.dirtyRounds.add(round.round_id);
        this.addDaily(day, { rounds_placed: 1 });
        return;
      }
      case 'ItemAdded':
        return this.insertItem(ctx, event.data.roundId, event.data.item);
      case 'ItemUpdated': {
        const item = this.items.get(event.data.itemId);
        if (item === undefined || item.status !== 'ACTIVE') return;
        const modifiers = modifiersOf(event.data.modifiers);
        const before = lineCents(item.unit_price_cents, item.modifiers_cents, item.qty);
        const qtyDelta = event.data.qty - item.qty;
        item.qty = event.data.qty;
        item.modifiers_cents = modifiers;
        this.dirtyItems.add(item.item_id);
        this.addProductSales(
          item.business_day,
          item.product_id,
          item.name,
          qtyDelta,
          lineCents(item.unit_price_cents, modifiers, event.data.qty) - before,
        );
        return;
      }
      case 'ItemRemoved':
      case 'ItemVoided': {
        const item = this.items.get(event.data.itemId);
        if (item === undefined) return;
        const voided = event.type === 'ItemVoided' && item.status === 'ACTIVE';
        const qty = item.qty;
        this.retireItem(item, event.type === 'ItemVoided' ? 'VOIDED' : 'REMOVED');
        if (voided) this.addDaily(day, { items_voided: qty });
        return;
      }
      case 'RoundCanceled': {
        const round = this.rounds.get(event.data.roundId);
        if (round === undefined || round.status === 'CANCELED') return;
        round.status = 'CANCELED';
        this.dirtyRounds.add(round.round_id);
        for (const item of this.items.values()) {
          if (item.round_id === round.round_id && item.status === 'ACTIVE') this.retireItem(item, 'CANCELED');
        }
        this.addDaily(day, { rounds_canceled: 1 });
        return;
      }
      case 'RoundMoved': {
        const round = this.rounds.get(event.data.roundId);
        if (round === undefined) return;
        round.session_id = event.data.toSessionId;
        this.dirtyRounds.add(round.round_id);
        return;
      }
      default:
        return;
    }
  }

  /**
   * What changed, as upserts for one multi-statement write (see combineWrites): one per table, its rows
   * in one JSON document. `$1` is the branch id.
   */
  writes(): BatchWrite[] {
    const out: BatchWrite[] = [];
    const pick = <T>(map: Map<string, T>, keys: Set<string>): T[] => [...keys].map((k) => map.get(k)!);
    if (this.dirtySessions.size > 0) {
      out.push({
        rows: pick(this.sessions, this.dirtySessions),
        sql: (
          doc,
        ) => `INSERT INTO proj_sessions (branch_id, session_id, table_id, guests, status, opened_at, closed_at, business_day, total_cents, paid_cents, tips_cents)
         SELECT $1, x.session_id, x.table_id, x.guests, x.status, x.opened_at, x.closed_at, x.business_day, x.total_cents, x.paid_cents, x.tips_cents
           FROM json_to_recordset(${doc}) AS x(session_id text, table_id text, guests integer, status text, opened_at text,
                closed_at text, business_day text, total_cents bigint, paid_cents bigint, tips_cents bigint)
         ON CONFLICT (branch_id, session_id) DO UPDATE SET table_id = EXCLUDED.table_id, guests = EXCLUDED.guests,
           status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, business_day = EXCLUDED.business_day,
           total_cents = EXCLUDED.total_cents, paid_cents = EXCLUDED.paid_cents, tips_cents = EXCLUDED.tips_cents`,
      });
    }
    if (this.dirtyRounds.size > 0) {
      out.push({
        rows: pick(this.rounds, this.dirtyRounds),
        sql: (
          doc,
        ) => `INSERT INTO proj_rounds (branch_id, round_id, session_id, number, source, status, business_day)
         SELECT $1, x.round_id, x.session_id, x.number, x.source, x.status, x.business_day
           FROM json_to_recordset(${doc}) AS x(round_id text, session_id text, number integer, source text, status text, business_day text)
         ON CONFLICT (branch_id, round_id) DO UPDATE SET session_id = EXCLUDED.session_id, status = EXCLUDED.status`,
      });
    }
    if (this.dirtyItems.size > 0) {
      out.push({
        rows: pick(this.items, this.dirtyItems),
        sql: (
          doc,
        ) => `INSERT INTO proj_round_items (branch_id, item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day)
         SELECT $1, x.item_id, x.round_id, x.product_id, x.name, x.unit_price_cents, x.modifiers_cents, x.qty, x.status, x.business_day
           FROM json_to_recordset(${doc}) AS x(item_id text, round_id text, product_id text, name text, unit_price_cents bigint,
                modifiers_cents bigint, qty integer, status text, business_day text)
         ON CONFLICT (branch_id, item_id) DO UPDATE SET modifiers_cents = EXCLUDED.modifiers_cents, qty = EXCLUDED.qty,
           status = EXCLUDED.status`,
      });
    }
    if (this.dirtyPayments.size > 0) {
      out.push({
        rows: pick(this.payments, this.dirtyPayments),
        sql: (
          doc,
        ) => `INSERT INTO proj_payments (branch_id, payment_id, session_id, method, amount_cents, tip_cents, refunded_cents, business_day)
         SELECT $1, x.payment_id, x.session_id, x.method, x.amount_cents, x.tip_cents, x.refunded_cents, x.business_day
           FROM json_to_recordset(${doc}) AS x(payment_id text, session_id text, method text, amount_cents bigint, tip_cents bigint,
                refunded_cents bigint, business_day text)
         ON CONFLICT (branch_id, payment_id) DO UPDATE SET refunded_cents = EXCLUDED.refunded_cents`,
      });
    }
    if (this.daily.size > 0) {
      const cols = DAILY_COLUMNS.join(', ');
      out.push({
        rows: [...this.daily.values()],
        sql: (doc) => `INSERT INTO proj_branch_daily (branch_id, business_day, ${cols})
         SELECT $1, x.business_day, ${DAILY_COLUMNS.map((c) => `x.${c}`).join(', ')}
           FROM json_to_recordset(${doc}) AS x(business_day text, ${DAILY_COLUMNS.map((c) => `${c} bigint`).join(', ')})
         ON CONFLICT (branch_id, business_day) DO UPDATE SET ${DAILY_COLUMNS.map((c) => `${c} = proj_branch_daily.${c} + EXCLUDED.${c}`).join(', ')}`,
      });
    }
    if (this.products.size > 0) {
      out.push({
        rows: [...this.products.values()],
        sql: (
          doc,
        ) => `INSERT INTO proj_product_sales (branch_id, business_day, product_id, name, qty, sales_cents)
         SELECT $1, x.business_day, x.product_id, x.name, x.qty, x.sales_cents
           FROM json_to_recordset(${doc}) AS x(business_day text, product_id text, name text, qty bigint, sales_cents bigint)
         ON CONFLICT (branch_id, business_day, product_id)
         DO UPDATE SET qty = proj_product_sales.qty + EXCLUDED.qty, sales_cents = proj_product_sales.sales_cents + EXCLUDED.sales_cents`,
      });
    }
    return out;
  }
}

/** One INSERT/upsert of a batch write: `sql` gets the placeholder of its rows' JSON document. */
export interface BatchWrite {
  rows: unknown[];
  sql(doc: string): string;
}

/**
 * Several writes as ONE statement (data-modifying CTEs: each runs exactly once, all or none), so a
 * batch costs one round trip however many tables it touches. The shared params come first.
 * Documents are `json`, not `jsonb`: json_to_recordset picks each row's fields out of the text without
 * first building (and key-sorting) a jsonb tree, and the events' data lands in its json column verbatim.
 */
export async function runWrites(
  tx: SqlRunner,
  shared: unknown[],
  writes: readonly BatchWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  const params = [...shared];
  const ctes = writes.map((w, i) => {
    params.push(JSON.stringify(w.rows));
    return `w${i} AS (${w.sql(`$${params.length}::json`)})`;
  });
  await tx.query(`WITH ${ctes.join(',\n')} SELECT 1`, params);
}
