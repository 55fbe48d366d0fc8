// The owner-projection rows a batch can touch, as the batched path holds them in memory: their shapes,
// the ids a batch of events refers to, and the select-list that reads every such row that exists.
import type { DomainEvent } from '../../protocol/events/event.js';
import { toNumber } from '../db/cloud-db.js';
import type { DailyColumn } from './projection-writes.js';

export interface SessionRow {
  session_id: string;
  table_id: string;
  guests: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  business_day: string | null;
  closed_hour: number | null;
  total_cents: number;
  paid_cents: number;
  tips_cents: number;
}

export interface RoundRow {
  round_id: string;
  session_id: string;
  number: number;
  source: string;
  status: string;
  business_day: string;
}

export interface LoadedItemRow {
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

export interface PaymentRow {
  payment_id: string;
  session_id: string;
  method: string;
  amount_cents: number;
  tip_cents: number;
  refunded_cents: number;
  business_day: string;
}

export interface ProductSales {
  business_day: string;
  product_id: string;
  /** The name of the first change: a new row keeps it, as the one-by-one upsert does. */
  name: string;
  qty: number;
  sales_cents: number;
}

export type DailyRow = { business_day: string } & Record<DailyColumn, number>;

/** The keyed rows of the four entity projections, by their ids. */
export interface ProjectionRows {
  sessions: Map<string, SessionRow>;
  rounds: Map<string, RoundRow>;
  items: Map<string, LoadedItemRow>;
  payments: Map<string, PaymentRow>;
}

const ITEM_COLUMNS =
  'item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day';

/** The ids a batch reads or writes, so its rows can be loaded in one statement per table. */
function referencedIds(inputs: readonly { event: DomainEvent }[]) {
  const sessions = new Set<string>();
  const rounds = new Set<string>();
  const items = new Set<string>();
  // Rounds whose every item the batch may change: canceled ones, and submitted ones (their DRAFT lines).
  const wholeRounds = new Set<string>();
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
      case 'RoundSentToKitchen':
      case 'RoundMoved':
        rounds.add(event.data.roundId);
        break;
      case 'RoundSubmitted':
        rounds.add(event.data.roundId);
        wholeRounds.add(event.data.roundId);
        break;
      case 'RoundPlaced':
        rounds.add(event.data.roundId);
        for (const item of event.data.items) items.add(item.itemId);
        break;
      case 'ItemAdded':
        items.add(event.data.item.itemId);
        rounds.add(event.data.roundId); // a line in a DRAFT round is not ordered yet
        break;
      case 'ItemUpdated':
      case 'ItemRemoved':
      case 'ItemVoided':
        items.add(event.data.itemId);
        break;
      case 'RoundCanceled':
        rounds.add(event.data.roundId);
        wholeRounds.add(event.data.roundId);
        break;
      default:
        break;
    }
  }
  return { sessions, rounds, items, wholeRounds, payments };
}

/**
 * The select-list of the read of every existing row the batch can touch: four json columns (s, r, i,
 * p), with the branch id at placeholder `$first` and the id lists after it. It rides in the statement
 * that reads the batch's state (loadState), so however big the batch, all of it is one round trip.
 */
export function projectionRowsSelect(
  branchId: string,
  inputs: readonly { event: DomainEvent }[],
  first: number,
): { select: string; params: unknown[] } {
  const ids = referencedIds(inputs);
  const $ = (k: number) => `$${first + k}`;
  // One primary-key probe per id, forced by LATERAL … LIMIT 1 / OFFSET 0 (subqueries the planner
  // cannot flatten): with `= ANY(array)` and stale stats it scanned the branch's whole range instead
  // (see PROBE_BY_SEQ in batch-state.ts). Items of canceled and submitted rounds are the one non-unique lookup.
  return {
    select: `(SELECT json_agg(t) FROM unnest(${$(1)}::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT session_id, table_id, guests, status, opened_at, closed_at, business_day, closed_hour, total_cents,
                    paid_cents, tips_cents FROM proj_sessions WHERE branch_id = ${$(0)} AND session_id = x.v LIMIT 1) t) AS s,
         (SELECT json_agg(t) FROM unnest(${$(2)}::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT round_id, session_id, number, source, status, business_day FROM proj_rounds
              WHERE branch_id = ${$(0)} AND round_id = x.v LIMIT 1) t) AS r,
         (SELECT json_agg(t) FROM (
            SELECT t.* FROM unnest(${$(3)}::text[]) AS x(v) CROSS JOIN LATERAL
              (SELECT ${ITEM_COLUMNS} FROM proj_round_items WHERE branch_id = ${$(0)} AND item_id = x.v LIMIT 1) t
            UNION
            SELECT t.* FROM unnest(${$(4)}::text[]) AS x(v) CROSS JOIN LATERAL
              (SELECT ${ITEM_COLUMNS} FROM proj_round_items WHERE branch_id = ${$(0)} AND round_id = x.v OFFSET 0) t) t) AS i,
         (SELECT json_agg(t) FROM unnest(${$(5)}::text[]) AS x(v) CROSS JOIN LATERAL
            (SELECT payment_id, session_id, method, amount_cents, tip_cents, refunded_cents, business_day
               FROM proj_payments WHERE branch_id = ${$(0)} AND payment_id = x.v LIMIT 1) t) AS p`,
    params: [
      branchId,
      [...ids.sessions],
      [...ids.rounds],
      [...ids.items],
      [...ids.wholeRounds],
      [...ids.payments],
    ],
  };
}

/** The rows from the four json columns of projectionRowsSelect. */
export function projectionRowsFrom(
  row: { s?: unknown; r?: unknown; i?: unknown; p?: unknown } | undefined,
): ProjectionRows {
  const loaded: ProjectionRows = {
    sessions: new Map(),
    rounds: new Map(),
    items: new Map(),
    payments: new Map(),
  };
  // json_agg gives NULL for no rows; both drivers hand back parsed JSON (bigints as JSON numbers).
  const rows = <T>(v: unknown): T[] => (v ?? []) as T[];
  for (const r of rows<SessionRow>(row?.s)) {
    loaded.sessions.set(r.session_id, {
      ...r,
      total_cents: toNumber(r.total_cents),
      paid_cents: toNumber(r.paid_cents),
      tips_cents: toNumber(r.tips_cents),
    });
  }
  for (const r of rows<RoundRow>(row?.r)) loaded.rounds.set(r.round_id, r);
  for (const r of rows<LoadedItemRow>(row?.i)) {
    loaded.items.set(r.item_id, {
      ...r,
      unit_price_cents: toNumber(r.unit_price_cents),
      modifiers_cents: toNumber(r.modifiers_cents),
    });
  }
  for (const r of rows<PaymentRow>(row?.p)) {
    loaded.payments.set(r.payment_id, {
      ...r,
      amount_cents: toNumber(r.amount_cents),
      tip_cents: toNumber(r.tip_cents),
      refunded_cents: toNumber(r.refunded_cents),
    });
  }
  return loaded;
}
