// The live topics an event belongs to, computed once at write time and stored in event.topics,
// so a replay filters by permission with the same answer the live publish gave, even after a
// table moved sectors or a session closed.
// Runs inside the command's transaction, before that command's events are projected: an event may
// refer to a round or ticket created earlier in the same command, so those are remembered here.
import type Database from 'better-sqlite3';
import type { DomainEvent } from '../../protocol/events/event.js';
import { topic } from '../../protocol/ws-messages.js';
import { stmt } from './statements.js';
import { cachedSectorOfTable, cachedTableOfSession } from './write-cache.js';

interface SessionPlace {
  sessionId: string;
  tableId: string | null;
}

interface TicketPlace extends SessionPlace {
  station: string;
}

/** What earlier events of the same command created; the read tables do not have them yet. */
export interface TopicMemory {
  rounds: Map<string, string>;
  tickets: Map<string, TicketPlace>;
  calls: Map<string, string>;
  sessions: Map<string, string>;
}

export function newTopicMemory(): TopicMemory {
  return { rounds: new Map(), tickets: new Map(), calls: new Map(), sessions: new Map() };
}

const envelopeTopics = new WeakMap<object, readonly string[]>();

/** Attaches topics to an in-memory envelope (not serialized, so it never leaks into the outbox). */
export function rememberTopics(envelope: object, topics: readonly string[]): void {
  envelopeTopics.set(envelope, topics);
}

export function topicsOf(envelope: object): readonly string[] | undefined {
  return envelopeTopics.get(envelope);
}

// Topics run on the writer's connection for every event: the floor's shape comes from its cache.
function sectorOfTable(db: Database.Database, tableId: string | null): string | null {
  return tableId ? cachedSectorOfTable(db, tableId) : null;
}

function tableOfSession(db: Database.Database, mem: TopicMemory, sessionId: string): string | null {
  return mem.sessions.get(sessionId) ?? cachedTableOfSession(db, sessionId);
}

function sessionOfRound(db: Database.Database, mem: TopicMemory, roundId: string): string | null {
  const created = mem.rounds.get(roundId);
  if (created) return created;
  const row = stmt(db, 'SELECT session_id AS s FROM round WHERE id = ?').get(roundId) as
    { s: string } | undefined;
  return row?.s ?? null;
}

function ticketPlace(db: Database.Database, mem: TopicMemory, ticketId: string): TicketPlace | null {
  const created = mem.tickets.get(ticketId);
  if (created) return created;
  const row = stmt(
    db,
    'SELECT session_id AS sessionId, table_id AS tableId, station FROM kitchen_ticket WHERE id = ?',
  ).get(ticketId) as TicketPlace | undefined;
  return row ?? null;
}

function stationOfItem(db: Database.Database, itemId: string): string | null {
  const row = stmt(db, 'SELECT station FROM round_item WHERE id = ?').get(itemId) as
    { station: string } | undefined;
  return row?.station ?? null;
}

class TopicSet {
  readonly set = new Set<string>(['admin']);
  add(t: string | null): void {
    if (t) this.set.add(t);
  }
  session(db: Database.Database, mem: TopicMemory, sessionId: string | null): void {
    if (!sessionId) return;
    this.add(topic.session(sessionId));
    const sector = sectorOfTable(db, tableOfSession(db, mem, sessionId));
    if (sector) this.add(topic.sector(sector));
  }
  kitchen(station: string | null): void {
    if (!station) return;
    this.add(topic.kitchen(station));
    this.add(topic.expo);
  }
}

function placeByFields(
  db: Database.Database,
  mem: TopicMemory,
  t: TopicSet,
  d: Record<string, unknown>,
): void {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  t.kitchen(str(d.station));
  if (Array.isArray(d.stations)) for (const s of d.stations) t.kitchen(str(s));
  const ticketId = str(d.ticketId);
  const place = ticketId ? ticketPlace(db, mem, ticketId) : null;
  if (place) t.kitchen(place.station);
  t.session(db, mem, str(d.sessionId) ?? place?.sessionId ?? null);
  const printerId = str(d.printerId);
  if (printerId && !Array.isArray(d.stations)) {
    const row = stmt(db, 'SELECT stations FROM printer WHERE id = ?').get(printerId) as
      { stations: string } | undefined;
    const stations = row ? (JSON.parse(row.stations) as unknown) : [];
    if (Array.isArray(stations)) for (const s of stations) t.kitchen(str(s));
  }
}

/** The topics of one event; `mem` collects what this event creates for the next ones of the command. */
export function computeTopics(db: Database.Database, event: DomainEvent, mem: TopicMemory): string[] {
  const t = new TopicSet();
  // Any event that names both a round and its session (RoundCreated, RoundPlaced…) tells the later
  // events of the same command where that round lives, before the read tables know it.
  const d = event.data as Record<string, unknown>;
  if (typeof d.roundId === 'string' && typeof d.sessionId === 'string' && !mem.rounds.has(d.roundId)) {
    mem.rounds.set(d.roundId, d.sessionId);
  }
  switch (event.type) {
    case 'BranchInitialized':
    case 'BranchSettingsUpdated':
    case 'CategoryUpserted':
    case 'StationUpserted':
    case 'ProductUpserted':
    case 'ProductAvailabilitySet':
    case 'BranchPriceSet':
    case 'StockAdjusted':
      t.add(topic.menu);
      break;
    case 'SectorUpserted':
      t.add(topic.sector(event.data.sectorId));
      break;
    case 'TableUpserted':
      // A table moved to another sector leaves its old sector's screens too.
      t.add(topic.sector(event.data.sectorId));
      t.add(sectorOfTable(db, event.data.tableId) && topic.sector(sectorOfTable(db, event.data.tableId)!));
      break;
    case 'JoinCodeRotated':
      t.add(sectorOfTable(db, event.data.tableId) && topic.sector(sectorOfTable(db, event.data.tableId)!));
      break;
    case 'StaffCreated':
    case 'StaffUpdated':
    case 'StaffPinReset':
    case 'SectorsAssigned':
    case 'DeviceRegistered':
      break;
    case 'SessionOpened':
      mem.sessions.set(event.data.sessionId, event.data.tableId);
      t.session(db, mem, event.data.sessionId);
      break;
    case 'SessionTransferred': {
      t.add(topic.session(event.data.sessionId));
      for (const tableId of [event.data.fromTableId, event.data.toTableId]) {
        const sector = sectorOfTable(db, tableId);
        t.add(sector && topic.sector(sector));
      }
      break;
    }
    case 'SessionMerged':
      t.session(db, mem, event.data.sessionId);
      t.session(db, mem, event.data.intoSessionId);
      break;
    case 'DinerJoined':
    case 'GuestsUpdated':
    case 'CheckRequested':
    case 'SessionClosed':
    case 'SessionVoided':
    case 'DiscountApplied':
    case 'DiscountRemoved':
    case 'CheckSplit':
    case 'PaymentRecorded':
    case 'PaymentRefunded':
      t.session(db, mem, event.data.sessionId);
      break;
    case 'RoundCreated':
      mem.rounds.set(event.data.roundId, event.data.sessionId);
      t.session(db, mem, event.data.sessionId);
      break;
    case 'RoundMoved':
      mem.rounds.set(event.data.roundId, event.data.toSessionId);
      t.session(db, mem, event.data.fromSessionId);
      t.session(db, mem, event.data.toSessionId);
      break;
    case 'ItemVoided':
      // The kitchen must stop cooking it: the station's screens hear of it with the waiters.
      t.kitchen(stationOfItem(db, event.data.itemId));
      t.session(db, mem, sessionOfRound(db, mem, event.data.roundId));
      break;
    case 'ItemAdded':
    case 'ItemUpdated':
    case 'ItemRemoved':
    case 'RoundSubmitted':
    case 'RoundSentToKitchen':
    case 'ItemsFired':
    case 'ItemsReady':
    case 'ItemsUnready':
    case 'RoundReady':
    case 'RoundReopened':
    case 'ItemsServed':
    case 'RoundServed':
    case 'RoundCanceled':
      t.session(db, mem, sessionOfRound(db, mem, event.data.roundId));
      break;
    case 'TicketCreated': {
      const d = event.data;
      mem.tickets.set(d.ticketId, { sessionId: d.sessionId, tableId: d.tableId, station: d.station });
      t.kitchen(d.station);
      t.session(db, mem, d.sessionId);
      break;
    }
    case 'TicketStarted':
    case 'TicketItemBumped':
    case 'TicketBumped':
    case 'TicketRecalled':
    case 'TicketVoided': {
      const place = ticketPlace(db, mem, event.data.ticketId);
      t.kitchen(place?.station ?? null);
      t.session(db, mem, place?.sessionId ?? null);
      break;
    }
    case 'ServiceCallCreated':
      mem.calls.set(event.data.callId, event.data.sessionId);
      t.session(db, mem, event.data.sessionId);
      break;
    case 'ServiceCallAcknowledged':
    case 'ServiceCallResolved':
    case 'ServiceCallEscalated': {
      const created = mem.calls.get(event.data.callId);
      const row = created
        ? { s: created }
        : (stmt(db, 'SELECT session_id AS s FROM service_call WHERE id = ?').get(event.data.callId) as
            { s: string } | undefined);
      t.session(db, mem, row?.s ?? null);
      break;
    }
    default:
      // Events without a case of their own (printers, print jobs, future ones) are placed by the
      // fields they carry, so a new event type is never invisible to the screens that need it.
      placeByFields(db, mem, t, event.data as Record<string, unknown>);
  }
  return [...t.set].sort();
}
