// What happens to the kitchen when a table's story ends early: voids, late fires, orders after the check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubFixture, MANAGER, WAITER_SALON, type HubFixture } from './support/hub-fixture.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

const status = (table: string, id: string) =>
  (hub.db.read.prepare(`SELECT status FROM ${table} WHERE id = ?`).get(id) as { status: string }).status;

async function seat(tableId: string) {
  return (await hub.ok(WAITER_SALON, { type: 'OpenSession', payload: { tableId, guests: 2 } }))
    .sessionId as string;
}

describe('ending a table', () => {
  it('voiding a session voids its kitchen tickets and ends its rounds', async () => {
    const sessionId = await seat('table-1');
    const placed = await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: {
        sessionId,
        items: [
          { productId: 'prod-bravas', qty: 1 },
          { productId: 'prod-cana', qty: 1 },
        ],
      },
    });
    await hub.ok(MANAGER, { type: 'VoidSession', payload: { sessionId, reason: 'guests left' } });
    for (const ticketId of placed.ticketIds as string[])
      expect(status('kitchen_ticket', ticketId)).toBe('VOID');
    expect(status('round', placed.roundId as string)).toBe('CANCELED');
  });

  it('a held course cannot be fired once the session is closed', async () => {
    const sessionId = await seat('table-2');
    await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-flan', qty: 1 }], holdCourses: ['dessert'] },
    });
    await hub.ok(MANAGER, { type: 'VoidSession', payload: { sessionId, reason: 'test' } });
    const r = await hub.run(WAITER_SALON, { type: 'FireCourse', payload: { sessionId, course: 'dessert' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a round whose every item is voided ends as CANCELED', async () => {
    const sessionId = await seat('table-3');
    const placed = await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-bravas', qty: 1 }] },
    });
    const [itemId] = placed.itemIds as string[];
    await hub.ok(MANAGER, { type: 'VoidItem', payload: { itemId, reason: 'wrong table' } });
    expect(status('round', placed.roundId as string)).toBe('CANCELED');
    const item = hub.db.read.prepare('SELECT void_reason FROM round_item WHERE id = ?').get(itemId) as {
      void_reason: string;
    };
    expect(item.void_reason).toBe('wrong table');
  });

  it('a table that asked for the check may still order, and stays CHECK_REQUESTED', async () => {
    const sessionId = await seat('table-4');
    await hub.ok(WAITER_SALON, { type: 'RequestCheck', payload: { sessionId } });
    await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-cafe', qty: 2 }] },
    });
    expect(status('table_session', sessionId)).toBe('CHECK_REQUESTED');
  });
});
