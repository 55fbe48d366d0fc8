// Loads the state slices that decisions read. Runs on the writer's connection inside its transaction.
import type Database from 'better-sqlite3';
import { branchSettingsSchema, type BranchSettings } from '../../../protocol/domain-values.js';
import type {
  ItemView,
  PaymentView,
  ProductView,
  RoundView,
  ServiceCallView,
  SessionView,
  StaffView,
  TableView,
  TicketView,
} from '../../domain/views.js';
import { stmt } from '../statements.js';

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const strOrNull = (v: unknown) => (v === null ? null : (v as string));
const numOrNull = (v: unknown) => (v === null ? null : (v as number));

export interface BranchRow {
  id: string;
  tenantId: string;
  name: string;
  settings: BranchSettings;
  catalogVersion: number;
}

// Settings are read for every command but change rarely: parse each distinct JSON text once.
let settingsCache: { raw: string; parsed: BranchSettings } | undefined;
function parseSettings(raw: string): BranchSettings {
  if (settingsCache?.raw !== raw)
    settingsCache = { raw, parsed: branchSettingsSchema.parse(JSON.parse(raw)) };
  return settingsCache.parsed;
}

export function loadBranch(db: Database.Database): BranchRow | undefined {
  const r = stmt(db, 'SELECT * FROM branch LIMIT 1').get() as Row | undefined;
  if (!r) return undefined;
  return {
    id: str(r.id),
    tenantId: str(r.tenant_id),
    name: str(r.name),
    settings: parseSettings(str(r.settings)),
    catalogVersion: num(r.catalog_version),
  };
}

const PRODUCT_SQL = `SELECT p.*, bp.price_cents AS branch_price, bp.available, bp.stock_count
  FROM product p LEFT JOIN branch_product bp ON bp.product_id = p.id`;

// Built once: the statement cache is keyed by SQL text, and a text made per call is hashed per call.
const PRODUCT_BY_ID_SQL = `${PRODUCT_SQL} WHERE p.id = ?`;

export function productFromRow(r: Row): ProductView {
  const base = num(r.price_cents);
  return {
    id: str(r.id),
    categoryId: str(r.category_id),
    name: { es: str(r.name_es), en: str(r.name_en) },
    basePriceCents: base,
    priceCents: numOrNull(r.branch_price) ?? base,
    station: str(r.station),
    course: str(r.course) as ProductView['course'],
    taxRateBp: num(r.tax_rate_bp),
    allergens: JSON.parse(str(r.allergens)),
    modifierGroups: JSON.parse(str(r.modifier_groups)),
    active: r.active === 1,
    available: r.available === 1,
    stockCount: numOrNull(r.stock_count),
  };
}

export function loadProduct(db: Database.Database, id: string): ProductView | undefined {
  const r = stmt(db, PRODUCT_BY_ID_SQL).get(id) as Row | undefined;
  return r && productFromRow(r);
}

export function loadProducts(db: Database.Database, ids: Iterable<string>): Map<string, ProductView> {
  const out = new Map<string, ProductView>();
  for (const id of new Set(ids)) {
    const p = loadProduct(db, id);
    if (p) out.set(id, p);
  }
  return out;
}

export function tableFromRow(r: Row): TableView {
  return {
    id: str(r.id),
    sectorId: str(r.sector_id),
    label: str(r.label),
    seats: num(r.seats),
    joinCode: str(r.join_code),
    active: r.active === 1,
  };
}

export function loadTable(db: Database.Database, id: string): TableView | undefined {
  const r = stmt(db, 'SELECT * FROM dining_table WHERE id = ?').get(id) as Row | undefined;
  return r && tableFromRow(r);
}

export function loadTableByJoinCode(db: Database.Database, code: string): TableView | undefined {
  const r = stmt(db, 'SELECT * FROM dining_table WHERE join_code = ?').get(code) as Row | undefined;
  return r && tableFromRow(r);
}

// Only the columns a SessionView needs: every command that touches a session runs this, and reading the
// whole row (split, notes, timestamps) made it a third slower.
const SESSION_SQL = `SELECT s.id, s.table_id, s.status, s.guests, s.round_count, t.sector_id,
    (SELECT count(*) FROM diner d WHERE d.session_id = s.id) AS diner_count,
    (SELECT coalesce(max(seat), 0) FROM diner d WHERE d.session_id = s.id) AS max_seat
  FROM table_session s JOIN dining_table t ON t.id = s.table_id`;

const SESSION_BY_ID_SQL = `${SESSION_SQL} WHERE s.id = ?`;

function sessionFromRow(r: Row): SessionView {
  return {
    id: str(r.id),
    tableId: str(r.table_id),
    sectorId: str(r.sector_id),
    status: str(r.status) as SessionView['status'],
    guests: num(r.guests),
    roundCount: num(r.round_count),
    dinerCount: num(r.diner_count),
    maxSeat: num(r.max_seat),
  };
}

export function loadSession(db: Database.Database, id: string): SessionView | undefined {
  const r = stmt(db, SESSION_BY_ID_SQL).get(id) as Row | undefined;
  return r && sessionFromRow(r);
}

/** The diners who joined a session, by seat. */
export function loadDiners(
  db: Database.Database,
  sessionId: string,
): Array<{ id: string; name: string | null; seat: number }> {
  return stmt(db, 'SELECT id, name, seat FROM diner WHERE session_id = ? ORDER BY seat').all(
    sessionId,
  ) as Array<{
    id: string;
    name: string | null;
    seat: number;
  }>;
}

export function loadLiveSessionForTable(db: Database.Database, tableId: string): SessionView | undefined {
  const r = stmt(
    db,
    `${SESSION_SQL} WHERE s.table_id = ? AND s.status IN ('OPEN','CHECK_REQUESTED','PAYING')`,
  ).get(tableId) as Row | undefined;
  return r && sessionFromRow(r);
}

function itemFromRow(r: Row): ItemView {
  return {
    id: str(r.id),
    roundId: str(r.round_id),
    productId: str(r.product_id),
    name: { es: str(r.name_es), en: str(r.name_en) },
    unitPriceCents: num(r.unit_price_cents),
    qty: num(r.qty),
    modifiers: JSON.parse(str(r.modifiers)),
    notes: str(r.notes),
    dinerId: strOrNull(r.diner_id),
    seat: numOrNull(r.seat),
    course: str(r.course) as ItemView['course'],
    station: str(r.station),
    taxRateBp: num(r.tax_rate_bp),
    allergens: JSON.parse(str(r.allergens)),
    status: str(r.status) as ItemView['status'],
    ticketId: strOrNull(r.ticket_id),
  };
}

function roundFromRow(db: Database.Database, r: Row): RoundView {
  const items = (
    stmt(db, 'SELECT * FROM round_item WHERE round_id = ? ORDER BY position').all(r.id) as Row[]
  ).map(itemFromRow);
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    number: num(r.number),
    status: str(r.status) as RoundView['status'],
    source: str(r.source) as RoundView['source'],
    items,
  };
}

export function loadRound(db: Database.Database, id: string): RoundView | undefined {
  const r = stmt(db, 'SELECT * FROM round WHERE id = ?').get(id) as Row | undefined;
  return r && roundFromRow(db, r);
}

export function loadRoundOfItem(db: Database.Database, itemId: string): RoundView | undefined {
  const r = stmt(db, 'SELECT r.* FROM round r JOIN round_item i ON i.round_id = r.id WHERE i.id = ?').get(
    itemId,
  ) as Row | undefined;
  return r && roundFromRow(db, r);
}

export function loadRoundsOfSession(db: Database.Database, sessionId: string): RoundView[] {
  const rows = stmt(db, 'SELECT * FROM round WHERE session_id = ? ORDER BY number').all(sessionId) as Row[];
  return rows.map((r) => roundFromRow(db, r));
}

export function loadPendingRound(db: Database.Database, sessionId: string): RoundView | undefined {
  const r = stmt(
    db,
    "SELECT * FROM round WHERE session_id = ? AND status = 'PENDING' ORDER BY number LIMIT 1",
  ).get(sessionId) as Row | undefined;
  return r && roundFromRow(db, r);
}

function ticketFromRow(db: Database.Database, r: Row): TicketView {
  const itemIds = (
    stmt(db, 'SELECT id FROM round_item WHERE ticket_id = ? ORDER BY position').all(r.id) as Row[]
  ).map((i) => str(i.id));
  return {
    id: str(r.id),
    roundId: str(r.round_id),
    sessionId: str(r.session_id),
    station: str(r.station),
    course: str(r.course) as TicketView['course'],
    status: str(r.status) as TicketView['status'],
    itemIds,
    bumpedItemIds: JSON.parse(str(r.bumped_item_ids)),
  };
}

export function loadTicket(db: Database.Database, id: string): TicketView | undefined {
  const r = stmt(db, 'SELECT * FROM kitchen_ticket WHERE id = ?').get(id) as Row | undefined;
  return r && ticketFromRow(db, r);
}

export function loadTicketsOfRound(db: Database.Database, roundId: string): TicketView[] {
  return (stmt(db, 'SELECT * FROM kitchen_ticket WHERE round_id = ?').all(roundId) as Row[]).map((r) =>
    ticketFromRow(db, r),
  );
}

export function nextDailyNumber(db: Database.Database, businessDay: string): number {
  const r = stmt(
    db,
    'SELECT coalesce(max(daily_number), 0) + 1 AS n FROM kitchen_ticket WHERE business_day = ?',
  ).get(businessDay) as { n: number };
  return r.n;
}

function callFromRow(r: Row): ServiceCallView {
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    tableId: str(r.table_id),
    kind: str(r.kind) as ServiceCallView['kind'],
    status: str(r.status) as ServiceCallView['status'],
  };
}

export function loadServiceCall(
  db: Database.Database,
  id: string,
): (ServiceCallView & { escalated: boolean }) | undefined {
  const r = stmt(db, 'SELECT * FROM service_call WHERE id = ?').get(id) as Row | undefined;
  return r && { ...callFromRow(r), escalated: r.escalated_at !== null };
}

export function loadOpenCalls(db: Database.Database, sessionId: string): ServiceCallView[] {
  return (
    stmt(db, "SELECT * FROM service_call WHERE session_id = ? AND status != 'RESOLVED'").all(
      sessionId,
    ) as Row[]
  ).map(callFromRow);
}

function paymentFromRow(r: Row): PaymentView & { sessionId: string } {
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    shareKey: strOrNull(r.share_key),
    method: str(r.method) as PaymentView['method'],
    amountCents: num(r.amount_cents),
    tipCents: num(r.tip_cents),
    refundedCents: num(r.refunded_cents),
    status: str(r.status) as PaymentView['status'],
  };
}

export function loadPayments(db: Database.Database, sessionId: string): PaymentView[] {
  return (
    stmt(db, 'SELECT * FROM payment WHERE session_id = ? ORDER BY recorded_at, id').all(sessionId) as Row[]
  ).map(paymentFromRow);
}

export function loadPayment(
  db: Database.Database,
  id: string,
): (PaymentView & { sessionId: string }) | undefined {
  const r = stmt(db, 'SELECT * FROM payment WHERE id = ?').get(id) as Row | undefined;
  return r && paymentFromRow(r);
}

export function loadDiscounts(
  db: Database.Database,
  sessionId: string,
): Array<{ id: string; kind: 'AMOUNT' | 'PERCENT'; value: number; reason: string }> {
  return (
    stmt(db, 'SELECT * FROM discount WHERE session_id = ? ORDER BY applied_at, id').all(sessionId) as Row[]
  ).map((r) => ({
    id: str(r.id),
    kind: str(r.kind) as 'AMOUNT' | 'PERCENT',
    value: num(r.value),
    reason: str(r.reason),
  }));
}

export function loadSplit(db: Database.Database, sessionId: string): unknown {
  const r = stmt(db, 'SELECT split FROM table_session WHERE id = ?').get(sessionId) as
    { split: string | null } | undefined;
  return r?.split ? JSON.parse(r.split) : null;
}

export function loadStaff(db: Database.Database, id: string): StaffView | undefined {
  const r = stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as Row | undefined;
  if (!r) return undefined;
  const sectorIds = (
    stmt(db, 'SELECT sector_id FROM waiter_assignment WHERE staff_id = ?').all(id) as Row[]
  ).map((s) => str(s.sector_id));
  return {
    id: str(r.id),
    name: str(r.name),
    role: str(r.role) as StaffView['role'],
    active: r.active === 1,
    sectorIds,
  };
}

export function exists(db: Database.Database, table: 'category' | 'station' | 'sector', id: string): boolean {
  return stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

export function tableIdByLabel(db: Database.Database, label: string): string | undefined {
  const r = stmt(db, 'SELECT id FROM dining_table WHERE label = ?').get(label) as Row | undefined;
  return r ? str(r.id) : undefined;
}
