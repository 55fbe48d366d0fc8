// Fills the print views (ticket-view.ts) from the read tables, inside the writer's transaction, so a
// job holds exactly what the kitchen or the table should read at the moment it was queued.
import type Database from 'better-sqlite3';
import type { Course } from '../../protocol/domain-values.js';
import { checkOf, type StoredSplit } from '../domain/check-decide.js';
import { stmt } from '../store/statements.js';
import {
  loadBranch,
  loadDiscounts,
  loadRoundsOfSession,
  loadSession,
  loadSplit,
} from '../store/queries/view-loaders.js';
import {
  checkPrintViewSchema,
  kitchenTicketViewSchema,
  type CheckPayment,
  type CheckPrintView,
  type KitchenTicketItem,
  type KitchenTicketView,
} from './ticket-view.js';

type Row = Record<string, unknown>;

export interface KitchenViewRequest {
  ticketId: string;
  kind: KitchenTicketView['kind'];
  voidReason?: string;
  /** Only these items (a VOID slip for some of them); by default every item not voided. */
  itemIds?: readonly string[];
}

export function loadKitchenTicketView(
  db: Database.Database,
  req: KitchenViewRequest,
): KitchenTicketView | undefined {
  const branch = loadBranch(db);
  const t = stmt(
    db,
    `SELECT k.*, dt.label AS table_label, s.name AS sector_name, r.number AS round_number, st.name AS station_name,
       coalesce(sub.name, cre.name) AS waiter_name
     FROM kitchen_ticket k
     JOIN dining_table dt ON dt.id = k.table_id JOIN sector s ON s.id = dt.sector_id
     JOIN round r ON r.id = k.round_id
     LEFT JOIN station st ON st.id = k.station
     LEFT JOIN staff sub ON sub.id = r.submitted_by LEFT JOIN staff cre ON cre.id = r.created_by
     WHERE k.id = ?`,
  ).get(req.ticketId) as Row | undefined;
  if (!t || !branch) return undefined;
  const locale = branch.settings.locale;
  const rows = stmt(db, 'SELECT * FROM round_item WHERE ticket_id = ? ORDER BY position').all(
    req.ticketId,
  ) as Row[];
  const wanted = req.itemIds ? new Set(req.itemIds) : null;
  const items = rows.filter((r) => (wanted ? wanted.has(r.id as string) : r.status !== 'VOIDED'));
  const byCourse = new Map<Course, KitchenTicketItem[]>();
  for (const r of items) {
    const course = r.course as Course;
    const list = byCourse.get(course) ?? [];
    list.push({
      qty: r.qty as number,
      name: (locale === 'en' ? r.name_en : r.name_es) as string,
      modifiers: (JSON.parse(r.modifiers as string) as Array<{ name: string }>).map((m) => m.name),
      notes: (r.notes as string).trim() === '' ? null : (r.notes as string),
      allergens: JSON.parse(r.allergens as string),
      seat: (r.seat as number | null) ?? null,
    });
    byCourse.set(course, list);
  }
  return kitchenTicketViewSchema.parse({
    ticketId: req.ticketId,
    stationName: (t.station_name as string | null) ?? (t.station as string),
    tableLabel: t.table_label,
    sectorName: t.sector_name,
    // A diner's own round (QR) has no waiter until one confirms it.
    waiterName: (t.waiter_name as string | null) ?? 'QR',
    roundNumber: t.round_number,
    dailyNumber: t.daily_number,
    createdAt: t.created_at,
    timeZone: branch.settings.timeZone,
    locale,
    kind: req.kind,
    voidReason: req.voidReason ?? null,
    courses: [...byCourse].map(([course, list]) => ({ course, items: list })),
  });
}

export function loadCheckPrintView(
  db: Database.Database,
  req: { sessionId: string; kind: 'PRE_BILL' | 'RECEIPT'; at: string },
): CheckPrintView | undefined {
  const branch = loadBranch(db);
  const session = loadSession(db, req.sessionId);
  if (!branch || !session) return undefined;
  const locale = branch.settings.locale;
  const rounds = loadRoundsOfSession(db, session.id);
  const check = checkOf({
    session,
    rounds,
    discounts: loadDiscounts(db, session.id),
    settings: branch.settings,
  });
  const items = new Map(rounds.flatMap((r) => r.items).map((i) => [i.id, i]));
  const head = stmt(
    db,
    `SELECT dt.label, st.name AS waiter FROM table_session s JOIN dining_table dt ON dt.id = s.table_id
     LEFT JOIN staff st ON st.id = s.opened_by WHERE s.id = ?`,
  ).get(session.id) as Row;
  const split = loadSplit(db, session.id) as StoredSplit | null;
  const shares =
    split && split.totalCents === check.totalCents
      ? split.shares.map((s) => ({ label: s.label, amountCents: s.amountCents }))
      : [];
  const common = {
    branchName: branch.name,
    branchAddress: null,
    branchTaxId: null,
    tableLabel: head.label as string,
    waiterName: (head.waiter as string | null) ?? '',
    guests: session.guests,
    reference: null,
    createdAt: req.at,
    timeZone: branch.settings.timeZone,
    locale,
    currency: branch.settings.currency,
    lines: check.lines.map((l) => {
      const item = items.get(l.itemId);
      return {
        qty: l.qty,
        name: item ? (locale === 'en' ? item.name.en : item.name.es) : l.name,
        modifiers: item ? item.modifiers.map((m) => m.name) : [],
        amountCents: l.grossCents,
      };
    }),
    subtotalCents: check.subtotalCents,
    discounts: check.discounts
      .filter((d) => d.amountCents > 0)
      .map((d) => ({ reason: d.reason, amountCents: d.amountCents })),
    serviceChargeCents: check.serviceChargeCents,
    taxes: check.taxes.map((t) => ({ rateBp: t.rateBp, baseCents: t.baseCents, taxCents: t.taxCents })),
    totalCents: check.totalCents,
    shares,
    footer: null,
  };
  if (req.kind === 'PRE_BILL') return checkPrintViewSchema.parse({ kind: 'PRE_BILL', ...common });
  const payments = (
    stmt(
      db,
      "SELECT * FROM payment WHERE session_id = ? AND status = 'CAPTURED' ORDER BY recorded_at, id",
    ).all(session.id) as Row[]
  ).map((p): CheckPayment => ({
    method: p.method as CheckPayment['method'],
    amountCents: p.amount_cents as CheckPayment['amountCents'],
    tipCents: p.tip_cents as CheckPayment['tipCents'],
    tenderedCents: (p.tendered_cents as CheckPayment['tenderedCents']) ?? null,
    changeCents: p.tendered_cents === null ? null : (p.change_cents as CheckPayment['changeCents']),
    cardLast4: (p.last4 as string | null) ?? null,
    approvalCode: (p.approval_code as string | null) ?? null,
  }));
  return checkPrintViewSchema.parse({ kind: 'RECEIPT', ...common, payments });
}
