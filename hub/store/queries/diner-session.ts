// Read models of the diner app: the table behind a join code, and one session as its diners see it —
// the shared cart, earlier rounds with who added each line, the check and the open service calls.
// Built from the same loaders and check rules as the waiter's session view, so the totals agree.
import type Database from 'better-sqlite3';
import type { DinerSessionView } from '../../../protocol/diner-api.js';
import { checkOf } from '../../domain/check-decide.js';
import type { RoundView } from '../../domain/views.js';
import { stmt } from '../statements.js';
import { loadBranch, loadDiscounts, loadPayments, loadRoundsOfSession } from './view-loaders.js';

type Row = Record<string, unknown>;

export function dinerTableView(db: Database.Database, joinCode: string) {
  const row = stmt(
    db,
    `SELECT t.label, (SELECT count(*) FROM table_session s WHERE s.table_id = t.id
       AND s.status IN ('OPEN','CHECK_REQUESTED','PAYING')) AS live
     FROM dining_table t WHERE t.join_code = ? AND t.active = 1`,
  ).get(joinCode) as Row | undefined;
  if (!row) return undefined;
  return {
    tableLabel: row.label as string,
    branchName: loadBranch(db)?.name ?? '',
    open: (row.live as number) > 0,
  };
}

/** Who added each line of a session: the diner (by id) or the member of staff (by name). */
function authorsOf(db: Database.Database, sessionId: string) {
  const rows = stmt(
    db,
    `SELECT i.id, i.diner_id, st.name AS staff_name FROM round_item i JOIN round r ON r.id = i.round_id
     LEFT JOIN staff st ON st.id = i.added_by WHERE r.session_id = ?`,
  ).all(sessionId) as Row[];
  return new Map(rows.map((r) => [r.id as string, (r.staff_name as string | null) ?? null]));
}

export function dinerSessionView(
  db: Database.Database,
  sessionId: string,
  dinerId: string,
): DinerSessionView | undefined {
  const s = stmt(
    db,
    `SELECT s.*, t.label AS table_label FROM table_session s JOIN dining_table t ON t.id = s.table_id
     WHERE s.id = ?`,
  ).get(sessionId) as Row | undefined;
  const branch = loadBranch(db);
  if (!s || !branch) return undefined;
  const diners = (
    stmt(db, 'SELECT id, name, seat FROM diner WHERE session_id = ? ORDER BY seat, joined_at').all(
      sessionId,
    ) as Array<{ id: string; name: string | null; seat: number }>
  ).map((d) => ({ id: d.id, name: d.name, seat: d.seat }));
  const me = diners.find((d) => d.id === dinerId);
  if (!me) return undefined;
  const byId = new Map(diners.map((d) => [d.id, d]));
  const staffNames = authorsOf(db, sessionId);
  const rounds = loadRoundsOfSession(db, sessionId);
  const session = {
    id: sessionId,
    tableId: s.table_id as string,
    sectorId: '',
    status: s.status as DinerSessionView['session']['status'],
    guests: s.guests as number,
    roundCount: s.round_count as number,
    dinerCount: diners.length,
    maxSeat: 0,
  };
  const check = checkOf({
    session,
    rounds,
    discounts: loadDiscounts(db, sessionId),
    settings: branch.settings,
  });
  const paid = loadPayments(db, sessionId).reduce(
    (sum, p) => sum + (p.status === 'REFUNDED' ? 0 : p.amountCents - p.refundedCents),
    0,
  );
  const roundOut = (r: RoundView) => {
    const items = r.items
      .filter((i) => i.status !== 'VOIDED')
      .map((i) => {
        const diner = i.dinerId ? byId.get(i.dinerId) : undefined;
        const staff = staffNames.get(i.id) ?? null;
        const unit = i.unitPriceCents + i.modifiers.reduce((sum, m) => sum + m.priceDeltaCents, 0);
        return {
          id: i.id,
          productId: i.productId,
          name: i.name,
          qty: i.qty,
          unitPriceCents: i.unitPriceCents,
          modifiers: i.modifiers.map((m) => ({ name: m.name, priceDeltaCents: m.priceDeltaCents })),
          notes: i.notes,
          course: i.course,
          status: i.status,
          lineTotalCents: unit * i.qty,
          addedBy: diner
            ? { kind: 'diner' as const, dinerId: diner.id, name: diner.name, seat: diner.seat }
            : staff
              ? { kind: 'staff' as const, name: staff }
              : null,
          mine: i.dinerId === dinerId,
        };
      });
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      source: r.source,
      items,
      totalCents: items.reduce((sum, i) => sum + i.lineTotalCents, 0),
    };
  };
  const calls = stmt(
    db,
    "SELECT id, kind, status, created_at FROM service_call WHERE session_id = ? AND status != 'RESOLVED' ORDER BY created_at",
  ).all(sessionId) as Row[];
  const pending = rounds.find((r) => r.status === 'PENDING');
  return {
    session: {
      id: sessionId,
      tableId: session.tableId,
      tableLabel: s.table_label as string,
      status: session.status,
      guests: session.guests,
      openedAt: s.opened_at as string,
    },
    branchName: branch.name,
    me: { dinerId: me.id, name: me.name, seat: me.seat },
    diners,
    settings: {
      currency: branch.settings.currency,
      dinerRoundsNeedConfirmation: branch.settings.dinerRoundsNeedConfirmation,
    },
    cart: pending ? roundOut(pending) : null,
    rounds: rounds.filter((r) => r.status !== 'PENDING').map(roundOut),
    check: {
      subtotalCents: check.subtotalCents,
      discountCents: check.discountCents,
      serviceChargeCents: check.serviceChargeCents,
      totalCents: check.totalCents,
      taxes: check.taxes.map((t) => ({ rateBp: t.rateBp, taxCents: t.taxCents })),
      paidCents: paid,
      dueCents: Math.max(0, check.totalCents - paid),
    },
    serviceCalls: calls.map((c) => ({
      id: c.id as string,
      kind: c.kind as DinerSessionView['serviceCalls'][number]['kind'],
      status: c.status as DinerSessionView['serviceCalls'][number]['status'],
      createdAt: c.created_at as string,
    })),
    lastSeq: (stmt(db, 'SELECT coalesce(max(seq), 0) AS s FROM event').get() as { s: number }).s,
  };
}
