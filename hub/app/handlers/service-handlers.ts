// Handlers for sessions, rounds, kitchen tickets and service calls.
import { fail, type Result } from '../../domain/result.js';
import type { SessionView } from '../../domain/views.js';
import { checkLineTargets, namesOtherDiners } from '../../domain/diner-lines.js';
import {
  decideJoinSession,
  decideMergeSessions,
  decideOpenSession,
  decideRequestCheck,
  decideTransferSession,
  decideUpdateGuests,
  decideVoidSession,
} from '../../domain/session-decide.js';
import {
  decideAddItem,
  decideCancelRound,
  decideConfirmRound,
  decidePlaceRound,
  decideRemoveItem,
  decideSubmitRound,
  decideUpdateItem,
} from '../../domain/round-decide.js';
import {
  decideBumpItem,
  decideBumpTicket,
  decideFireCourse,
  decideMarkServed,
  decideRecallTicket,
  decideStartTicket,
  decideVoidItem,
} from '../../domain/kitchen-decide.js';
import { decideCreateServiceCall, decideServiceCallStep } from '../../domain/service-call-decide.js';
import {
  loadDiners,
  loadLiveSessionForTable,
  loadOpenCalls,
  loadPayments,
  loadPendingRound,
  loadRound,
  loadRoundOfItem,
  loadRoundsOfSession,
  loadServiceCall,
  loadSession,
  loadTable,
  loadTableByJoinCode,
  loadTicket,
  loadTicketsOfRound,
  nextDailyNumber,
} from '../../store/queries/view-loaders.js';
// Products are read through the writer's cache: every round reads several, and they rarely change.
import { cachedProduct as loadProduct, cachedProducts as loadProducts } from '../../store/write-cache.js';
import { allowed, type HandlerEnv, type HandlerMap } from './handler-types.js';
import type { CommandType } from '../../../protocol/commands/command.js';

type ServiceCommands =
  | 'OpenSession'
  | 'JoinSession'
  | 'TransferSession'
  | 'MergeSessions'
  | 'UpdateGuests'
  | 'RequestCheck'
  | 'VoidSession'
  | 'AddItem'
  | 'UpdateItem'
  | 'RemoveItem'
  | 'SubmitRound'
  | 'PlaceRound'
  | 'ConfirmRound'
  | 'CancelRound'
  | 'FireCourse'
  | 'MarkServed'
  | 'VoidItem'
  | 'StartTicket'
  | 'BumpTicket'
  | 'BumpItem'
  | 'RecallTicket'
  | 'CreateServiceCall'
  | 'AcknowledgeServiceCall'
  | 'ResolveServiceCall'
  | 'EscalateServiceCall';

/** Loads a session and checks the actor may touch it (sector for waiters, own table for diners). */
export function sessionFor(env: HandlerEnv, type: CommandType, sessionId: string): Result<SessionView> {
  const session = loadSession(env.db, sessionId);
  // Diners learn nothing about other tables: an unknown and a foreign session look the same.
  if (!session) return fail('NOT_FOUND', `session ${sessionId} not found`);
  const can = allowed(env, type, { sectorId: session.sectorId, sessionId: session.id });
  if (!can.ok)
    return env.ctx.actor.kind === 'diner' ? fail('NOT_FOUND', `session ${sessionId} not found`) : can;
  return { ok: true, value: session };
}

/** Diners and seats named by lines must be the table's; its diners are read only when a line names one. */
function lineTargets(
  env: HandlerEnv,
  session: SessionView,
  lines: ReadonlyArray<{ dinerId?: string | null; seat?: number | null }>,
) {
  const diners = namesOtherDiners(lines, env.ctx)
    ? new Set(loadDiners(env.db, session.id).map((d) => d.id))
    : undefined;
  return checkLineTargets(session, lines, env.ctx, diners);
}

function roundFor(env: HandlerEnv, type: CommandType, roundId: string) {
  const round = loadRound(env.db, roundId);
  if (!round) return fail('NOT_FOUND', `round ${roundId} not found`);
  const session = sessionFor(env, type, round.sessionId);
  if (!session.ok) return session;
  return { ok: true as const, value: { round, session: session.value } };
}

function ticketFor(env: HandlerEnv, type: CommandType, ticketId: string) {
  const can = allowed(env, type);
  if (!can.ok) return can;
  const ticket = loadTicket(env.db, ticketId);
  if (!ticket) return fail('NOT_FOUND', `ticket ${ticketId} not found`);
  const round = loadRound(env.db, ticket.roundId);
  if (!round) return fail('INTERNAL', `ticket ${ticketId} has no round`);
  return { ok: true as const, value: { ticket, round } };
}

function callFor(env: HandlerEnv, type: CommandType, callId: string) {
  const call = loadServiceCall(env.db, callId);
  if (!call) return fail('NOT_FOUND', `service call ${callId} not found`);
  const session = loadSession(env.db, call.sessionId);
  const can = allowed(env, type, { sectorId: session?.sectorId ?? null, anySector: call.escalated });
  if (!can.ok) return can;
  return { ok: true as const, value: call };
}

const daily = (env: HandlerEnv) => nextDailyNumber(env.db, env.ctx.businessDay);

export const serviceHandlers: HandlerMap<ServiceCommands> = {
  OpenSession: (env, p) => {
    const table = loadTable(env.db, p.tableId);
    const can = allowed(env, 'OpenSession', { sectorId: table?.sectorId ?? null });
    if (!can.ok) return can;
    return decideOpenSession(
      { table, liveSession: table && loadLiveSessionForTable(env.db, table.id) },
      p,
      env.ctx,
    );
  },
  JoinSession: (env, p) => {
    const table = loadTableByJoinCode(env.db, p.joinCode);
    // Staff joining a diner for the table work in its sector, as for any other table command.
    const can = table ? allowed(env, 'JoinSession', { sectorId: table.sectorId }) : undefined;
    if (can && !can.ok) return can;
    return decideJoinSession(
      { table, liveSession: table && loadLiveSessionForTable(env.db, table.id) },
      p,
      env.ctx,
    );
  },
  TransferSession: (env, p) => {
    const s = sessionFor(env, 'TransferSession', p.sessionId);
    if (!s.ok) return s;
    const toTable = loadTable(env.db, p.toTableId);
    const can = allowed(env, 'TransferSession', { sectorId: toTable?.sectorId ?? null });
    if (!can.ok) return can;
    return decideTransferSession({
      session: s.value,
      toTable,
      toTableSession: toTable && loadLiveSessionForTable(env.db, toTable.id),
    });
  },
  MergeSessions: (env, p) => {
    const from = sessionFor(env, 'MergeSessions', p.fromSessionId);
    if (!from.ok) return from;
    const into = sessionFor(env, 'MergeSessions', p.intoSessionId);
    if (!into.ok) return into;
    return decideMergeSessions({
      from: from.value,
      into: into.value,
      fromRounds: loadRoundsOfSession(env.db, from.value.id),
      fromPaymentsCount: loadPayments(env.db, from.value.id).length,
    });
  },
  UpdateGuests: (env, p) => {
    const s = sessionFor(env, 'UpdateGuests', p.sessionId);
    return s.ok ? decideUpdateGuests({ session: s.value }, p.guests) : s;
  },
  RequestCheck: (env, p) => {
    const s = sessionFor(env, 'RequestCheck', p.sessionId);
    return s.ok ? decideRequestCheck({ session: s.value }) : s;
  },
  VoidSession: (env, p) => {
    const s = sessionFor(env, 'VoidSession', p.sessionId);
    if (!s.ok) return s;
    const rounds = loadRoundsOfSession(env.db, s.value.id);
    return decideVoidSession(
      {
        session: s.value,
        rounds,
        tickets: rounds.flatMap((r) => loadTicketsOfRound(env.db, r.id)),
        paymentsCount: loadPayments(env.db, s.value.id).length,
      },
      p.reason,
    );
  },
  AddItem: (env, p) => {
    const s = sessionFor(env, 'AddItem', p.sessionId);
    if (!s.ok) return s;
    const targets = lineTargets(env, s.value, [p.item]);
    if (!targets.ok) return targets;
    return decideAddItem(
      {
        session: s.value,
        pendingRound: loadPendingRound(env.db, s.value.id),
        product: loadProduct(env.db, p.item.productId),
      },
      p.item,
      env.ctx,
    );
  },
  UpdateItem: (env, p) => {
    const round = loadRoundOfItem(env.db, p.itemId);
    if (!round) return fail('NOT_FOUND', `item ${p.itemId} not found`);
    const s = sessionFor(env, 'UpdateItem', round.sessionId);
    if (!s.ok) return s;
    const targets = lineTargets(env, s.value, [{ seat: p.seat }]);
    if (!targets.ok) return targets;
    const item = round.items.find((i) => i.id === p.itemId);
    return decideUpdateItem(
      { round, itemId: p.itemId, product: item && loadProduct(env.db, item.productId) },
      p,
      env.ctx,
    );
  },
  RemoveItem: (env, p) => {
    const round = loadRoundOfItem(env.db, p.itemId);
    if (!round) return fail('NOT_FOUND', `item ${p.itemId} not found`);
    const s = sessionFor(env, 'RemoveItem', round.sessionId);
    if (!s.ok) return s;
    return decideRemoveItem({ round, itemId: p.itemId, product: undefined }, env.ctx);
  },
  SubmitRound: (env, p) => {
    const r = roundFor(env, 'SubmitRound', p.roundId);
    if (!r.ok) return r;
    const { round, session } = r.value;
    const products = loadProducts(
      env.db,
      round.items.map((i) => i.productId),
    );
    return decideSubmitRound(
      { round, session, products, settings: env.branch.settings, nextDailyNumber: daily(env) },
      p.holdCourses,
      env.ctx,
    );
  },
  PlaceRound: (env, p) => {
    const s = sessionFor(env, 'PlaceRound', p.sessionId);
    if (!s.ok) return s;
    const targets = lineTargets(env, s.value, p.items);
    if (!targets.ok) return targets;
    const products = loadProducts(
      env.db,
      p.items.map((i) => i.productId),
    );
    return decidePlaceRound(
      { session: s.value, products, settings: env.branch.settings, nextDailyNumber: daily(env) },
      p.items,
      p.holdCourses,
      env.ctx,
    );
  },
  ConfirmRound: (env, p) => {
    const r = roundFor(env, 'ConfirmRound', p.roundId);
    if (!r.ok) return r;
    return decideConfirmRound({ ...r.value, nextDailyNumber: daily(env) }, env.ctx);
  },
  CancelRound: (env, p) => {
    const r = roundFor(env, 'CancelRound', p.roundId);
    if (!r.ok) return r;
    const { round, session } = r.value;
    return decideCancelRound(
      {
        round,
        session,
        tickets: loadTicketsOfRound(env.db, round.id),
        products: loadProducts(
          env.db,
          round.items.map((i) => i.productId),
        ),
      },
      p.reason,
      env.ctx,
    );
  },
  FireCourse: (env, p) => {
    const s = sessionFor(env, 'FireCourse', p.sessionId);
    if (!s.ok) return s;
    return decideFireCourse(
      { session: s.value, rounds: loadRoundsOfSession(env.db, s.value.id), nextDailyNumber: daily(env) },
      p.course,
      env.ctx,
    );
  },
  MarkServed: (env, p) => {
    const r = roundFor(env, 'MarkServed', p.roundId);
    return r.ok ? decideMarkServed({ round: r.value.round }, p.itemIds) : r;
  },
  VoidItem: (env, p) => {
    const round = loadRoundOfItem(env.db, p.itemId);
    if (!round) return fail('NOT_FOUND', `item ${p.itemId} not found`);
    const s = sessionFor(env, 'VoidItem', round.sessionId);
    if (!s.ok) return s;
    return decideVoidItem(
      { round, session: s.value, tickets: loadTicketsOfRound(env.db, round.id) },
      p.itemId,
      p.reason,
    );
  },
  StartTicket: (env, p) => {
    const t = ticketFor(env, 'StartTicket', p.ticketId);
    return t.ok ? decideStartTicket(t.value) : t;
  },
  BumpTicket: (env, p) => {
    const t = ticketFor(env, 'BumpTicket', p.ticketId);
    return t.ok ? decideBumpTicket(t.value) : t;
  },
  BumpItem: (env, p) => {
    const t = ticketFor(env, 'BumpItem', p.ticketId);
    return t.ok ? decideBumpItem(t.value, p.itemId) : t;
  },
  RecallTicket: (env, p) => {
    const t = ticketFor(env, 'RecallTicket', p.ticketId);
    return t.ok ? decideRecallTicket(t.value) : t;
  },
  CreateServiceCall: (env, p) => {
    const s = sessionFor(env, 'CreateServiceCall', p.sessionId);
    if (!s.ok) return s;
    return decideCreateServiceCall(
      { session: s.value, openCalls: loadOpenCalls(env.db, s.value.id) },
      p,
      env.ctx,
    );
  },
  AcknowledgeServiceCall: (env, p) => {
    const c = callFor(env, 'AcknowledgeServiceCall', p.callId);
    return c.ok ? decideServiceCallStep(c.value, 'acknowledge', p.callId) : c;
  },
  ResolveServiceCall: (env, p) => {
    const c = callFor(env, 'ResolveServiceCall', p.callId);
    return c.ok ? decideServiceCallStep(c.value, 'resolve', p.callId) : c;
  },
  EscalateServiceCall: (env, p) => {
    const c = callFor(env, 'EscalateServiceCall', p.callId);
    return c.ok ? decideServiceCallStep(c.value, 'escalate', p.callId) : c;
  },
};
