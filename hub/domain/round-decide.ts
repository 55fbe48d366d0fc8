// Decisions on rounds: line-level edits of the pending round, submit, place, confirm and cancel.
import type { ItemInput } from '../../protocol/commands/round-commands.js';
import type { BranchSettings, Course } from '../../protocol/domain-values.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import { decided, ev, type Decision } from './decision.js';
import { buildItem, orderable, resolveModifiers } from './round-items.js';
import { authoredBy, mayEditLine } from './diner-lines.js';
import { ticketsFor } from './kitchen-routing.js';
import { roundLifecycle } from './lifecycle/round-lifecycle.js';
import { isLiveSession, sessionLifecycle } from './lifecycle/session-lifecycle.js';
import { transition } from './lifecycle/lifecycle.js';
import { isManager } from './permissions.js';
import { fail, ok, type Result } from './result.js';
import type { DecideContext, ProductView, RoundView, SessionView } from './views.js';

const actorStaffId = (ctx: DecideContext) => (ctx.actor.kind === 'staff' ? ctx.actor.staffId : null);
const bySource = (ctx: DecideContext): 'STAFF' | 'DINER' => (ctx.actor.kind === 'diner' ? 'DINER' : 'STAFF');
const live = (round: RoundView) => round.items.filter((i) => i.status !== 'VOIDED');

function canOrder(session: SessionView): Result<unknown> {
  return transition('session', sessionLifecycle, session.status, 'order');
}

export interface AddItemInput {
  session: SessionView;
  /** The session's shared pending round, if one is open. */
  pendingRound: RoundView | undefined;
  product: ProductView | undefined;
}

export function decideAddItem(input: AddItemInput, item: ItemInput, ctx: DecideContext): Result<Decision> {
  const can = canOrder(input.session);
  if (!can.ok) return can;
  const events: DomainEvent[] = [];
  let roundId = input.pendingRound?.id;
  let number = input.pendingRound?.number;
  if (!roundId) {
    roundId = ctx.newId();
    number = input.session.roundCount + 1;
    events.push(
      ev('RoundCreated', {
        roundId,
        sessionId: input.session.id,
        number,
        source: bySource(ctx),
        createdBy: actorStaffId(ctx),
      }),
    );
  }
  const itemId = ctx.newId();
  const built = buildItem(input.product, authoredBy(ctx, item), { itemId, addedBy: actorStaffId(ctx) });
  if (!built.ok) return built;
  events.push(ev('ItemAdded', { roundId, item: built.value }));
  return decided(events, { roundId, roundNumber: number, itemId });
}

export interface ItemEditInput {
  round: RoundView | undefined;
  itemId: string;
  product: ProductView | undefined;
}

function pendingItem(input: ItemEditInput, ctx: DecideContext | undefined) {
  const item = input.round?.items.find((i) => i.id === input.itemId);
  if (!input.round || !item) return fail('NOT_FOUND', `item ${input.itemId} not found`);
  if (input.round.status !== 'PENDING') {
    return fail('CONFLICT', `round ${input.round.number} was already submitted: void the item instead`);
  }
  const mine = mayEditLine(ctx, item);
  if (!mine.ok) return mine;
  return ok({ round: input.round, item });
}

export function decideUpdateItem(
  input: ItemEditInput,
  change: {
    qty?: number;
    notes?: string;
    modifiers?: Array<{ groupId: string; optionId: string }>;
    seat?: number | null;
  },
  ctx?: DecideContext,
): Result<Decision> {
  const found = pendingItem(input, ctx);
  if (!found.ok) return found;
  const { round, item } = found.value;
  let modifiers = item.modifiers;
  if (change.modifiers) {
    if (!input.product) return fail('NOT_FOUND', `product ${item.productId} is no longer on the menu`);
    const resolved = resolveModifiers(input.product, change.modifiers);
    if (!resolved.ok) return resolved;
    modifiers = resolved.value;
  }
  return decided([
    ev('ItemUpdated', {
      roundId: round.id,
      itemId: item.id,
      qty: change.qty ?? item.qty,
      notes: change.notes ?? item.notes,
      modifiers,
      seat: change.seat === undefined ? item.seat : change.seat,
    }),
  ]);
}

export function decideRemoveItem(input: ItemEditInput, ctx?: DecideContext): Result<Decision> {
  const found = pendingItem(input, ctx);
  if (!found.ok) return found;
  return decided([ev('ItemRemoved', { roundId: found.value.round.id, itemId: found.value.item.id })]);
}

export interface SubmitInput {
  round: RoundView;
  session: SessionView;
  products: ReadonlyMap<string, ProductView>;
  settings: BranchSettings;
  nextDailyNumber: number;
}

/** Availability and stock for every line of the round; stock falls in the same transaction. */
function takeStock(round: RoundView, products: ReadonlyMap<string, ProductView>): Result<DomainEvent[]> {
  const soldOut: Array<{ itemId: string; productId: string; name: string; left: number | null }> = [];
  const wanted = new Map<string, number>();
  for (const item of live(round)) {
    const p = orderable(products.get(item.productId), item.productId);
    if (!p.ok) soldOut.push({ itemId: item.id, productId: item.productId, name: item.name.es, left: 0 });
    wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.qty);
  }
  const events: DomainEvent[] = [];
  for (const [productId, qty] of wanted) {
    const product = products.get(productId);
    if (!product || product.stockCount === null) continue;
    if (product.stockCount < qty) {
      for (const item of live(round).filter((i) => i.productId === productId)) {
        soldOut.push({ itemId: item.id, productId, name: item.name.es, left: product.stockCount });
      }
      continue;
    }
    const left = product.stockCount - qty;
    events.push(
      ev('StockAdjusted', {
        productId,
        by: -qty,
        stockCount: left,
        available: product.available && left > 0,
      }),
    );
  }
  if (soldOut.length > 0) {
    const names = [...new Set(soldOut.map((s) => s.name))].join(', ');
    return fail('CONFLICT', `not available: ${names}`, { soldOut });
  }
  return ok(events);
}

function sendToKitchen(
  round: RoundView,
  session: SessionView,
  holdCourses: readonly Course[],
  nextDailyNumber: number,
  ctx: DecideContext,
): { events: DomainEvent[]; ticketIds: string[] } {
  const items = live(round);
  const held = items.filter((i) => holdCourses.includes(i.course));
  const fired = items.filter((i) => !holdCourses.includes(i.course));
  const tickets = ticketsFor(
    fired,
    { roundId: round.id, sessionId: session.id, tableId: session.tableId, nextDailyNumber },
    ctx,
  );
  return {
    events: [
      ev('RoundSentToKitchen', {
        roundId: round.id,
        firedItemIds: fired.map((i) => i.id),
        heldItemIds: held.map((i) => i.id),
      }),
      ...tickets.events,
    ],
    ticketIds: tickets.ticketIds,
  };
}

export function decideSubmitRound(
  input: SubmitInput,
  holdCourses: readonly Course[],
  ctx: DecideContext,
): Result<Decision> {
  const { round, session } = input;
  const can = canOrder(session);
  if (!can.ok) return can;
  const next = transition('round', roundLifecycle, round.status, 'submit');
  if (!next.ok) return next;
  if (live(round).length === 0) return fail('CONFLICT', 'the round has no items');
  const stock = takeStock(round, input.products);
  if (!stock.ok) return stock;
  const needsConfirmation = ctx.actor.kind === 'diner' && input.settings.dinerRoundsNeedConfirmation;
  const events: DomainEvent[] = [
    ev('RoundSubmitted', { roundId: round.id, submittedBy: actorStaffId(ctx), needsConfirmation }),
    ...stock.value,
  ];
  let ticketIds: string[] = [];
  if (!needsConfirmation) {
    const sent = sendToKitchen(round, session, holdCourses, input.nextDailyNumber, ctx);
    events.push(...sent.events);
    ticketIds = sent.ticketIds;
  }
  return decided(events, {
    roundId: round.id,
    roundNumber: round.number,
    status: needsConfirmation ? 'SUBMITTED' : 'IN_KITCHEN',
    ticketIds,
  });
}

export interface PlaceRoundInput {
  session: SessionView;
  products: ReadonlyMap<string, ProductView>;
  settings: BranchSettings;
  nextDailyNumber: number;
}

/** Creates a round holding all the lines and submits it, atomically: one RoundPlaced plus its tickets. */
export function decidePlaceRound(
  input: PlaceRoundInput,
  lines: readonly ItemInput[],
  holdCourses: readonly Course[],
  ctx: DecideContext,
): Result<Decision> {
  const { session } = input;
  const can = canOrder(session);
  if (!can.ok) return can;
  const roundId = ctx.newId();
  const number = session.roundCount + 1;
  const source = bySource(ctx);
  const round: RoundView = {
    id: roundId,
    sessionId: session.id,
    number,
    status: 'PENDING',
    source,
    items: [],
  };
  const items = [];
  for (const line of lines) {
    const built = buildItem(input.products.get(line.productId), authoredBy(ctx, line), {
      itemId: ctx.newId(),
      addedBy: actorStaffId(ctx),
    });
    if (!built.ok) return built;
    items.push(built.value);
    round.items.push({ ...built.value, id: built.value.itemId, roundId, status: 'PENDING', ticketId: null });
  }
  const stock = takeStock(round, input.products);
  if (!stock.ok) return stock;
  const needsConfirmation = ctx.actor.kind === 'diner' && input.settings.dinerRoundsNeedConfirmation;
  const held = needsConfirmation ? [] : round.items.filter((i) => holdCourses.includes(i.course));
  const fired = needsConfirmation ? [] : round.items.filter((i) => !holdCourses.includes(i.course));
  const tickets = ticketsFor(
    fired,
    { roundId, sessionId: session.id, tableId: session.tableId, nextDailyNumber: input.nextDailyNumber },
    ctx,
  );
  return decided(
    [
      ev('RoundPlaced', {
        roundId,
        sessionId: session.id,
        number,
        source,
        createdBy: actorStaffId(ctx),
        items,
        needsConfirmation,
        firedItemIds: fired.map((i) => i.id),
        heldItemIds: held.map((i) => i.id),
      }),
      ...stock.value,
      ...tickets.events,
    ],
    {
      roundId,
      roundNumber: number,
      status: needsConfirmation ? 'SUBMITTED' : 'IN_KITCHEN',
      ticketIds: tickets.ticketIds,
      itemIds: items.map((i) => i.itemId),
    },
  );
}

export function decideConfirmRound(
  input: { round: RoundView; session: SessionView; nextDailyNumber: number },
  ctx: DecideContext,
): Result<Decision> {
  const next = transition('round', roundLifecycle, input.round.status, 'send');
  if (!next.ok) return next;
  if (!isLiveSession(input.session.status)) {
    return fail('CONFLICT', `the session is ${input.session.status}: nothing more goes to the kitchen`);
  }
  const sent = sendToKitchen(input.round, input.session, [], input.nextDailyNumber, ctx);
  return decided(sent.events, {
    roundId: input.round.id,
    roundNumber: input.round.number,
    ticketIds: sent.ticketIds,
  });
}

export interface CancelRoundInput {
  round: RoundView;
  session: SessionView;
  tickets: ReadonlyArray<{ id: string; status: string }>;
  products: ReadonlyMap<string, ProductView>;
}

export function decideCancelRound(
  input: CancelRoundInput,
  reason: string,
  ctx: DecideContext,
): Result<Decision> {
  const { round } = input;
  const next = transition('round', roundLifecycle, round.status, 'cancel');
  if (!next.ok) return next;
  if (round.status !== 'PENDING' && !isManager(ctx.actor)) {
    return fail('FORBIDDEN', 'a submitted round can only be canceled by a manager');
  }
  if (input.tickets.some((t) => t.status !== 'NEW' && t.status !== 'VOID')) {
    return fail('CONFLICT', 'the kitchen has started this round: void its items instead');
  }
  // Lines sent to the kitchen are on the check; taking them off after a payment froze it is an edit.
  if (live(round).some((i) => i.status !== 'PENDING')) {
    const editable = transition('session', sessionLifecycle, input.session.status, 'edit');
    if (!editable.ok) return editable;
  }
  const events: DomainEvent[] = [ev('RoundCanceled', { roundId: round.id, reason })];
  for (const t of input.tickets) {
    if (t.status !== 'VOID')
      events.push(ev('TicketVoided', { ticketId: t.id, reason: reason || 'round canceled' }));
  }
  // Stock taken at submit comes back.
  if (round.status !== 'PENDING') {
    const qty = new Map<string, number>();
    for (const item of live(round)) qty.set(item.productId, (qty.get(item.productId) ?? 0) + item.qty);
    for (const [productId, n] of qty) {
      const p = input.products.get(productId);
      if (!p || p.stockCount === null) continue;
      const count = p.stockCount + n;
      events.push(
        ev('StockAdjusted', {
          productId,
          by: n,
          stockCount: count,
          available: p.available || (p.stockCount === 0 && count > 0),
        }),
      );
    }
  }
  return decided(events, { roundId: round.id });
}
