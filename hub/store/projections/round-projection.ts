// Projects round, item, kitchen ticket and service call events.
import { stmt } from '../statements.js';
import { staffIdOf, type ProjectorMap } from './projector-types.js';
import type Database from 'better-sqlite3';
import type { RoundItemData } from '../../../protocol/events/round-events.js';

type RoundEvents =
  | 'RoundPlaced'
  | 'RoundCreated'
  | 'ItemAdded'
  | 'ItemUpdated'
  | 'ItemRemoved'
  | 'RoundSubmitted'
  | 'RoundSentToKitchen'
  | 'ItemsFired'
  | 'ItemsReady'
  | 'ItemsUnready'
  | 'RoundReady'
  | 'RoundReopened'
  | 'ItemsServed'
  | 'RoundServed'
  | 'ItemVoided'
  | 'RoundCanceled'
  | 'RoundMoved'
  | 'TicketCreated'
  | 'TicketStarted'
  | 'TicketItemBumped'
  | 'TicketBumped'
  | 'TicketRecalled'
  | 'TicketVoided'
  | 'ServiceCallCreated'
  | 'ServiceCallAcknowledged'
  | 'ServiceCallResolved'
  | 'ServiceCallEscalated';

function setItemStatus(db: Database.Database, itemIds: readonly string[], status: string): void {
  if (itemIds.length === 0) return;
  stmt(db, 'UPDATE round_item SET status = ? WHERE id IN (SELECT value FROM json_each(?))').run(
    status,
    JSON.stringify(itemIds),
  );
}

function setRoundStatus(db: Database.Database, roundId: string, status: string): void {
  stmt(db, 'UPDATE round SET status = ? WHERE id = ?').run(status, roundId);
}

function insertItem(
  db: Database.Database,
  roundId: string,
  position: number,
  i: RoundItemData,
  status: string,
): void {
  // One INSERT per line: a multi-row INSERT needs a statement journal inside the command's savepoint and
  // measured slower, not faster.
  stmt(
    db,
    `INSERT INTO round_item (id, round_id, position, product_id, name_es, name_en, unit_price_cents, qty, modifiers,
       modifiers_cents, notes, diner_id, seat, course, station, tax_rate_bp, allergens, status, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    i.itemId,
    roundId,
    position,
    i.productId,
    i.name.es,
    i.name.en,
    i.unitPriceCents,
    i.qty,
    JSON.stringify(i.modifiers),
    i.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0),
    i.notes,
    i.dinerId,
    i.seat,
    i.course,
    i.station,
    i.taxRateBp,
    JSON.stringify(i.allergens),
    status,
    i.addedBy,
  );
}

/**
 * Points items at their ticket. One or two ids (the usual ticket) by primary key: json_each costs about two
 * primary-key updates by itself, so it only pays from three ids on.
 */
function setTicketOfItems(db: Database.Database, ticketId: string, itemIds: readonly string[]): void {
  if (itemIds.length <= 2) {
    for (const itemId of itemIds)
      stmt(db, 'UPDATE round_item SET ticket_id = ? WHERE id = ?').run(ticketId, itemId);
    return;
  }
  stmt(db, 'UPDATE round_item SET ticket_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(
    ticketId,
    JSON.stringify(itemIds),
  );
}

export const roundProjectors: ProjectorMap<RoundEvents> = {
  RoundPlaced: (db, e) => {
    const d = e.data;
    const status = d.needsConfirmation ? 'SUBMITTED' : 'IN_KITCHEN';
    stmt(
      db,
      `INSERT INTO round (id, branch_id, session_id, number, status, source, created_by, created_at, submitted_at, submitted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.roundId,
      e.branchId,
      d.sessionId,
      d.number,
      status,
      d.source,
      d.createdBy,
      e.occurredAt,
      e.occurredAt,
      d.createdBy,
    );
    stmt(db, 'UPDATE table_session SET round_count = ? WHERE id = ?').run(d.number, d.sessionId);
    const held = new Set(d.heldItemIds);
    d.items.forEach((item, position) => {
      const itemStatus = d.needsConfirmation ? 'PENDING' : held.has(item.itemId) ? 'HELD' : 'FIRED';
      insertItem(db, d.roundId, position, item, itemStatus);
    });
  },
  RoundCreated: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO round (id, branch_id, session_id, number, status, source, created_by, created_at)
       VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)`,
    ).run(d.roundId, e.branchId, d.sessionId, d.number, d.source, d.createdBy, e.occurredAt);
    stmt(db, 'UPDATE table_session SET round_count = ? WHERE id = ?').run(d.number, d.sessionId);
  },
  ItemAdded: (db, e) => {
    const { roundId, item } = e.data;
    const pos = stmt(db, 'SELECT coalesce(max(position) + 1, 0) AS n FROM round_item WHERE round_id = ?').get(
      roundId,
    ) as {
      n: number;
    };
    insertItem(db, roundId, pos.n, item, 'PENDING');
  },
  ItemUpdated: (db, e) => {
    const d = e.data;
    stmt(
      db,
      'UPDATE round_item SET qty = ?, notes = ?, modifiers = ?, modifiers_cents = ?, seat = ? WHERE id = ?',
    ).run(
      d.qty,
      d.notes,
      JSON.stringify(d.modifiers),
      d.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0),
      d.seat,
      d.itemId,
    );
  },
  ItemRemoved: (db, e) => {
    stmt(db, 'DELETE FROM round_item WHERE id = ?').run(e.data.itemId);
  },
  RoundSubmitted: (db, e) => {
    stmt(db, "UPDATE round SET status = 'SUBMITTED', submitted_at = ?, submitted_by = ? WHERE id = ?").run(
      e.occurredAt,
      e.data.submittedBy,
      e.data.roundId,
    );
  },
  RoundSentToKitchen: (db, e) => {
    setRoundStatus(db, e.data.roundId, 'IN_KITCHEN');
    setItemStatus(db, e.data.firedItemIds, 'FIRED');
    setItemStatus(db, e.data.heldItemIds, 'HELD');
  },
  ItemsFired: (db, e) => setItemStatus(db, e.data.itemIds, 'FIRED'),
  ItemsReady: (db, e) => setItemStatus(db, e.data.itemIds, 'READY'),
  ItemsUnready: (db, e) => setItemStatus(db, e.data.itemIds, 'FIRED'),
  RoundReady: (db, e) => {
    stmt(db, "UPDATE round SET status = 'READY', ready_at = ? WHERE id = ?").run(
      e.occurredAt,
      e.data.roundId,
    );
  },
  RoundReopened: (db, e) => {
    stmt(db, "UPDATE round SET status = 'IN_KITCHEN', ready_at = NULL WHERE id = ?").run(e.data.roundId);
  },
  ItemsServed: (db, e) => setItemStatus(db, e.data.itemIds, 'SERVED'),
  RoundServed: (db, e) => setRoundStatus(db, e.data.roundId, 'SERVED'),
  ItemVoided: (db, e) => {
    stmt(db, "UPDATE round_item SET status = 'VOIDED', void_reason = ? WHERE id = ?").run(
      e.data.reason,
      e.data.itemId,
    );
  },
  RoundCanceled: (db, e) => {
    stmt(db, "UPDATE round SET status = 'CANCELED', cancel_reason = ? WHERE id = ?").run(
      e.data.reason,
      e.data.roundId,
    );
    stmt(
      db,
      "UPDATE round_item SET status = 'VOIDED', void_reason = ? WHERE round_id = ? AND status != 'VOIDED'",
    ).run(e.data.reason || 'round canceled', e.data.roundId);
  },
  RoundMoved: (db, e) => {
    stmt(db, 'UPDATE round SET session_id = ? WHERE id = ?').run(e.data.toSessionId, e.data.roundId);
    stmt(db, 'UPDATE kitchen_ticket SET session_id = ? WHERE round_id = ?').run(
      e.data.toSessionId,
      e.data.roundId,
    );
  },
  TicketCreated: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO kitchen_ticket (id, branch_id, round_id, session_id, table_id, station, course, status, daily_number,
         business_day, created_at, bumped_item_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, '[]')`,
    ).run(
      d.ticketId,
      e.branchId,
      d.roundId,
      d.sessionId,
      d.tableId,
      d.station,
      d.course,
      d.dailyNumber,
      d.businessDay,
      e.occurredAt,
    );
    setTicketOfItems(db, d.ticketId, d.itemIds);
  },
  TicketStarted: (db, e) => {
    stmt(
      db,
      "UPDATE kitchen_ticket SET status = 'STARTED', started_at = coalesce(started_at, ?) WHERE id = ?",
    ).run(e.occurredAt, e.data.ticketId);
  },
  TicketItemBumped: (db, e) => {
    const row = stmt(db, 'SELECT bumped_item_ids FROM kitchen_ticket WHERE id = ?').get(e.data.ticketId) as {
      bumped_item_ids: string;
    };
    const ids = JSON.parse(row.bumped_item_ids) as string[];
    ids.push(e.data.itemId);
    stmt(
      db,
      "UPDATE kitchen_ticket SET bumped_item_ids = ?, status = 'STARTED', started_at = coalesce(started_at, ?) WHERE id = ?",
    ).run(JSON.stringify(ids), e.occurredAt, e.data.ticketId);
  },
  TicketBumped: (db, e) => {
    stmt(
      db,
      "UPDATE kitchen_ticket SET status = 'READY', ready_at = ?, started_at = coalesce(started_at, ?) WHERE id = ?",
    ).run(e.occurredAt, e.occurredAt, e.data.ticketId);
  },
  TicketRecalled: (db, e) => {
    stmt(
      db,
      "UPDATE kitchen_ticket SET status = 'STARTED', ready_at = NULL, bumped_item_ids = '[]' WHERE id = ?",
    ).run(e.data.ticketId);
  },
  TicketVoided: (db, e) => {
    stmt(db, "UPDATE kitchen_ticket SET status = 'VOID' WHERE id = ?").run(e.data.ticketId);
  },
  ServiceCallCreated: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO service_call (id, branch_id, session_id, table_id, kind, note, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)`,
    ).run(d.callId, e.branchId, d.sessionId, d.tableId, d.kind, d.note, e.occurredAt);
  },
  ServiceCallAcknowledged: (db, e) => {
    stmt(
      db,
      "UPDATE service_call SET status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ? WHERE id = ?",
    ).run(staffIdOf(e), e.occurredAt, e.data.callId);
  },
  ServiceCallResolved: (db, e) => {
    stmt(db, "UPDATE service_call SET status = 'RESOLVED', resolved_at = ? WHERE id = ?").run(
      e.occurredAt,
      e.data.callId,
    );
  },
  ServiceCallEscalated: (db, e) => {
    stmt(db, 'UPDATE service_call SET escalated_at = ? WHERE id = ?').run(e.occurredAt, e.data.callId);
  },
};
