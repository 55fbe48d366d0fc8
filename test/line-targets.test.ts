// A line's diner and seat must be the table's: a made-up diner or seat would become a share of its own
// when the check is split by diner or by seat (found driving the hub over HTTP as a new user would).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubFixture, WAITER_SALON, type HubFixture } from './support/hub-fixture.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

const line = (extra: Record<string, unknown>) => ({ productId: 'prod-cana', qty: 1, ...extra });

describe('the diner and seat of an order line', () => {
  it('refuses a made-up diner (404) and a seat the table does not have (400), and changes nothing', async () => {
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-1', guests: 2 },
    });
    const before = hub.events.length;
    const ghost = await hub.run(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [line({ dinerId: 'ghost-diner' })] },
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const seat = await hub.run(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [line({ seat: 42 })] },
    });
    expect(seat).toMatchObject({ ok: false, error: { code: 'INVALID', details: { seat: 42, seats: 2 } } });
    const added = await hub.run(WAITER_SALON, {
      type: 'AddItem',
      payload: { sessionId, item: line({ seat: 3 }) },
    });
    expect(added).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(hub.events.length).toBe(before);
  });

  it('takes a diner who joined the table and a seat up to the guest count', async () => {
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-2', guests: 2 },
    });
    const joinCode = (
      hub.db.read.prepare('SELECT join_code FROM dining_table WHERE id = ?').get('table-2') as {
        join_code: string;
      }
    ).join_code;
    const { dinerId } = await hub.ok(WAITER_SALON, {
      type: 'JoinSession',
      payload: { joinCode, name: 'Eva' },
    });
    const placed = await hub.run(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [line({ dinerId }), line({ seat: 2 })] },
    });
    expect(placed.ok).toBe(true);
    // Split by diner, the share is named for the diner, not by an id; the unclaimed line is shared.
    const split = await hub.ok(WAITER_SALON, {
      type: 'SplitCheck',
      payload: { sessionId, split: { mode: 'BY_DINER' } },
    });
    expect((split.shares as Array<{ label: string }>).map((sh) => sh.label)).toEqual(['Eva']);
  });
});
