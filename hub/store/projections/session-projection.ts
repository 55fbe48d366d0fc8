// Projects session events: seating, diners, moves, discounts, splits, payments, closing.
import { stmt } from '../statements.js';
import { staffIdOf, type ProjectorMap } from './projector-types.js';

type SessionEvents =
  | 'SessionOpened'
  | 'DinerJoined'
  | 'GuestsUpdated'
  | 'SessionTransferred'
  | 'SessionMerged'
  | 'CheckRequested'
  | 'SessionClosed'
  | 'SessionVoided'
  | 'DiscountApplied'
  | 'DiscountRemoved'
  | 'CheckSplit'
  | 'PaymentRecorded'
  | 'PaymentRefunded';

export const sessionProjectors: ProjectorMap<SessionEvents> = {
  SessionOpened: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO table_session (id, branch_id, table_id, status, guests, opened_by, opened_at, round_count)
       VALUES (?, ?, ?, 'OPEN', ?, ?, ?, 0)`,
    ).run(d.sessionId, e.branchId, d.tableId, d.guests, d.openedBy, e.occurredAt);
  },
  DinerJoined: (db, e) => {
    const d = e.data;
    stmt(db, 'INSERT INTO diner (id, session_id, name, seat, joined_at) VALUES (?, ?, ?, ?, ?)').run(
      d.dinerId,
      d.sessionId,
      d.name,
      d.seat,
      e.occurredAt,
    );
  },
  GuestsUpdated: (db, e) => {
    stmt(db, 'UPDATE table_session SET guests = ? WHERE id = ?').run(e.data.guests, e.data.sessionId);
  },
  SessionTransferred: (db, e) => {
    stmt(db, 'UPDATE table_session SET table_id = ? WHERE id = ?').run(e.data.toTableId, e.data.sessionId);
    stmt(db, "UPDATE service_call SET table_id = ? WHERE session_id = ? AND status != 'RESOLVED'").run(
      e.data.toTableId,
      e.data.sessionId,
    );
    stmt(db, 'UPDATE kitchen_ticket SET table_id = ? WHERE session_id = ?').run(
      e.data.toTableId,
      e.data.sessionId,
    );
  },
  SessionMerged: (db, e) => {
    stmt(db, "UPDATE table_session SET status = 'MERGED', merged_into = ?, closed_at = ? WHERE id = ?").run(
      e.data.intoSessionId,
      e.occurredAt,
      e.data.sessionId,
    );
  },
  CheckRequested: (db, e) => {
    stmt(db, "UPDATE table_session SET status = 'CHECK_REQUESTED' WHERE id = ?").run(e.data.sessionId);
  },
  SessionClosed: (db, e) => {
    stmt(db, "UPDATE table_session SET status = 'CLOSED', closed_at = ? WHERE id = ?").run(
      e.occurredAt,
      e.data.sessionId,
    );
  },
  SessionVoided: (db, e) => {
    stmt(db, "UPDATE table_session SET status = 'VOIDED', closed_at = ?, void_reason = ? WHERE id = ?").run(
      e.occurredAt,
      e.data.reason,
      e.data.sessionId,
    );
  },
  DiscountApplied: (db, e) => {
    const d = e.data;
    stmt(
      db,
      'INSERT INTO discount (id, session_id, kind, value, reason, applied_by, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(d.discountId, d.sessionId, d.kind, d.value, d.reason, staffIdOf(e), e.occurredAt);
  },
  DiscountRemoved: (db, e) => {
    stmt(db, 'DELETE FROM discount WHERE id = ?').run(e.data.discountId);
  },
  CheckSplit: (db, e) => {
    const { mode, totalCents, shares } = e.data;
    const split = mode === 'NONE' ? null : JSON.stringify({ mode, totalCents, shares });
    stmt(db, 'UPDATE table_session SET split = ? WHERE id = ?').run(split, e.data.sessionId);
  },
  PaymentRecorded: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO payment (id, session_id, share_key, method, amount_cents, tip_cents, tendered_cents, change_cents,
         approval_code, last4, status, refunded_cents, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAPTURED', 0, ?, ?)`,
    ).run(
      d.paymentId,
      d.sessionId,
      d.shareKey,
      d.method,
      d.amountCents,
      d.tipCents,
      d.tenderedCents,
      d.changeCents,
      d.approvalCode,
      d.last4,
      staffIdOf(e),
      e.occurredAt,
    );
    stmt(db, "UPDATE table_session SET status = 'PAYING' WHERE id = ?").run(d.sessionId);
  },
  PaymentRefunded: (db, e) => {
    stmt(
      db,
      `UPDATE payment SET refunded_cents = refunded_cents + ?,
         status = CASE WHEN refunded_cents + ? >= amount_cents THEN 'REFUNDED' ELSE status END
       WHERE id = ?`,
    ).run(e.data.amountCents, e.data.amountCents, e.data.paymentId);
  },
};
