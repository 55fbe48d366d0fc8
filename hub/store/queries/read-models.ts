// The reads the apps need: the menu, the floor with live table states, kitchen tickets, sync status.
import type Database from 'better-sqlite3';
import type { ItemStatus, SessionStatus } from '../../../protocol/domain-values.js';
import { tableStateOf } from '../../domain/table-state.js';
import { loadBranch, productFromRow } from './view-loaders.js';
import { ticketPrintStates } from './print-state.js';

type Row = Record<string, unknown>;

export function menuView(db: Database.Database) {
  const branch = loadBranch(db);
  const categories = db
    .prepare('SELECT * FROM category WHERE active = 1 ORDER BY position, name_es')
    .all() as Row[];
  const products = (
    db
      .prepare(
        `SELECT p.*, bp.price_cents AS branch_price, bp.available, bp.stock_count
         FROM product p LEFT JOIN branch_product bp ON bp.product_id = p.id WHERE p.active = 1 ORDER BY p.name_es`,
      )
      .all() as Row[]
  ).map((r) => ({
    ...productFromRow(r),
    description: { es: r.description_es as string, en: r.description_en as string },
  }));
  const stations = db
    .prepare('SELECT id, name, position, active FROM station ORDER BY position')
    .all() as Row[];
  return {
    catalogVersion: branch?.catalogVersion ?? 0,
    currency: branch?.settings.currency ?? 'EUR',
    stations: stations.map((s) => ({ id: s.id, name: s.name, active: s.active === 1 })),
    categories: categories.map((c) => ({
      id: c.id as string,
      name: { es: c.name_es as string, en: c.name_en as string },
      products: products.filter((p) => p.categoryId === c.id),
    })),
  };
}

export function floorView(db: Database.Database) {
  const sectors = db.prepare('SELECT * FROM sector WHERE active = 1 ORDER BY position, name').all() as Row[];
  const tables = db
    .prepare(
      `SELECT t.*, s.id AS session_id, s.status AS session_status, s.guests, s.opened_at,
         (SELECT count(*) FROM service_call c WHERE c.session_id = s.id AND c.status = 'OPEN') AS open_calls
       FROM dining_table t
       LEFT JOIN table_session s ON s.table_id = t.id AND s.status IN ('OPEN','CHECK_REQUESTED','PAYING')
       WHERE t.active = 1 ORDER BY CAST(t.label AS INTEGER), t.label`,
    )
    .all() as Row[];
  const counts = db
    .prepare(
      `SELECT r.session_id, i.status, count(*) AS n FROM round_item i JOIN round r ON r.id = i.round_id
       JOIN table_session s ON s.id = r.session_id
       WHERE s.status IN ('OPEN','CHECK_REQUESTED','PAYING') GROUP BY r.session_id, i.status`,
    )
    .all() as Array<{ session_id: string; status: ItemStatus; n: number }>;
  const bySession = new Map<string, Partial<Record<ItemStatus, number>>>();
  for (const c of counts) {
    const m = bySession.get(c.session_id) ?? {};
    m[c.status] = c.n;
    bySession.set(c.session_id, m);
  }
  return {
    sectors: sectors.map((s) => ({
      id: s.id as string,
      name: s.name as string,
      tables: tables
        .filter((t) => t.sector_id === s.id)
        .map((t) => {
          const sessionId = (t.session_id as string | null) ?? null;
          return {
            id: t.id as string,
            label: t.label as string,
            seats: t.seats as number,
            joinCode: t.join_code as string,
            state: tableStateOf({
              sessionStatus: (t.session_status as SessionStatus | null) ?? null,
              itemCounts: (sessionId && bySession.get(sessionId)) || {},
            }),
            serviceCall: (t.open_calls as number | null) ? true : false,
            sessionId,
            guests: (t.guests as number | null) ?? null,
            openedAt: (t.opened_at as string | null) ?? null,
          };
        }),
    })),
  };
}

export function kitchenTicketsView(
  db: Database.Database,
  options: { station?: string; includeReadySince?: string },
) {
  const since = options.includeReadySince ?? new Date(Date.now() - 30 * 60_000).toISOString();
  const params: unknown[] = [since];
  let where = "(k.status IN ('NEW','STARTED') OR (k.status = 'READY' AND k.ready_at >= ?))";
  if (options.station) {
    where += ' AND k.station = ?';
    params.push(options.station);
  }
  const tickets = db
    .prepare(
      `SELECT k.*, t.label AS table_label, r.number AS round_number, st.name AS waiter_name
       FROM kitchen_ticket k JOIN dining_table t ON t.id = k.table_id JOIN round r ON r.id = k.round_id
       LEFT JOIN staff st ON st.id = r.submitted_by
       WHERE ${where} ORDER BY k.created_at, k.daily_number`,
    )
    .all(...params) as Row[];
  const itemsStmt = db.prepare('SELECT * FROM round_item WHERE ticket_id = ? ORDER BY position');
  const prints = ticketPrintStates(
    db,
    tickets.map((k) => k.id as string),
  );
  return tickets.map((k) => ({
    id: k.id as string,
    station: k.station as string,
    course: k.course as string,
    status: k.status as string,
    dailyNumber: k.daily_number as number,
    tableLabel: k.table_label as string,
    roundNumber: k.round_number as number,
    waiterName: (k.waiter_name as string | null) ?? null,
    createdAt: k.created_at as string,
    startedAt: (k.started_at as string | null) ?? null,
    readyAt: (k.ready_at as string | null) ?? null,
    bumpedItemIds: JSON.parse(k.bumped_item_ids as string) as string[],
    /** The ticket's paper: null when its station has no printer (screen only). */
    print: prints.get(k.id as string) ?? null,
    items: (itemsStmt.all(k.id) as Row[]).map((i) => ({
      id: i.id as string,
      name: { es: i.name_es as string, en: i.name_en as string },
      qty: i.qty as number,
      modifiers: JSON.parse(i.modifiers as string) as Array<{ name: string }>,
      notes: i.notes as string,
      allergens: JSON.parse(i.allergens as string) as string[],
      seat: (i.seat as number | null) ?? null,
      status: i.status as string,
    })),
  }));
}

export function outboxStatusView(db: Database.Database) {
  const row = db
    .prepare(
      `SELECT
         (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
         (SELECT count(*) FROM outbox WHERE status = 'parked') AS parked,
         (SELECT count(*) FROM dead_letter) AS dead,
         (SELECT min(e.occurred_at) FROM outbox o JOIN event e ON e.seq = o.event_seq) AS oldest,
         (SELECT max(seq) FROM event) AS last_seq`,
    )
    .get() as Row;
  return {
    pending: row.pending as number,
    parked: row.parked as number,
    deadLetters: row.dead as number,
    oldestPendingAt: (row.oldest as string | null) ?? null,
    lastSeq: (row.last_seq as number | null) ?? 0,
    paired: false,
  };
}

export function staffListView(db: Database.Database) {
  const rows = db.prepare('SELECT id, name, role, active FROM staff ORDER BY name').all() as Row[];
  const sectors = db.prepare('SELECT staff_id, sector_id FROM waiter_assignment').all() as Row[];
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    role: r.role as string,
    active: r.active === 1,
    sectorIds: sectors.filter((s) => s.staff_id === r.id).map((s) => s.sector_id as string),
  }));
}
