// Catalog down-sync against the real cloud (cloud-sync/catalog): an owner's menu edits reach the paired hub
// as commands, and the hub's ingest batches tell the cloud which version it applied.
import { afterEach, describe, expect, it } from 'vitest';
import { applyCatalogEdit } from '../cloud-sync/catalog/catalog-edits.js';
import { catchUpCatalog } from '../cloud-sync/catalog/catalog-ingest-tail.js';
import { systemClock } from '../cloud-sync/clock.js';
import { toNumber } from '../cloud-sync/db/cloud-db.js';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { readCatalogCursor } from '../hub/sync/sync-meta.js';
import { startSyncCloud } from './support/sync-cloud.js';
import { eventually, FAST_SYNC, startSyncHub } from './support/sync-hub.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
});

describe.each(DB_TARGETS)('catalog from the real cloud on $name', (target) => {
  it("applies an owner's edits on the hub and reports the applied version back", async () => {
    const cloud = await startSyncCloud(target);
    stops.push(() => cloud.close());
    const hub = await startSyncHub({
      sync: { ...FAST_SYNC, catalog: { pollMs: 30, backoff: { baseMs: 5, capMs: 40 } } },
    });
    stops.push(() => hub.stop());
    const r = await hub.api('/api/sync/pair', {
      body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
    });
    expect(r.status).toBe(200);
    // The cloud learns the branch's stations and menu from the hub's own events first.
    await eventually(() => hub.outboxSize() === 0, 'the demo menu to reach the cloud');
    await catchUpCatalog(cloud.db, cloud.branchId);

    const edit = (e: unknown) =>
      applyCatalogEdit(cloud.db, { branchId: cloud.branchId, edit: e, madeBy: 'owner-test' }, systemClock);
    await edit({
      type: 'UpsertCategory',
      payload: { categoryId: 'cat-cloud', name: { es: 'De la nube', en: 'From the cloud' } },
    });
    const last = await edit({
      type: 'UpsertProduct',
      payload: {
        categoryId: 'cat-cloud',
        name: { es: 'Tortilla', en: 'Omelette' },
        priceCents: 1250,
        station: 'grill',
        course: 'main',
      },
    });
    const productId = String(last.payload.productId);
    hub.hub.sync.kick();

    await eventually(() => (readCatalogCursor(hub.hub.db.write)?.version ?? 0) >= last.version, 'the edits');
    expect(
      hub.hub.db.read.prepare('SELECT name_es, price_cents FROM product WHERE id = ?').get(productId),
    ).toEqual({ name_es: 'Tortilla', price_cents: 1250 });
    expect(hub.status().catalog).toMatchObject({ version: last.version, lastError: null, rejected: [] });
    await eventually(async () => {
      const rows = await cloud.db.query<{ version: unknown }>(
        'SELECT version FROM catalog_hub_applied WHERE hub_id = $1',
        [cloud.key.hubId],
      );
      return rows.length > 0 && toNumber(rows[0]!.version) === last.version;
    }, 'the cloud to learn the applied version');
  }, 60_000);
});
