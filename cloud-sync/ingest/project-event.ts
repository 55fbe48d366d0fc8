// Owner projections: how each applied event changes the read models, inside the ingest transaction.
// Sold = items still ACTIVE: removals, voids and canceled rounds take their quantity back out of the
// day the item was ordered. A line in a cart not yet submitted (round DRAFT) is DRAFT, not ordered: a
// cart nobody submits was never an order; its lines count on the day their round is submitted.
// Revenue = the sum of SessionClosed totals, on the business day the session closed.
import type { DomainEvent } from '../../protocol/events/event.js';
import type { RoundItemData } from '../../protocol/events/round-events.js';
import { toNumber, type SqlRunner } from '../db/cloud-db.js';
import { addDaily, addProductSales, type ItemRow } from './projection-writes.js';

export interface ProjectionContext {
  branchId: string;
  /** The branch's business day of the hub's occurredAt (protocol/business-time.ts). */
  day: string;
  /** The branch's local wall-clock hour of occurredAt. */
  hour: number;
  occurredAt: string;
}

export type RoundStatus = 'DRAFT' | 'SUBMITTED' | 'PLACED' | 'CANCELED';

/** A round leaves DRAFT as SUBMITTED when a waiter must confirm it first, else PLACED. */
export const submittedStatus = (needsConfirmation: boolean): RoundStatus =>
  needsConfirmation ? 'SUBMITTED' : 'PLACED';

/** A line added to a cart is DRAFT until the cart is submitted; anywhere else (even an unknown round) it is ordered. */
export const itemStatusIn = (roundStatus: string | undefined): 'DRAFT' | 'ACTIVE' =>
  roundStatus === 'DRAFT' ? 'DRAFT' : 'ACTIVE';

/** Lines a removal, void or cancellation still changes. */
export const isLiveItem = (status: string): boolean => status === 'ACTIVE' || status === 'DRAFT';

function lineCents(unit: number, modifiers: number, qty: number): number {
  return (unit + modifiers) * qty;
}

async function insertItem(
  tx: SqlRunner,
  ctx: ProjectionContext,
  roundId: string,
  item: RoundItemData,
): Promise<void> {
  const modifiers = item.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0);
  const round = await tx.query<{ status: string }>(
    'SELECT status FROM proj_rounds WHERE branch_id = $1 AND round_id = $2',
    [ctx.branchId, roundId],
  );
  const status = itemStatusIn(round[0]?.status);
  const inserted = await tx.query(
    `INSERT INTO proj_round_items (branch_id, item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, $9) ON CONFLICT DO NOTHING RETURNING item_id`,
    [
      ctx.branchId,
      item.itemId,
      roundId,
      item.productId,
      item.name.es,
      item.unitPriceCents,
      modifiers,
      item.qty,
      ctx.day,
      status,
    ],
  );
  if (inserted.length === 0 || status === 'DRAFT') return;
  await addProductSales(tx, {
    branchId: ctx.branchId,
    day: ctx.day,
    productId: item.productId,
    name: item.name.es,
    qty: item.qty,
    cents: lineCents(item.unitPriceCents, modifiers, item.qty),
  });
}

async function itemOf(tx: SqlRunner, branchId: string, itemId: string): Promise<ItemRow | undefined> {
  const rows = await tx.query<ItemRow>(
    'SELECT * FROM proj_round_items WHERE branch_id = $1 AND item_id = $2',
    [branchId, itemId],
  );
  return rows[0];
}

/** Takes a live item (ACTIVE, or DRAFT which was never counted) out of the sales figures, with a new status. */
async function retireItem(
  tx: SqlRunner,
  ctx: ProjectionContext,
  item: ItemRow,
  status: string,
): Promise<void> {
  if (!isLiveItem(item.status)) return;
  await tx.query('UPDATE proj_round_items SET status = $3 WHERE branch_id = $1 AND item_id = $2', [
    ctx.branchId,
    item.item_id,
    status,
  ]);
  if (item.status !== 'ACTIVE') return;
  await addProductSales(tx, {
    branchId: ctx.branchId,
    day: item.business_day,
    productId: item.product_id,
    name: item.name,
    qty: -item.qty,
    cents: -lineCents(toNumber(item.unit_price_cents), toNumber(item.modifiers_cents), item.qty),
  });
}

async function insertRound(
  tx: SqlRunner,
  ctx: ProjectionContext,
  d: { roundId: string; sessionId: string; number: number; source: string },
  status: RoundStatus,
): Promise<void> {
  await tx.query(
    `INSERT INTO proj_rounds (branch_id, round_id, session_id, number, source, status, business_day)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [ctx.branchId, d.roundId, d.sessionId, d.number, d.source, status, ctx.day],
  );
}

/**
 * Makes a round's DRAFT lines ordered, on the day it is submitted (the day the cart became an order),
 * and gives back the lines whose sales must now be counted.
 */
async function placeDraftItems(tx: SqlRunner, ctx: ProjectionContext, roundId: string): Promise<ItemRow[]> {
  return tx.query<ItemRow>(
    `UPDATE proj_round_items SET status = 'ACTIVE', business_day = $3
      WHERE branch_id = $1 AND round_id = $2 AND status = 'DRAFT' RETURNING *`,
    [ctx.branchId, roundId, ctx.day],
  );
}

/** Applies one validated event. Events the owner views do not use (kitchen, printers, catalog) pass through. */
export async function projectEvent(tx: SqlRunner, ctx: ProjectionContext, event: DomainEvent): Promise<void> {
  const { branchId, day } = ctx;
  switch (event.type) {
    case 'SessionOpened': {
      const d = event.data;
      await tx.query(
        `INSERT INTO proj_sessions (branch_id, session_id, table_id, guests, status, opened_at)
         VALUES ($1, $2, $3, $4, 'OPEN', $5) ON CONFLICT DO NOTHING`,
        [branchId, d.sessionId, d.tableId, d.guests, ctx.occurredAt],
      );
      return;
    }
    case 'GuestsUpdated':
      await tx.query('UPDATE proj_sessions SET guests = $3 WHERE branch_id = $1 AND session_id = $2', [
        branchId,
        event.data.sessionId,
        event.data.guests,
      ]);
      return;
    case 'SessionTransferred':
      await tx.query('UPDATE proj_sessions SET table_id = $3 WHERE branch_id = $1 AND session_id = $2', [
        branchId,
        event.data.sessionId,
        event.data.toTableId,
      ]);
      return;
    case 'SessionMerged':
    case 'SessionVoided':
      await tx.query(
        'UPDATE proj_sessions SET status = $3, closed_at = $4 WHERE branch_id = $1 AND session_id = $2',
        [
          branchId,
          event.data.sessionId,
          event.type === 'SessionMerged' ? 'MERGED' : 'VOIDED',
          ctx.occurredAt,
        ],
      );
      return;
    case 'SessionClosed': {
      const d = event.data;
      await tx.query(
        `UPDATE proj_sessions SET status = 'CLOSED', closed_at = $3, business_day = $4, total_cents = $5, paid_cents = $6, tips_cents = $7,
           closed_hour = $8
         WHERE branch_id = $1 AND session_id = $2`,
        [branchId, d.sessionId, ctx.occurredAt, day, d.totalCents, d.paidCents, d.tipsCents, ctx.hour],
      );
      await addDaily(tx, branchId, day, { revenue_cents: d.totalCents, sessions_closed: 1 });
      return;
    }
    case 'PaymentRecorded': {
      const d = event.data;
      const inserted = await tx.query(
        `INSERT INTO proj_payments (branch_id, payment_id, session_id, method, amount_cents, tip_cents, business_day)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING payment_id`,
        [branchId, d.paymentId, d.sessionId, d.method, d.amountCents, d.tipCents, day],
      );
      if (inserted.length > 0)
        await addDaily(tx, branchId, day, { payments_cents: d.amountCents, tips_cents: d.tipCents });
      return;
    }
    case 'PaymentRefunded': {
      const d = event.data;
      await tx.query(
        'UPDATE proj_payments SET refunded_cents = refunded_cents + $3 WHERE branch_id = $1 AND payment_id = $2',
        [branchId, d.paymentId, d.amountCents],
      );
      await addDaily(tx, branchId, day, { refunds_cents: d.amountCents });
      return;
    }
    case 'RoundCreated':
      await insertRound(tx, ctx, event.data, 'DRAFT');
      return;
    case 'RoundPlaced': {
      const d = event.data;
      await insertRound(tx, ctx, d, submittedStatus(d.needsConfirmation));
      for (const item of d.items) await insertItem(tx, ctx, d.roundId, item);
      await addDaily(tx, branchId, day, { rounds_placed: 1 });
      return;
    }
    case 'RoundSubmitted': {
      const placed = await tx.query(
        `UPDATE proj_rounds SET status = $3 WHERE branch_id = $1 AND round_id = $2 AND status = 'DRAFT' RETURNING round_id`,
        [branchId, event.data.roundId, submittedStatus(event.data.needsConfirmation)],
      );
      if (placed.length === 0) return;
      await addDaily(tx, branchId, day, { rounds_placed: 1 });
      for (const item of await placeDraftItems(tx, ctx, event.data.roundId)) {
        await addProductSales(tx, {
          branchId,
          day,
          productId: item.product_id,
          name: item.name,
          qty: item.qty,
          cents: lineCents(toNumber(item.unit_price_cents), toNumber(item.modifiers_cents), item.qty),
        });
      }
      return;
    }
    case 'RoundSentToKitchen':
      // A waiter confirmed a diner's round (or a round that never waited went to the kitchen).
      await tx.query(
        `UPDATE proj_rounds SET status = 'PLACED' WHERE branch_id = $1 AND round_id = $2 AND status = 'SUBMITTED'`,
        [branchId, event.data.roundId],
      );
      return;
    case 'ItemAdded':
      await insertItem(tx, ctx, event.data.roundId, event.data.item);
      return;
    case 'ItemUpdated': {
      const item = await itemOf(tx, branchId, event.data.itemId);
      if (item === undefined || !isLiveItem(item.status)) return;
      const qtyDelta = event.data.qty - item.qty;
      const modifiers = event.data.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0);
      const unit = toNumber(item.unit_price_cents);
      await tx.query(
        'UPDATE proj_round_items SET qty = $3, modifiers_cents = $4 WHERE branch_id = $1 AND item_id = $2',
        [branchId, item.item_id, event.data.qty, modifiers],
      );
      if (item.status !== 'ACTIVE') return;
      await addProductSales(tx, {
        branchId,
        day: item.business_day,
        productId: item.product_id,
        name: item.name,
        qty: qtyDelta,
        cents:
          lineCents(unit, modifiers, event.data.qty) -
          lineCents(unit, toNumber(item.modifiers_cents), item.qty),
      });
      return;
    }
    case 'ItemRemoved':
    case 'ItemVoided': {
      const item = await itemOf(tx, branchId, event.data.itemId);
      if (item === undefined) return;
      const voided = event.type === 'ItemVoided' && item.status === 'ACTIVE';
      await retireItem(tx, ctx, item, event.type === 'ItemVoided' ? 'VOIDED' : 'REMOVED');
      if (voided) await addDaily(tx, branchId, day, { items_voided: item.qty });
      return;
    }
    case 'RoundCanceled': {
      const canceled = await tx.query(
        `UPDATE proj_rounds SET status = 'CANCELED' WHERE branch_id = $1 AND round_id = $2 AND status <> 'CANCELED' RETURNING round_id`,
        [branchId, event.data.roundId],
      );
      if (canceled.length === 0) return;
      const items = await tx.query<ItemRow>(
        `SELECT * FROM proj_round_items WHERE branch_id = $1 AND round_id = $2 AND status IN ('ACTIVE', 'DRAFT')`,
        [branchId, event.data.roundId],
      );
      for (const item of items) await retireItem(tx, ctx, item, 'CANCELED');
      await addDaily(tx, branchId, day, { rounds_canceled: 1 });
      return;
    }
    case 'RoundMoved':
      await tx.query('UPDATE proj_rounds SET session_id = $3 WHERE branch_id = $1 AND round_id = $2', [
        branchId,
        event.data.roundId,
        event.data.toSessionId,
      ]);
      return;
    case 'BranchInitialized':
    case 'BranchSettingsUpdated': {
      // The settings the owner figures depend on; later events of this batch already use them (branch-clock.ts).
      const st = event.data.settings;
      await tx.query(
        'UPDATE branches SET time_zone = $2, business_day_starts_at_hour = $3, currency = $4 WHERE id = $1',
        [branchId, st.timeZone, st.businessDayStartsAtHour, st.currency],
      );
      return;
    }
    default:
      return;
  }
}
