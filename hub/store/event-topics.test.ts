// Topics are fixed at write time from what the event touches: a round's events follow its table's
// sector and session, tickets their station, staff events only the admin topic.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createHubFixture, type HubFixture } from '../../test/support/hub-fixture.js';

let f: HubFixture | undefined;
afterEach(() => f?.close());

const topicsOf = (fx: HubFixture, type: string) =>
  (
    fx.db.read.prepare('SELECT topics FROM event WHERE type = ? ORDER BY seq DESC LIMIT 1').get(type) as {
      topics: string;
    }
  ).topics;

describe('event topics', () => {
  it('places a round on its sector and session, its tickets on their stations, staff on admin only', async () => {
    f = await createHubFixture();
    const { sessionId } = (await f.ok(ADMIN, {
      type: 'OpenSession',
      payload: { tableId: 'table-9', guests: 2 },
    })) as {
      sessionId: string;
    };
    await f.ok(ADMIN, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-bravas', qty: 1 }] },
    });
    const session = `session:${sessionId}`;
    expect(JSON.parse(topicsOf(f, 'SessionOpened'))).toEqual(['admin', 'sector:sector-terraza', session]);
    // A round placed whole follows its table's sector and session.
    expect(JSON.parse(topicsOf(f, 'RoundPlaced'))).toEqual(['admin', 'sector:sector-terraza', session]);
    expect(JSON.parse(topicsOf(f, 'TicketCreated'))).toEqual([
      'admin',
      'expo',
      'kitchen:grill',
      'sector:sector-terraza',
      session,
    ]);
    expect(JSON.parse(topicsOf(f, 'StaffCreated'))).toEqual(['admin']);
    expect(JSON.parse(topicsOf(f, 'ProductUpserted'))).toEqual(['admin', 'menu']);
  });

  it('places an item added with a brand-new round, both written by one command before any projection', async () => {
    f = await createHubFixture();
    const { sessionId } = (await f.ok(ADMIN, {
      type: 'OpenSession',
      payload: { tableId: 'table-2', guests: 2 },
    })) as {
      sessionId: string;
    };
    await f.ok(ADMIN, { type: 'AddItem', payload: { sessionId, item: { productId: 'prod-agua', qty: 1 } } });
    expect(JSON.parse(topicsOf(f, 'ItemAdded'))).toEqual([
      'admin',
      'sector:sector-salon',
      `session:${sessionId}`,
    ]);
  });
});
