// The write path end to end on a real SQLite file: a dinner service through commands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHubFixture,
  COOK,
  MANAGER,
  WAITER_SALON,
  WAITER_TERRAZA,
  type HubFixture,
} from './support/hub-fixture.js';
import { dumpReadModels, rebuildReadModels } from '../hub/store/rebuild.js';
import { verifyAuditChain } from '../hub/store/audit-log.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

describe('a dinner service through the write path', () => {
  it('seats a table, orders, cooks, serves, splits, pays and closes', async () => {
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-5', guests: 3 },
    });
    const placed = await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: {
        sessionId,
        items: [
          { productId: 'prod-cana', qty: 2 },
          { productId: 'prod-croquetas', qty: 1, notes: 'sin gluten si es posible' },
          { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'rare' }] },
        ],
      },
    });
    expect(placed.roundNumber).toBe(1);
    const ticketIds = placed.ticketIds as string[];
    expect(ticketIds).toHaveLength(3); // bar/drink, grill/starter, grill/main
    for (const ticketId of ticketIds) await hub.ok(COOK, { type: 'BumpTicket', payload: { ticketId } });
    const round = hub.db.read.prepare('SELECT status FROM round WHERE id = ?').get(placed.roundId) as {
      status: string;
    };
    expect(round.status).toBe('READY');
    await hub.ok(WAITER_SALON, { type: 'MarkServed', payload: { roundId: placed.roundId } });
    const split = await hub.ok(WAITER_SALON, {
      type: 'SplitCheck',
      payload: { sessionId, split: { mode: 'EQUAL', parts: 3 } },
    });
    const total = split.totalCents as number;
    expect(total).toBe(2 * 300 + 900 + 2400);
    const shares = split.shares as Array<{ key: string; amountCents: number }>;
    for (const share of shares) {
      await hub.ok(WAITER_SALON, {
        type: 'RecordPayment',
        payload: {
          sessionId,
          shareKey: share.key,
          method: 'CASH',
          amountCents: share.amountCents,
          tenderedCents: 2000,
        },
      });
    }
    const closed = await hub.ok(WAITER_SALON, { type: 'CloseSession', payload: { sessionId } });
    expect(closed.paidCents).toBe(total);
    expect(verifyAuditChain(hub.db.write)).toMatchObject({ ok: true });
  });

  it('a round resent with the same command id creates no second round and returns the same number', async () => {
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-1', guests: 2 },
    });
    const cmd = {
      type: 'PlaceRound',
      commandId: 'tablet-7-round-1',
      payload: { sessionId, items: [{ productId: 'prod-agua', qty: 1 }] },
    };
    const first = await hub.run(WAITER_SALON, cmd);
    const eventsAfterFirst = hub.events.length;
    const again = await Promise.all([hub.run(WAITER_SALON, cmd), hub.run(WAITER_SALON, cmd)]);
    expect(again).toEqual([first, first]);
    expect(hub.events.length).toBe(eventsAfterFirst);
    const rounds = hub.db.read
      .prepare('SELECT count(*) AS n FROM round WHERE session_id = ?')
      .get(sessionId) as { n: number };
    expect(rounds.n).toBe(1);
  });

  it('a waiter cannot touch a table outside their sectors', async () => {
    const r = await hub.run(WAITER_TERRAZA, {
      type: 'OpenSession',
      payload: { tableId: 'table-1', guests: 2 },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('one bad command in a batch does not sink the others', async () => {
    const results = await Promise.all([
      hub.run(WAITER_SALON, { type: 'OpenSession', payload: { tableId: 'table-2', guests: 2 } }),
      hub.run(WAITER_SALON, { type: 'OpenSession', payload: { tableId: 'table-2', guests: 2 } }),
      hub.run(WAITER_SALON, { type: 'OpenSession', payload: { tableId: 'table-3', guests: 4 } }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('rebuilding the read tables from the event log gives identical tables', async () => {
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-4', guests: 2 },
    });
    await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-flan', qty: 2 }] },
    });
    await hub.ok(MANAGER, {
      type: 'SetProductAvailability',
      payload: { productId: 'prod-jamon', available: false },
    });
    const before = dumpReadModels(hub.db.write);
    rebuildReadModels(hub.db.write);
    expect(dumpReadModels(hub.db.write)).toEqual(before);
  });
});
