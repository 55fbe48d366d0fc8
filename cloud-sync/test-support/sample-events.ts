// Valid domain events for tests, with only the fields a scenario cares about as parameters.
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
): DomainEvent {
  return {
    type: 'RoundPlaced',
    data: {
      roundId,
      sessionId,
      number,
      source: 'STAFF',
      createdBy: 'staff-1',
      items,
      needsConfirmation: false,
      firedItemIds: items.map((i) => i.itemId),
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
