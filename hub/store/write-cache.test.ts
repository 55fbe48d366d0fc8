// The writer's cache of branch, staff, products and floor must never answer differently from the tables:
// not after a change, not after a rolled-back savepoint, not after another connection wrote the file.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchema } from '../../protocol/commands/command.js';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { ADMIN, createHubFixture, WAITER_SALON, type HubFixture } from '../../test/support/hub-fixture.js';
import { cachedProduct } from './write-cache.js';

let hub: HubFixture | undefined;
afterEach(() => hub?.close());

const beer = { productId: 'prod-cana', qty: 1 };
let n = 0;
const command = (type: string, payload: unknown) =>
  commandSchema.parse({ commandId: `cache-${++n}`, type, payload });

async function openTable(h: HubFixture, tableId: string): Promise<string> {
  return (await h.ok(WAITER_SALON, { type: 'OpenSession', payload: { tableId, guests: 2 } }))
    .sessionId as string;
}

describe('the write cache', () => {
  it('sees a product sold out by an earlier command of the same batch', async () => {
    hub = await createHubFixture();
    const sessionId = await openTable(hub, 'table-1');
    await hub.ok(WAITER_SALON, { type: 'PlaceRound', payload: { sessionId, items: [beer] } }); // fills the cache
    const [soldOut, round] = await Promise.all([
      hub.bus.execute(command('SetProductAvailability', { productId: 'prod-cana', available: false }), {
        actor: ADMIN,
        requestId: null,
      }),
      hub.bus.execute(command('PlaceRound', { sessionId, items: [beer] }), {
        actor: WAITER_SALON,
        requestId: null,
      }),
    ]);
    expect(soldOut.ok).toBe(true);
    expect(round.ok ? 'ok' : round.error.code).toBe('CONFLICT');
  });

  it('forgets what a rolled-back savepoint let it read', async () => {
    // A transactional writer that reads the product inside the savepoint (so the cache holds the
    // uncommitted "sold out"), then fails: the savepoint rolls back and the product is available again.
    const failingWriter = (db: Database.Database, e: EventEnvelope) => {
      if (e.type !== 'ProductAvailabilitySet') return;
      expect(cachedProduct(db, e.data.productId)?.available).toBe(false);
      throw new Error('disk hiccup after the projection');
    };
    hub = await createHubFixture({ bus: { transactionalWriters: [failingWriter] } });
    const sessionId = await openTable(hub, 'table-1');
    const failed = await hub.run(ADMIN, {
      type: 'SetProductAvailability',
      payload: { productId: 'prod-cana', available: false },
    });
    expect(failed.ok ? 'ok' : failed.error.code).toBe('INTERNAL');
    const round = await hub.run(WAITER_SALON, { type: 'PlaceRound', payload: { sessionId, items: [beer] } });
    expect(round.ok).toBe(true);
  });

  it('follows staff changes and a write by another connection', async () => {
    hub = await createHubFixture();
    const sessionId = await openTable(hub, 'table-1');
    await hub.ok(WAITER_SALON, { type: 'PlaceRound', payload: { sessionId, items: [beer] } });

    // Another connection (a repair script, say) marks the beer sold out behind the hub's back.
    const other = new Database(hub.db.file);
    other.prepare('UPDATE branch_product SET available = 0 WHERE product_id = ?').run('prod-cana');
    other.close();
    const refused = await hub.run(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [beer] },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFLICT');

    await hub.ok(ADMIN, { type: 'UpdateStaff', payload: { staffId: 'staff-luis', active: false } });
    const gone = await hub.run(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-2', guests: 2 },
    });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('UNAUTHENTICATED');
  });

  it('follows a session moved to a table in another sector into its live topics', async () => {
    hub = await createHubFixture();
    const sessionId = await openTable(hub, 'table-1');
    await hub.ok(WAITER_SALON, { type: 'PlaceRound', payload: { sessionId, items: [beer] } });
    const sectorOf = (tableId: string) =>
      (
        hub!.db.write.prepare('SELECT sector_id AS s FROM dining_table WHERE id = ?').get(tableId) as {
          s: string;
        }
      ).s;
    const elsewhere = (
      hub.db.write
        .prepare('SELECT id FROM dining_table WHERE sector_id != ? LIMIT 1')
        .get(sectorOf('table-1')) as {
        id: string;
      }
    ).id;
    await hub.ok(ADMIN, { type: 'TransferSession', payload: { sessionId, toTableId: elsewhere } });
    await hub.ok(ADMIN, { type: 'PlaceRound', payload: { sessionId, items: [beer] } });
    const topics = hub.db.write
      .prepare("SELECT topics FROM event WHERE type = 'RoundPlaced' ORDER BY seq DESC LIMIT 1")
      .get() as { topics: string };
    expect(JSON.parse(topics.topics)).toContain(`sector:${sectorOf(elsewhere)}`);
    expect(JSON.parse(topics.topics)).not.toContain(`sector:${sectorOf('table-1')}`);
  });
});
