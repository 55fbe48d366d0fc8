// Valid domain events for tests, with only the fields a scenario cares about as parameters.
import { branchSettingsSchema } from '../../protocol/domain-values.js';
import type { DomainEvent } from '../../protocol/events/event.js';
import type { RoundItemData } from '../../protocol/events/round-events.js';

export function sessionOpened(sessionId: string, tableId = 'table-1'): DomainEvent {
  return { type: 'SessionOpened', data: { sessionId, tableId, guests: 2, openedBy: 'staff-1' } };
}

export function item(
  itemId: string,
  productId: string,
  unitPriceCents: number,
  qty = 1,
  modifierCents = 0,
): RoundItemData {
  return {
    itemId,
    productId,
    name: { es: `Producto ${productId}`, en: `Product ${productId}` },
    unitPriceCents,
    qty,
    modifiers:
      modifierCents > 0
        ? [{ groupId: 'g', optionId: 'o', name: 'extra', priceDeltaCents: modifierCents }]
        : [],
    notes: '',
    dinerId: null,
    seat: null,
    course: 'main',
    station: 'grill',
    taxRateBp: 1000,
    allergens: [],
    addedBy: 'staff-1',
  };
}

export function roundPlaced(
  roundId: string,
  sessionId: string,
  items: RoundItemData[],
  number = 1,
  needsConfirmation = false,
): DomainEvent {
  return {
    type: 'RoundPlaced',
    data: {
      roundId,
      sessionId,
      number,
      source: needsConfirmation ? 'DINER' : 'STAFF',
      createdBy: needsConfirmation ? null : 'staff-1',
      items,
      needsConfirmation,
      firedItemIds: needsConfirmation ? [] : items.map((i) => i.itemId),
      heldItemIds: [],
    },
  };
}

export function itemVoided(roundId: string, itemId: string): DomainEvent {
  return { type: 'ItemVoided', data: { roundId, itemId, reason: 'wrong dish' } };
}

export function roundCanceled(roundId: string): DomainEvent {
  return { type: 'RoundCanceled', data: { roundId, reason: 'table left' } };
}

export function paymentRecorded(
  sessionId: string,
  paymentId: string,
  amountCents: number,
  tipCents = 0,
): DomainEvent {
  return {
    type: 'PaymentRecorded',
    data: {
      sessionId,
      paymentId,
      shareKey: null,
      method: 'CARD',
      amountCents,
      tipCents,
      tenderedCents: null,
      changeCents: 0,
      approvalCode: 'OK',
      last4: '4242',
    },
  };
}

export function sessionClosed(sessionId: string, totalCents: number, tipsCents = 0): DomainEvent {
  return { type: 'SessionClosed', data: { sessionId, totalCents, paidCents: totalCents, tipsCents } };
}

/** A diner's cart: a DRAFT round (filled with itemAdded, sent with roundSubmitted). */
export function roundCreated(roundId: string, sessionId: string, number = 1): DomainEvent {
  return {
    type: 'RoundCreated',
    data: { roundId, sessionId, number, source: 'DINER', createdBy: null },
  };
}

export function itemAdded(roundId: string, item: RoundItemData): DomainEvent {
  return { type: 'ItemAdded', data: { roundId, item } };
}

export function roundSubmitted(roundId: string, needsConfirmation = false): DomainEvent {
  return { type: 'RoundSubmitted', data: { roundId, submittedBy: null, needsConfirmation } };
}

export function roundSentToKitchen(roundId: string): DomainEvent {
  return { type: 'RoundSentToKitchen', data: { roundId, firedItemIds: [], heldItemIds: [] } };
}

/** The branch's settings as the hub emits them: every field not named at the hub's default. */
export function branchSettings(o: {
  timeZone: string;
  businessDayStartsAtHour?: number;
  currency?: string;
  /** BranchInitialized (the hub's first event) instead of BranchSettingsUpdated. */
  initial?: boolean;
}): DomainEvent {
  const branchId = 'branch-1';
  const { initial, ...fields } = o;
  const settings = branchSettingsSchema.parse(fields);
  return initial === true
    ? {
        type: 'BranchInitialized',
        data: { tenantId: 't', tenantName: 'Grupo', branchId, branchName: 'Centro', settings },
      }
    : { type: 'BranchSettingsUpdated', data: { branchId, settings } };
}

/** An event no owner projection reads: its batch writes the event log and nothing else. */
export function serviceCallCreated(callId: string, sessionId: string): DomainEvent {
  return {
    type: 'ServiceCallCreated',
    data: { callId, sessionId, tableId: 'table-1', kind: 'CALL_WAITER', note: '' },
  };
}
