// The owner projections for a whole batch at once: the rows the batch touches are read with the batch's
// state, in one statement (projection-rows.ts), every event is applied in memory in seq order with
// exactly the rules of project-event.ts, and each table is written back with one multi-row INSERT of
// the rows the batch made and one UPDATE of the rows it changed (batch-upserts.ts).
// Counters (per day, per product-day) are summed per key first, so a busy product is upserted once per
// batch instead of once per item.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { RoundItemData } from '../../protocol/events/round-events.js';
import { projectionUpserts, type BranchSettingsRow } from './batch-upserts.js';
import type { BatchWrite } from './batch-write.js';
import {
  isLiveItem,
  itemStatusIn,
  submittedStatus,
  type ProjectionContext,
  type RoundStatus,
} from './project-event.js';
import {
  type DailyRow,
  type LoadedItemRow,
  type ProductSales,
  type ProjectionRows,
  type SessionRow,
} from './projection-rows.js';
import { DAILY_COLUMNS, type DailyColumn } from './projection-writes.js';

const lineCents = (unit: number, modifiers: number, qty: number): number => (unit + modifiers) * qty;
const modifiersOf = (mods: readonly { priceDeltaCents: number }[]): number =>
  mods.reduce((sum, m) => sum + m.priceDeltaCents, 0);

export class BatchProjection {
  private readonly dirty = {
    sessions: new Set<string>(),
    rounds: new Set<string>(),
    items: new Set<string>(),
    payments: new Set<string>(),
  };
  /** The rows this batch made (each also dirty): inserted, where the rows it read are updated. */
  private readonly created = {
    sessions: new Set<string>(),
    rounds: new Set<string>(),
    items: new Set<string>(),
    payments: new Set<string>(),
  };
  private readonly daily = new Map<string, DailyRow>();
  private readonly products = new Map<string, ProductSales>();
  /** The last settings event of the batch, written to the branch row. */
  private branch: BranchSettingsRow | undefined;

  /** `rows`: every existing row the batch can touch, read under the lock (projectionRowsSelect). */
  constructor(private readonly rows: ProjectionRows) {}

  private addDaily(day: string, deltas: Partial<Record<DailyColumn, number>>): void {
    // Like addDaily in projection-writes.ts: a row exists once any column got a non-zero change, even if
    // the sums end at zero.
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
    if (this.rows.items.has(item.itemId)) return; // ON CONFLICT DO NOTHING
    const modifiers = modifiersOf(item.modifiers);
    const status = itemStatusIn(this.rows.rounds.get(roundId)?.status);
    this.rows.items.set(item.itemId, {
      item_id: item.itemId,
      round_id: roundId,
      product_id: item.productId,
      name: item.name.es,
      unit_price_cents: item.unitPriceCents,
      modifiers_cents: modifiers,
      qty: item.qty,
      status,
      business_day: ctx.day,
    });
    this.dirty.items.add(item.itemId);
    this.created.items.add(item.itemId);
    if (status === 'DRAFT') return;
    this.addProductSales(
      ctx.day,
      item.productId,
      item.name.es,
      item.qty,
      lineCents(item.unitPriceCents, modifiers, item.qty),
    );
  }

  private retireItem(item: LoadedItemRow, status: string): void {
    if (!isLiveItem(item.status)) return;
    const counted = item.status === 'ACTIVE';
    item.status = status;
    this.dirty.items.add(item.item_id);
    if (!counted) return;
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
    status: RoundStatus,
  ): void {
    if (this.rows.rounds.has(d.roundId)) return;
    this.rows.rounds.set(d.roundId, {
      round_id: d.roundId,
      session_id: d.sessionId,
      number: d.number,
      source: d.source,
      status,
      business_day: ctx.day,
    });
    this.dirty.rounds.add(d.roundId);
    this.created.rounds.add(d.roundId);
  }

  private updateSession(sessionId: string, change: (s: SessionRow) => void): void {
    const s = this.rows.sessions.get(sessionId);
    if (s === undefined) return; // UPDATE … WHERE matched nothing
    change(s);
    this.dirty.sessions.add(sessionId);
  }

  /** One validated event, in seq order: the same decisions as projectEvent, on the rows in memory. */
  apply(ctx: ProjectionContext, event: DomainEvent): void {
    const { day } = ctx;
    switch (event.type) {
      case 'SessionOpened': {
        const d = event.data;
        if (this.rows.sessions.has(d.sessionId)) return;
        this.rows.sessions.set(d.sessionId, {
          session_id: d.sessionId,
          table_id: d.tableId,
          guests: d.guests,
          status: 'OPEN',
          opened_at: ctx.occurredAt,
          closed_at: null,
          business_day: null,
          closed_hour: null,
          total_cents: 0,
          paid_cents: 0,
          tips_cents: 0,
        });
        this.dirty.sessions.add(d.sessionId);
        this.created.sessions.add(d.sessionId);
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
            closed_hour: ctx.hour,
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
        if (this.rows.payments.has(d.paymentId)) return;
        this.rows.payments.set(d.paymentId, {
          payment_id: d.paymentId,
          session_id: d.sessionId,
          method: d.method,
          amount_cents: d.amountCents,
          tip_cents: d.tipCents,
          refunded_cents: 0,
          business_day: day,
        });
        this.dirty.payments.add(d.paymentId);
        this.created.payments.add(d.paymentId);
        this.addDaily(day, { payments_cents: d.amountCents, tips_cents: d.tipCents });
        return;
      }
      case 'PaymentRefunded': {
        const d = event.data;
        const payment = this.rows.payments.get(d.paymentId);
        if (payment !== undefined) {
          payment.refunded_cents += d.amountCents;
          this.dirty.payments.add(d.paymentId);
        }
        this.addDaily(day, { refunds_cents: d.amountCents });
        return;
      }
      case 'RoundCreated':
        return this.insertRound(ctx, event.data, 'DRAFT');
      case 'RoundPlaced': {
        const d = event.data;
        this.insertRound(ctx, d, submittedStatus(d.needsConfirmation));
        for (const item of d.items) this.insertItem(ctx, d.roundId, item);
        this.addDaily(day, { rounds_placed: 1 });
        return;
      }
      case 'RoundSubmitted': {
        const round = this.rows.rounds.get(event.data.roundId);
        if (round === undefined || round.status !== 'DRAFT') return;
        round.status = submittedStatus(event.data.needsConfirmation);
        this.dirty.rounds.add(round.round_id);
        this.addDaily(day, { rounds_placed: 1 });
        // The cart's lines become ordered today, as placeDraftItems does.
        for (const item of this.rows.items.values()) {
          if (item.round_id !== round.round_id || item.status !== 'DRAFT') continue;
          item.status = 'ACTIVE';
          item.business_day = day;
          this.dirty.items.add(item.item_id);
          this.addProductSales(
            day,
            item.product_id,
            item.name,
            item.qty,
            lineCents(item.unit_price_cents, item.modifiers_cents, item.qty),
          );
        }
        return;
      }
      case 'RoundSentToKitchen': {
        const round = this.rows.rounds.get(event.data.roundId);
        if (round === undefined || round.status !== 'SUBMITTED') return;
        round.status = 'PLACED';
        this.dirty.rounds.add(round.round_id);
        return;
      }
      case 'ItemAdded':
        return this.insertItem(ctx, event.data.roundId, event.data.item);
      case 'ItemUpdated': {
        const item = this.rows.items.get(event.data.itemId);
        if (item === undefined || !isLiveItem(item.status)) return;
        const modifiers = modifiersOf(event.data.modifiers);
        const before = lineCents(item.unit_price_cents, item.modifiers_cents, item.qty);
        const qtyDelta = event.data.qty - item.qty;
        item.qty = event.data.qty;
        item.modifiers_cents = modifiers;
        this.dirty.items.add(item.item_id);
        if (item.status !== 'ACTIVE') return;
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
        const item = this.rows.items.get(event.data.itemId);
        if (item === undefined) return;
        const voided = event.type === 'ItemVoided' && item.status === 'ACTIVE';
        const qty = item.qty;
        this.retireItem(item, event.type === 'ItemVoided' ? 'VOIDED' : 'REMOVED');
        if (voided) this.addDaily(day, { items_voided: qty });
        return;
      }
      case 'RoundCanceled': {
        const round = this.rows.rounds.get(event.data.roundId);
        if (round === undefined || round.status === 'CANCELED') return;
        round.status = 'CANCELED';
        this.dirty.rounds.add(round.round_id);
        for (const item of this.rows.items.values()) {
          if (item.round_id === round.round_id) this.retireItem(item, 'CANCELED');
        }
        this.addDaily(day, { rounds_canceled: 1 });
        return;
      }
      case 'RoundMoved': {
        const round = this.rows.rounds.get(event.data.roundId);
        if (round === undefined) return;
        round.session_id = event.data.toSessionId;
        this.dirty.rounds.add(round.round_id);
        return;
      }
      case 'BranchInitialized':
      case 'BranchSettingsUpdated': {
        const st = event.data.settings;
        this.branch = {
          time_zone: st.timeZone,
          business_day_starts_at_hour: st.businessDayStartsAtHour,
          currency: st.currency,
        };
        return;
      }
      default:
        return;
    }
  }

  /** What changed, as writes for runWrites (batch-upserts.ts); `$1` is the branch id. */
  writes(): BatchWrite[] {
    return projectionUpserts({
      rows: this.rows,
      dirty: this.dirty,
      created: this.created,
      daily: this.daily,
      products: this.products,
      branch: this.branch,
    });
  }
}
