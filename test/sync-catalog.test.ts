// Catalog down-sync against a signed test server that speaks protocol/sync/catalog-feed.ts: changes become
// hub commands (command id = change id) committed with the cursor; pages follow each other; a change seen
// twice is a no-op; must_refetch loads the snapshot with its version, at most once per interval; a reload
// that does not move the version is an error, not a loop; the applied version rides on each ingest batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogChange } from '../protocol/sync/catalog-feed.js';
import { readCatalogCursor, writeCatalogCursor } from '../hub/sync/sync-meta.js';
import { startFeedServer, type FeedServer } from './support/catalog-feed-server.js';
import { eventually, FAST_SYNC, startSyncHub, type SyncHub } from './support/sync-hub.js';

let feed: FeedServer;
let hub: SyncHub;

const change = (
  version: number,
  type: CatalogChange['type'],
  payload: Record<string, unknown>,
): CatalogChange => ({
  version,
  changeId: `chg-${version}`,
  type,
  payload,
  madeAt: '2026-11-27T20:00:00.000Z',
});
const category = { categoryId: 'cat-cloud', name: { es: 'De la nube', en: 'From the cloud' } };
const product = (priceCents: number) => ({
  productId: 'prod-cloud',
  categoryId: 'cat-cloud',
  name: { es: 'Tortilla', en: 'Omelette' },
  priceCents,
  station: 'grill',
  course: 'main',
});

beforeEach(async () => {
  feed = await startFeedServer();
  hub = await startSyncHub({
    sync: {
      ...FAST_SYNC,
      catalog: { pollMs: 30, refetchMinIntervalMs: 60_000, backoff: { baseMs: 5, capMs: 40 } },
    },
  });
});
afterEach(async () => {
  await hub.stop();
  await feed.close();
});

const pair = () =>
  hub.api('/api/sync/pair', {
    body: { url: feed.url, hubId: feed.hubId, keyId: feed.keyId, secret: feed.secret },
  });
const db = () => hub.hub.db.write;
const productRow = () =>
  db().prepare('SELECT name_es, price_cents FROM product WHERE id = ?').get('prod-cloud') as
    { name_es: string; price_cents: number } | undefined;
const commandsFromCloud = () =>
  (
    db()
      .prepare("SELECT command_id FROM command_log WHERE command_id LIKE 'chg-%' ORDER BY command_id")
      .all() as Array<{
      command_id: string;
    }>
  ).map((r) => r.command_id);

describe('catalog down-sync', () => {
  it('applies changes page by page as hub commands with the cursor, and reports the version upstream', async () => {
    feed.changes.push(
      change(1, 'UpsertCategory', category),
      change(2, 'UpsertProduct', product(1200)),
      change(3, 'UpsertProduct', product(1350)),
    );
    await pair();
    await eventually(() => readCatalogCursor(db())?.version === 3, 'version 3 to be applied');
    expect(productRow()).toEqual({ name_es: 'Tortilla', price_cents: 1350 });
    expect(commandsFromCloud()).toEqual(['chg-1', 'chg-2', 'chg-3']);
    expect(feed.requests.changes).toBeGreaterThanOrEqual(2); // pages of two: more than one request
    expect(feed.requests.badSignatures).toBe(0);

    // Events made by catalog commands go up like any other, and batches carry the applied version.
    await eventually(() => feed.reports.some((r) => r.catalog?.version === 3), 'a batch reporting version 3');
    expect((await hub.api('/api/sync/status')).body).toMatchObject({
      catalog: { version: 3, lastError: null },
    });

    // Delivered again (a cursor lost, say): the command log answers, nothing changes, no new events.
    const events = hub.events().length;
    writeCatalogCursor(db(), { version: 0, appliedAt: new Date().toISOString() });
    hub.hub.sync.kick();
    await eventually(() => readCatalogCursor(db())?.version === 3, 'version 3 again');
    expect(hub.events().length).toBe(events);
  });

  it('refuses an invalid change without stopping: it is listed and the cursor moves past it', async () => {
    feed.changes.push(change(1, 'UpsertProduct', { productId: 'x' }), change(2, 'UpsertCategory', category));
    await pair();
    await eventually(() => readCatalogCursor(db())?.version === 2, 'version 2');
    expect(hub.status().catalog.rejected).toEqual([
      expect.objectContaining({ changeId: 'chg-1', version: 1 }),
    ]);
    expect(commandsFromCloud()).toEqual(['chg-2']);
  });

  it('reloads from the snapshot on must_refetch, once per interval, and reports a refetch loop', async () => {
    feed.oldestKept = 10;
    feed.changes.push(change(11, 'UpsertProduct', product(1500)));
    feed.snapshot = {
      branchId: 'branch-demo',
      version: 10,
      commands: [
        { changeId: 'snap-10-cat', type: 'UpsertCategory', payload: category },
        { changeId: 'snap-10-prod', type: 'UpsertProduct', payload: product(1400) },
      ],
    };
    await pair();
    await eventually(() => readCatalogCursor(db())?.version === 11, 'snapshot 10, then change 11');
    expect(productRow()?.price_cents).toBe(1500);
    expect(feed.requests.snapshot).toBe(1);

    // A confused cloud asks for a reload on every request: one more is too many within the interval.
    feed.alwaysRefetch = true;
    hub.hub.sync.kick();
    await eventually(
      async () => /not reloading in a loop/.test(hub.status().catalog.lastError ?? ''),
      'the loop to be reported',
    );
    expect(feed.requests.snapshot).toBe(1);
    expect(readCatalogCursor(db())?.version).toBe(11);
  });

  it('reports a snapshot that does not advance the version as an error and does not retry it at once', async () => {
    feed.alwaysRefetch = true;
    feed.snapshot = { branchId: 'branch-demo', version: 0, commands: [] };
    await pair();
    await eventually(
      async () => /did not advance the version/.test(hub.status().catalog.lastError ?? ''),
      'the error to be reported',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(feed.requests.snapshot).toBe(1);
  });
});
