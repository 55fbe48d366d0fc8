// Rows that every command reads but that rarely change (the branch, the acting staff member, products,
// which sector a table is in, which table a session sits at), kept in memory for the single writer's
// connection. Profiles showed these reads at about a fifth of a round's SQL time.
//
// Why it stays exact:
// - Only the writer's connection uses it, and the read tables change only through `project`, which
//   calls `forgetAfterEvent` for every event it applies (live and on rebuild).
// - Entries may be filled inside a savepoint from rows that savepoint wrote. So whenever a savepoint or a
//   transaction rolls back, the bus calls `forgetAll`: nothing uncommitted outlives its rollback.
// - Another connection writing the file (a CLI, a test) bumps `PRAGMA data_version`; the bus checks it at
//   the start of every batch (`forgetIfChangedElsewhere`) and starts over when it moved.
// - Cached views are frozen: the domain builds events from them, and a mutation would be a loud error
//   instead of a silently wrong cache.
import type Database from 'better-sqlite3';
import type { EventType } from '../../protocol/events/event.js';
import type { ProductView, StaffView } from '../domain/views.js';
import { stmt } from './statements.js';
import { loadBranch, loadProduct, loadStaff, type BranchRow } from './queries/view-loaders.js';

/** Past this many entries a map is dropped and refilled: ids sent by clients must not grow it forever. */
const MAX_ENTRIES = 10_000;

interface WriteCache {
  branch: BranchRow | undefined;
  staff: Map<string, StaffView>;
  products: Map<string, ProductView>;
  tableSector: Map<string, string>;
  sessionTable: Map<string, string>;
  dataVersion: number | undefined;
}

const caches = new WeakMap<Database.Database, WriteCache>();

function cacheOf(db: Database.Database): WriteCache {
  let c = caches.get(db);
  if (!c) {
    c = {
      branch: undefined,
      staff: new Map(),
      products: new Map(),
      tableSector: new Map(),
      sessionTable: new Map(),
      dataVersion: undefined,
    };
    caches.set(db, c);
  }
  return c;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function cachedBranch(db: Database.Database): BranchRow | undefined {
  const c = cacheOf(db);
  if (c.branch) return c.branch;
  const branch = loadBranch(db);
  // No branch yet is not remembered: BranchInitialized clears the cache anyway, but a miss is cheap.
  if (branch) c.branch = deepFreeze(branch);
  return branch;
}

export function cachedStaff(db: Database.Database, id: string): StaffView | undefined {
  const c = cacheOf(db);
  const hit = c.staff.get(id);
  if (hit) return hit;
  const staff = loadStaff(db, id);
  return staff && remember(c.staff, id, deepFreeze(staff));
}

export function cachedProduct(db: Database.Database, id: string): ProductView | undefined {
  const c = cacheOf(db);
  const hit = c.products.get(id);
  if (hit) return hit;
  const product = loadProduct(db, id);
  return product && remember(c.products, id, deepFreeze(product));
}

export function cachedProducts(db: Database.Database, ids: Iterable<string>): Map<string, ProductView> {
  const out = new Map<string, ProductView>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const p = cachedProduct(db, id);
    if (p) out.set(id, p);
  }
  return out;
}

export function cachedSectorOfTable(db: Database.Database, tableId: string): string | null {
  const c = cacheOf(db);
  const hit = c.tableSector.get(tableId);
  if (hit !== undefined) return hit;
  const row = stmt(db, 'SELECT sector_id AS s FROM dining_table WHERE id = ?').get(tableId) as
    { s: string } | undefined;
  return row ? remember(c.tableSector, tableId, row.s) : null;
}

export function cachedTableOfSession(db: Database.Database, sessionId: string): string | null {
  const c = cacheOf(db);
  const hit = c.sessionTable.get(sessionId);
  if (hit !== undefined) return hit;
  const row = stmt(db, 'SELECT table_id AS t FROM table_session WHERE id = ?').get(sessionId) as
    { t: string } | undefined;
  return row ? remember(c.sessionTable, sessionId, row.t) : null;
}

/** Drops everything: after a rollback, a rebuild, or a write by another connection. */
export function forgetAll(db: Database.Database): void {
  const c = caches.get(db);
  if (!c) return;
  c.branch = undefined;
  c.staff.clear();
  c.products.clear();
  c.tableSector.clear();
  c.sessionTable.clear();
}

/** Called at the start of each batch: another connection's commit makes every entry suspect. */
export function forgetIfChangedElsewhere(db: Database.Database): void {
  const c = cacheOf(db);
  // A prepared statement: db.pragma() prepares one per call, twice the cost.
  const version = (stmt(db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
  if (c.dataVersion !== version) {
    forgetAll(db);
    c.dataVersion = version;
  }
}

type Effect = 'none' | 'all' | 'product' | 'session';

/**
 * What each event's projection changes among the cached rows. A full map, so a new event type cannot
 * compile until someone decides; 'all' is always safe.
 */
const EFFECT: Record<EventType, Effect> = {
  // Branch, catalog, floor and staff: rare, so they simply clear everything (several bump the branch's
  // catalog_version too).
  BranchInitialized: 'all',
  BranchSettingsUpdated: 'all',
  CategoryUpserted: 'all',
  StationUpserted: 'all',
  ProductUpserted: 'all',
  BranchPriceSet: 'all',
  ProductAvailabilitySet: 'product',
  // Written by rounds when a product's stock is counted: only that product changes.
  StockAdjusted: 'product',
  SectorUpserted: 'all',
  TableUpserted: 'all',
  JoinCodeRotated: 'none',
  StaffCreated: 'all',
  StaffUpdated: 'all',
  StaffPinReset: 'none',
  SectorsAssigned: 'all',
  DeviceRegistered: 'none',
  // A session's table: set when it opens, changed when it moves.
  SessionOpened: 'session',
  SessionTransferred: 'session',
  SessionMerged: 'none',
  DinerJoined: 'none',
  GuestsUpdated: 'none',
  CheckRequested: 'none',
  CheckSplit: 'none',
  DiscountApplied: 'none',
  DiscountRemoved: 'none',
  PaymentRecorded: 'none',
  PaymentRefunded: 'none',
  SessionClosed: 'none',
  SessionVoided: 'none',
  RoundPlaced: 'none',
  RoundCreated: 'none',
  ItemAdded: 'none',
  ItemUpdated: 'none',
  ItemRemoved: 'none',
  ItemVoided: 'none',
  ItemsFired: 'none',
  ItemsReady: 'none',
  ItemsServed: 'none',
  ItemsUnready: 'none',
  RoundCanceled: 'none',
  RoundMoved: 'none',
  RoundReady: 'none',
  RoundReopened: 'none',
  RoundSentToKitchen: 'none',
  RoundServed: 'none',
  RoundSubmitted: 'none',
  ServiceCallCreated: 'none',
  ServiceCallAcknowledged: 'none',
  ServiceCallResolved: 'none',
  ServiceCallEscalated: 'none',
  TicketCreated: 'none',
  TicketStarted: 'none',
  TicketItemBumped: 'none',
  TicketBumped: 'none',
  TicketRecalled: 'none',
  TicketVoided: 'none',
  CheckPrintRequested: 'none',
  PrintJobFailed: 'none',
  PrintJobFailedOver: 'none',
  PrintJobPrinted: 'none',
  PrintJobUncertain: 'none',
  PrinterRemoved: 'none',
  PrinterStatusChanged: 'none',
  PrinterUpserted: 'none',
  TicketReprintRequested: 'none',
};

/** Keeps the cache equal to the read tables after `event` was projected. */
export function forgetAfterEvent(db: Database.Database, event: { type: EventType; data: unknown }): void {
  const c = caches.get(db);
  if (!c) return;
  const effect = EFFECT[event.type];
  if (effect === 'none') return;
  const d = event.data as { productId?: unknown; sessionId?: unknown };
  if (effect === 'product' && typeof d.productId === 'string') c.products.delete(d.productId);
  else if (effect === 'session' && typeof d.sessionId === 'string') c.sessionTable.delete(d.sessionId);
  else forgetAll(db);
}
