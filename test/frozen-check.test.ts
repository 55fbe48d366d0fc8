// The first payment freezes the check (hub/domain/lifecycle/SPEC.md, invariant 5): nothing that lowers the
// total may happen once money was taken, or the table would have paid more than it owes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../protocol/events/event.js';
import { createHubFixture, MANAGER, WAITER_SALON, type HubFixture } from './support/hub-fixture.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

async function tableWithRound(tableId: string) {
  const { sessionId } = await hub.ok(WAITER_SALON, { type: 'OpenSession', payload: { tableId, guests: 2 } });
  const placed = await hub.ok(WAITER_SALON, {
    type: 'PlaceRound',
    payload: {
      sessionId,
      items: [
        { productId: 'prod-cana', qty: 2 },
        { productId: 'prod-flan', qty: 1 },
      ],
    },
  });
  const itemIds = placed.itemIds as string[];
  return { sessionId: sessionId as string, roundId: placed.roundId as string, itemIds };
}

const pay = (sessionId: string, amountCents: number) =>
  hub.ok(WAITER_SALON, { type: 'RecordPayment', payload: { sessionId, method: 'CARD', amountCents } });

describe('a check frozen by its first payment', () => {
  it('still lets a manager void an item before anything was paid', async () => {
    const { itemIds } = await tableWithRound('table-1');
    const r = await hub.run(MANAGER, {
      type: 'VoidItem',
      payload: { itemId: itemIds[0], reason: 'spilled' },
    });
    expect(r.ok).toBe(true);
  });

  it('refuses to void an item once a payment was taken, so paid never passes the total', async () => {
    const { sessionId, itemIds } = await tableWithRound('table-1');
    await pay(sessionId, 2 * 300 + 550);
    const r = await hub.run(MANAGER, {
      type: 'VoidItem',
      payload: { itemId: itemIds[0], reason: 'spilled' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses to void an item of a closed session', async () => {
    const { sessionId, itemIds } = await tableWithRound('table-2');
    await pay(sessionId, 2 * 300 + 550);
    await hub.ok(WAITER_SALON, { type: 'CloseSession', payload: { sessionId } });
    const r = await hub.run(MANAGER, { type: 'VoidItem', payload: { itemId: itemIds[1], reason: 'late' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses to cancel a round in the kitchen once a payment was taken', async () => {
    const { sessionId, roundId } = await tableWithRound('table-3');
    await pay(sessionId, 100);
    const r = await hub.run(MANAGER, { type: 'CancelRound', payload: { roundId, reason: 'wrong table' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('still cancels a diner round waiting for confirmation, which was never on the check', async () => {
    const { sessionId } = await tableWithRound('table-4');
    const table = hub.db.read.prepare("SELECT join_code FROM dining_table WHERE id = 'table-4'").get() as {
      join_code: string;
    };
    const joined = await hub.ok(
      { kind: 'device', deviceId: 'qr' },
      { type: 'JoinSession', payload: { joinCode: table.join_code } },
    );
    const diner: Actor = { kind: 'diner', sessionId, dinerId: joined.dinerId as string };
    const dinerRound = await hub.ok(diner, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-helado', qty: 1 }] },
    });
    expect(dinerRound.status).toBe('SUBMITTED');
    await pay(sessionId, 2 * 300 + 550);
    await hub.ok(MANAGER, { type: 'CancelRound', payload: { roundId: dinerRound.roundId, reason: 'left' } });
    const closed = await hub.ok(WAITER_SALON, { type: 'CloseSession', payload: { sessionId } });
    expect(closed).toMatchObject({ totalCents: 1150, paidCents: 1150 });
  });
});
