// The card payment saga's journal (`card_charge`): one row per charge asked of the card terminal, moved
// STARTED → CHARGED → RECORDED, or to DECLINED or REVERSED. Written straight on the writer connection,
// outside the command bus: it is the edge's operational state, like the print queue's claims, and the
// payment itself is still recorded by a RecordPayment command.
import type Database from 'better-sqlite3';
import type { Actor } from '../../protocol/events/event.js';
import { stmt } from './statements.js';

export type CardChargeStatus = 'STARTED' | 'CHARGED' | 'RECORDED' | 'DECLINED' | 'REVERSED';

export interface CardChargeRow {
  reference: string;
  sessionId: string;
  shareKey: string | null;
  amountCents: number;
  tipCents: number;
  actor: Actor;
  requestId: string | null;
  status: CardChargeStatus;
  approvalCode: string | null;
  last4: string | null;
  /** The answer given, returned again to a resend of the same reference. */
  result: unknown;
  createdAt: string;
}

type Row = Record<string, unknown>;

function fromRow(r: Row): CardChargeRow {
  return {
    reference: r.reference as string,
    sessionId: r.session_id as string,
    shareKey: (r.share_key as string | null) ?? null,
    amountCents: r.amount_cents as number,
    tipCents: r.tip_cents as number,
    actor: JSON.parse(r.actor as string) as Actor,
    requestId: (r.request_id as string | null) ?? null,
    status: r.status as CardChargeStatus,
    approvalCode: (r.approval_code as string | null) ?? null,
    last4: (r.last4 as string | null) ?? null,
    result: r.result === null ? null : JSON.parse(r.result as string),
    createdAt: r.created_at as string,
  };
}

export function findCardCharge(db: Database.Database, reference: string): CardChargeRow | undefined {
  const r = stmt(db, 'SELECT * FROM card_charge WHERE reference = ?').get(reference) as Row | undefined;
  return r && fromRow(r);
}

/** Charges a restart must finish: asked of the terminal (or charged) but not yet settled either way. */
export function unsettledCardCharges(db: Database.Database): CardChargeRow[] {
  return (
    stmt(
      db,
      "SELECT * FROM card_charge WHERE status IN ('STARTED', 'CHARGED') ORDER BY created_at",
    ).all() as Row[]
  ).map(fromRow);
}

export function startCardCharge(
  db: Database.Database,
  c: Omit<CardChargeRow, 'status' | 'approvalCode' | 'last4' | 'result' | 'createdAt'>,
  nowIso: string,
): void {
  stmt(
    db,
    `INSERT INTO card_charge (reference, session_id, share_key, amount_cents, tip_cents, actor, request_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'STARTED', ?, ?)`,
  ).run(
    c.reference,
    c.sessionId,
    c.shareKey,
    c.amountCents,
    c.tipCents,
    JSON.stringify(c.actor),
    c.requestId,
    nowIso,
    nowIso,
  );
}

export function updateCardCharge(
  db: Database.Database,
  reference: string,
  change: { status: CardChargeStatus; approvalCode?: string; last4?: string; result?: unknown },
  nowIso: string,
): void {
  stmt(
    db,
    `UPDATE card_charge SET status = ?, approval_code = coalesce(?, approval_code), last4 = coalesce(?, last4),
       result = coalesce(?, result), updated_at = ? WHERE reference = ?`,
  ).run(
    change.status,
    change.approvalCode ?? null,
    change.last4 ?? null,
    change.result === undefined ? null : JSON.stringify(change.result),
    nowIso,
    reference,
  );
}
