// A split is only useful if each share can be paid by sending its key back: the keys every split mode
// makes must pass the protocol's id format, and paying every share settles the check exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubFixture, WAITER_SALON, type HubFixture } from './support/hub-fixture.js';

let hub: HubFixture;
beforeEach(async () => {
  hub = await createHubFixture();
});
afterEach(() => hub.close());

const SPLITS = [
  { mode: 'EQUAL', parts: 3 },
  { mode: 'BY_SEAT' },
  { mode: 'BY_ITEM', assignments: [] as unknown[] },
] as const;

describe('paying a split check share by share', () => {
  it.each(SPLITS)(
    'every $mode share is paid by its key and the session closes paid in full',
    async (split) => {
      const { sessionId } = await hub.ok(WAITER_SALON, {
        type: 'OpenSession',
        payload: { tableId: 'table-6', guests: 3 },
      });
      const placed = await hub.ok(WAITER_SALON, {
        type: 'PlaceRound',
        payload: {
          sessionId,
          items: [
            { productId: 'prod-cana', qty: 2, seat: 1 },
            { productId: 'prod-bravas', qty: 1, seat: 2 },
            { productId: 'prod-flan', qty: 3 },
          ],
        },
      });
      const [cana] = placed.itemIds as string[];
      const payload =
        split.mode === 'BY_ITEM'
          ? { mode: 'BY_ITEM', assignments: [{ itemId: cana, shareKey: 'ana', qty: 1 }] }
          : split;
      const { shares, totalCents } = await hub.ok(WAITER_SALON, {
        type: 'SplitCheck',
        payload: { sessionId, split: payload },
      });
      for (const share of shares as Array<{ key: string; amountCents: number }>) {
        await hub.ok(WAITER_SALON, {
          type: 'RecordPayment',
          payload: { sessionId, shareKey: share.key, method: 'CARD', amountCents: share.amountCents },
        });
      }
      const closed = await hub.ok(WAITER_SALON, { type: 'CloseSession', payload: { sessionId } });
      expect(closed).toMatchObject({ totalCents, paidCents: totalCents });
    },
  );
});
