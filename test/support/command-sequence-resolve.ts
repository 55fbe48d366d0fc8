// Turns an abstract operation into a concrete command against the hub as it is right now: picks the
// session, round, ticket or payment it names, works out amounts from the live check, and chooses the
// actor (usually one allowed to do it, sometimes anyone). Also says when the permission table alone
// means the command must be refused (command-sequence-actors.ts), so the test can hold the handlers to it.
import type Database from 'better-sqlite3';
import { netPaid } from '../../hub/domain/check/payment-rules.js';
import type { Actor } from '../../protocol/events/event.js';
import { actorFor, dinerActor, forbidden, SECTOR_REASON, waiterOf } from './command-sequence-actors.js';
import { PRODUCTS, STAFF, STOCKED, TABLES, TRANSFER_TABLES } from './command-sequence-fixture.js';
import type { Op } from './command-sequence-ops.js';
import { itemInput } from './command-sequence-payloads.js';
import { sessionMoney } from './session-money.js';
import type { Executed, Planned } from './command-sequence-plan.js';
import { choose, LIVE, readWorld, type Row } from './command-sequence-world.js';
import { ADMIN, COOK, MANAGER } from './hub-fixture.js';

/** Stands in for a target that does not exist yet, so the op still runs and must answer NOT_FOUND. */
const MISSING = 'no-such-thing';

export function resolveOp(
  db: Database.Database,
  op: Op,
  history: readonly Executed[],
  newCommandId: () => string,
): Planned | null {
  if (op.kind === 'Resend' || op.kind === 'ReuseId') {
    const earlier = history[op.pick % Math.max(history.length, 1)];
    if (!earlier) return null;
    if (op.kind === 'Resend')
      return { actor: earlier.actor, command: earlier.command, mustFail: null, resendOf: earlier };
    const other = earlier.command.type === 'RequestCheck' ? 'CloseSession' : 'RequestCheck';
    return {
      actor: earlier.actor,
      command: { commandId: earlier.command.commandId, type: other, payload: { sessionId: MISSING } },
      mustFail: 'a reused command id',
      reuseOf: earlier,
    };
  }

  const world = readWorld(db);
  const sessionById = new Map(world.sessions.map((s) => [s.id, s]));
  const liveSession = (s: { status: string }) => LIVE.includes(s.status);
  // Money operations go mostly to live tables with something on the check.
  const billed = new Set(
    world.items.filter((i) => i.status !== 'PENDING' && i.status !== 'VOIDED').map((i) => i.sessionId),
  );
  const moneyOp = ['ApplyDiscount', 'RemoveDiscount', 'SplitCheck', 'RecordPayment', 'UpdateGuests'].includes(
    op.kind,
  );
  const session = choose(world.sessions, op.pick, (s) => liveSession(s) && (!moneyOp || billed.has(s.id)));
  const sessionId = session?.id ?? MISSING;
  const floor = (s = session) => [waiterOf(s?.sectorId), MANAGER, ADMIN];
  const floorOrDiner = (s = session) => [
    ...floor(s),
    ...world.diners.filter((d) => d.sessionId === s?.id).map(dinerActor),
  ];
  const managers = [MANAGER, ADMIN];
  const kitchen = [COOK, MANAGER];

  const plan = (
    type: string,
    payload: Record<string, unknown>,
    right: Actor[],
    scope: { sectors?: string[]; sessions?: string[] },
  ) => {
    const actor = actorFor(world, op.actor, right);
    const mustFail = forbidden(actor, type, { sectors: scope.sectors ?? [], sessions: scope.sessions ?? [] });
    const bySector = mustFail === SECTOR_REASON;
    return { actor, command: { commandId: newCommandId(), type, payload }, mustFail, bySector };
  };
  const onSession = (s = session) => ({ sectors: s ? [s.sectorId] : [], sessions: [s?.id ?? MISSING] });
  const sessionOf = (id: string | undefined) => (id === undefined ? undefined : sessionById.get(id));

  switch (op.kind) {
    case 'OpenSession': {
      const tableId = TABLES[op.table % TABLES.length]!;
      const sector = tableId === 'table-9' ? 'sector-terraza' : 'sector-salon';
      return plan('OpenSession', { tableId, guests: op.guests }, [waiterOf(sector), MANAGER, ADMIN], {
        sectors: [sector],
      });
    }
    case 'JoinSession': {
      const joinCode = session?.joinCode ?? 'ZZZZZZ';
      const payload = op.seat === null ? { joinCode } : { joinCode, seat: op.seat };
      const device: Actor = { kind: 'device', deviceId: 'table-qr' };
      return {
        actor: device,
        command: { commandId: newCommandId(), type: 'JoinSession', payload },
        mustFail: null,
      };
    }
    case 'AddItem':
      return plan('AddItem', { sessionId, item: itemInput(op.item) }, floorOrDiner(), onSession());
    case 'PlaceRound':
      return plan(
        'PlaceRound',
        { sessionId, items: op.items.map(itemInput), holdCourses: op.hold },
        floorOrDiner(),
        onSession(),
      );
    case 'SubmitRound':
    case 'ConfirmRound':
    case 'CancelRound':
    case 'MarkServed': {
      const wanted = {
        SubmitRound: ['PENDING'],
        ConfirmRound: ['SUBMITTED'],
        CancelRound: ['PENDING', 'SUBMITTED', 'IN_KITCHEN'],
        MarkServed: ['READY', 'IN_KITCHEN'],
      }[op.kind];
      const round = choose(world.rounds, op.pick, (r) => wanted.includes(r.status));
      const s = sessionOf(round?.sessionId);
      const roundId = round?.id ?? MISSING;
      if (op.kind === 'SubmitRound')
        return plan('SubmitRound', { roundId, holdCourses: op.hold }, floorOrDiner(s), onSession(s));
      if (op.kind === 'ConfirmRound') return plan('ConfirmRound', { roundId }, floor(s), onSession(s));
      if (op.kind === 'CancelRound') {
        return plan(
          'CancelRound',
          { roundId, reason: 'changed their mind' },
          [waiterOf(s?.sectorId), ...managers],
          onSession(s),
        );
      }
      const servable = world.items.filter(
        (i) => i.roundId === roundId && (i.status === 'READY' || i.status === 'FIRED'),
      );
      const payload =
        op.some && servable.length > 0
          ? { roundId, itemIds: servable.slice(0, 2).map((i) => i.id) }
          : { roundId };
      return plan('MarkServed', payload, floor(s), onSession(s));
    }
    case 'FireCourse':
      return plan('FireCourse', { sessionId, course: op.course }, floor(), onSession());
    case 'Ticket':
    case 'BumpItem': {
      const wanted = op.kind === 'Ticket' && op.action === 'RecallTicket' ? ['READY'] : ['NEW', 'STARTED'];
      const ticket = choose(world.tickets, op.pick, (t) => wanted.includes(t.status));
      const ticketId = ticket?.id ?? MISSING;
      if (op.kind === 'Ticket') return plan(op.action, { ticketId }, kitchen, {});
      const onTicket = world.items.filter((i) => i.ticketId === ticketId);
      const itemId = onTicket[op.item % Math.max(onTicket.length, 1)]?.id ?? MISSING;
      return plan('BumpItem', { ticketId, itemId }, kitchen, {});
    }
    case 'VoidItem': {
      const item = choose(world.items, op.pick, (i) => i.status !== 'VOIDED' && i.status !== 'PENDING');
      const s = sessionOf(item?.sessionId);
      return plan('VoidItem', { itemId: item?.id ?? MISSING, reason: 'sent back' }, managers, onSession(s));
    }
    case 'UpdateItem':
    case 'RemoveItem': {
      const item = choose(world.items, op.pick, (i) => i.status === 'PENDING');
      const s = sessionOf(item?.sessionId);
      const itemId = item?.id ?? MISSING;
      const payload = op.kind === 'UpdateItem' ? { itemId, qty: op.qty, seat: op.seat } : { itemId };
      return plan(op.kind, payload, floorOrDiner(s), onSession(s));
    }
    case 'UpdateGuests':
      return plan('UpdateGuests', { sessionId, guests: op.guests }, floor(), onSession());
    case 'RemoveDiscount': {
      const discounts = db
        .prepare('SELECT id FROM discount WHERE session_id = ? ORDER BY rowid')
        .all(sessionId) as Row[];
      const discountId =
        (discounts[op.pick % Math.max(discounts.length, 1)]?.id as string | undefined) ?? MISSING;
      return plan('RemoveDiscount', { sessionId, discountId }, managers, onSession());
    }
    case 'ApplyDiscount': {
      const payload = op.percent
        ? { sessionId, kind: 'PERCENT', value: op.value, reason: 'regulars' }
        : { sessionId, kind: 'AMOUNT', value: op.value % 3000 || 1, reason: 'late food' };
      return plan('ApplyDiscount', payload, managers, onSession());
    }
    case 'SplitCheck': {
      let split: Record<string, unknown> = { mode: op.mode };
      if (op.mode === 'EQUAL') split = { mode: 'EQUAL', parts: op.parts };
      if (op.mode === 'BY_ITEM') {
        const billed = world.items.filter(
          (i) => i.sessionId === sessionId && i.status !== 'PENDING' && i.status !== 'VOIDED',
        );
        const assignments = billed.slice(0, 3).map((i, n) => ({
          itemId: i.id,
          shareKey: (op.pick + n) % 2 === 0 ? 'ana' : 'ben',
          qty: 1 + ((op.pick + n) % i.qty),
        }));
        split = {
          mode: 'BY_ITEM',
          assignments: assignments.length > 0 ? assignments : [{ itemId: MISSING, shareKey: 'ana', qty: 1 }],
        };
      }
      return plan('SplitCheck', { sessionId, split }, floor(), onSession());
    }
    case 'RecordPayment': {
      const money = session ? sessionMoney(db, sessionId) : undefined;
      let shareKey: string | null = null;
      let due = money ? money.check.totalCents - netPaid(money.payments) : 100;
      if (op.amount === 'share' && money?.split && money.split.shares.length > 0) {
        const share = money.split.shares[op.pick % money.split.shares.length]!;
        shareKey = share.key;
        due = share.amountCents - netPaid(money.payments.filter((p) => p.shareKey === share.key));
      }
      // At least a cent: the schema refuses 0 (a payment of 1 when nothing is due is the domain's to refuse).
      const amountCents = Math.max(
        1,
        { due, share: due, half: Math.max(1, Math.floor(due / 2)), over: due + 1 + (op.pick % 500) }[
          op.amount
        ],
      );
      const tipCents = op.tip;
      const cash = op.method === 'CASH';
      const tenderedCents =
        !cash || op.cash === 'none'
          ? null
          : Math.max(
              0,
              amountCents + tipCents + { exact: 0, change: 1 + (op.pick % 2000), short: -1 }[op.cash],
            );
      const card =
        op.method === 'CARD' && op.cash === 'exact' ? { approvalCode: 'AUTH42', last4: '4242' } : {};
      return plan(
        'RecordPayment',
        { sessionId, shareKey, method: op.method, amountCents, tipCents, tenderedCents, ...card },
        floor(),
        onSession(),
      );
    }
    case 'RefundPayment': {
      const payment = choose(world.payments, op.pick, (p) => p.status === 'CAPTURED');
      const left = payment ? payment.amount - payment.refunded : 1;
      const amountCents = { all: left, one: 1, over: left + 1 }[op.amount];
      return plan(
        'RefundPayment',
        { paymentId: payment?.id ?? MISSING, amountCents, reason: 'overcharged' },
        managers,
        {},
      );
    }
    case 'RequestCheck':
      return plan('RequestCheck', { sessionId }, floorOrDiner(), onSession());
    case 'CloseSession': {
      const s = choose(world.sessions, op.pick, (x) => x.status === 'PAYING');
      return plan('CloseSession', { sessionId: s?.id ?? MISSING }, floor(s), onSession(s));
    }
    case 'TransferSession': {
      const toTableId = TRANSFER_TABLES[op.table % TRANSFER_TABLES.length]!;
      const toSector = ['table-9', 'table-10'].includes(toTableId) ? 'sector-terraza' : 'sector-salon';
      const scope = { sectors: [...onSession().sectors, toSector], sessions: [sessionId] };
      return plan(
        'TransferSession',
        { sessionId, toTableId },
        [MANAGER, ADMIN, waiterOf(session?.sectorId)],
        scope,
      );
    }
    case 'MergeSessions': {
      const into = choose(world.sessions, op.into, liveSession);
      const scope = {
        sectors: [session?.sectorId, into?.sectorId].filter((s): s is string => !!s),
        sessions: [],
      };
      return plan(
        'MergeSessions',
        { fromSessionId: sessionId, intoSessionId: into?.id ?? MISSING },
        [MANAGER, ADMIN],
        scope,
      );
    }
    case 'VoidSession':
      return plan('VoidSession', { sessionId, reason: 'walked out before ordering' }, managers, onSession());
    case 'SetProductAvailability': {
      const list = op.product % 3 === 0 ? PRODUCTS : STOCKED;
      const payload: Record<string, unknown> = {
        productId: list[op.product % list.length],
        available: op.available,
      };
      if (op.stock !== undefined) payload.stockCount = op.stock;
      return plan('SetProductAvailability', payload, STAFF, {});
    }
    case 'CreateServiceCall':
      return plan(
        'CreateServiceCall',
        { sessionId, kind: op.callKind, note: '' },
        floorOrDiner(),
        onSession(),
      );
    case 'CallStep': {
      const call = choose(world.calls, op.pick, (c) => c.status !== 'RESOLVED');
      const s = sessionOf(call?.sessionId);
      const timer: Actor = { kind: 'system', name: 'escalation-timer' };
      const right = op.action === 'EscalateServiceCall' ? [timer, MANAGER] : floor(s);
      // Once escalated, any waiter may answer the call.
      const sectors = s && !call?.escalated ? [s.sectorId] : [];
      return plan(op.action, { callId: call?.id ?? MISSING }, right, { sectors });
    }
  }
}
