// The catalog copy (seeded from the hub's own events), owner edits with growing versions, the change feed
// with must_refetch, the snapshot, and the applied-version report — on every database target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogChangesAnswerSchema, catalogSnapshotSchema } from '../../protocol/sync/catalog-feed.js';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import * as cat from '../test-support/catalog-events.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import { seedHub, type SeededHub } from '../test-support/seed.js';
import { catalogReportRecorder } from './catalog-applied.js';
import { catalogEditorView } from './catalog-editor-view.js';
import { applyCatalogEdit } from './catalog-edits.js';
import { catalogChangesSince, catalogSnapshot } from './catalog-feed.js';
import { catchUpCatalog } from './catalog-ingest-tail.js';

const T0 = Date.parse('2026-11-27T21:00:00Z');

describe.each(DB_TARGETS)('catalog on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  let hub: SeededHub;
  let log: HubLogSimulator;
  const clock = manualClock(T0);
  const edit = (e: unknown, retain?: number) =>
    applyCatalogEdit(db, { branchId: hub.branchId, edit: e, madeBy: 'ana@example.com' }, clock, { retain });
  const sync = async (events: ReturnType<typeof cat.demoMenu>) => {
    const appended = events.flatMap((cmd) => log.append(cmd));
    await ingestAs(db, hub, log.batch(appended), clock);
  };

  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    hub = await seedHub(db, clock);
    log = new HubLogSimulator(hub.hubId, hub.branchId);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('starts the cloud copy from the menu the hub already has, as soon as the hub syncs it', async () => {
    expect(await catchUpCatalog(db, hub.branchId)).toBe(0);
    await sync(cat.demoMenu());
    expect(await catchUpCatalog(db, hub.branchId)).toBe(4);
    expect(await catchUpCatalog(db, hub.branchId)).toBe(0);
    const view = await catalogEditorView(db, hub.tenantId, hub.branchId);
    expect(view?.headVersion).toBe(0);
    expect(view?.products.map((p) => [p.productId, p.effectivePriceCents])).toEqual([
      ['bife', 2400],
      ['milanesa', 1800],
    ]);
    expect(view?.stations).toEqual([{ stationId: 'grill', name: 'grill' }]);
  });

  it('numbers every owner edit per branch and serves the changes after a version, in order', async () => {
    const a = await edit({ type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 2600 } });
    const b = await edit({
      type: 'SetProductAvailability',
      payload: { productId: 'milanesa', available: false },
    });
    expect([a.version, b.version]).toEqual([1, 2]);
    const view = await catalogEditorView(db, hub.tenantId, hub.branchId);
    expect(view?.products.find((p) => p.productId === 'bife')).toMatchObject({
      priceCents: 2400,
      branchPriceCents: 2600,
      effectivePriceCents: 2600,
      pendingVersion: 1,
    });
    expect(view?.products.find((p) => p.productId === 'milanesa')?.available).toBe(false);

    const all = catalogChangesAnswerSchema.parse(await catalogChangesSince(db, hub.branchId, 0));
    expect(all).toMatchObject({ status: 'changes', headVersion: 2, upToDate: true });
    if (all.status !== 'changes') throw new Error('unreachable');
    expect(all.changes.map((c) => [c.version, c.type, c.payload])).toEqual([
      [1, 'SetBranchPrice', { productId: 'bife', priceCents: 2600 }],
      [2, 'SetProductAvailability', { productId: 'milanesa', available: false }],
    ]);
    expect(all.changes[0]?.changeId).toMatch(/^cc-/);
    const page = await catalogChangesSince(db, hub.branchId, 0, 1);
    expect(page).toMatchObject({ status: 'changes', upToDate: false, changes: [{ version: 1 }] });
    expect(await catalogChangesSince(db, hub.branchId, 2)).toMatchObject({ changes: [], upToDate: true });
  });

  it('merges a product edit with the stored product, so fields left out keep their values', async () => {
    const r = await edit({ type: 'UpsertProduct', payload: { productId: 'milanesa', priceCents: 1900 } });
    expect(r.payload).toMatchObject({
      productId: 'milanesa',
      priceCents: 1900,
      name: { es: 'Plato milanesa', en: 'Dish milanesa' },
      allergens: ['gluten'],
      active: true,
      station: 'grill',
    });
    const created = await edit({
      type: 'UpsertProduct',
      payload: {
        categoryId: 'cat-mains',
        name: { es: 'Flan', en: 'Flan' },
        priceCents: 700,
        station: 'grill',
        course: 'dessert',
      },
    });
    expect(created.payload.productId).toEqual(expect.any(String));
  });

  it('refuses edits the hub could not apply, and changes nothing', async () => {
    await expect(
      edit({ type: 'SetBranchPrice', payload: { productId: 'nope', priceCents: 100 } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      edit({ type: 'UpsertProduct', payload: { productId: 'bife', station: 'pastry' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      edit({ type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 1.5 } }),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(edit({ type: 'ResetStaffPin', payload: {} })).rejects.toMatchObject({ code: 'INVALID' });
    const head = await catalogChangesSince(db, hub.branchId, 0);
    expect(head.headVersion).toBe(4);
  });

  it('answers must_refetch when since is ahead of the head or older than what is kept', async () => {
    expect(await catalogChangesSince(db, hub.branchId, 99)).toMatchObject({
      status: 'must_refetch',
      headVersion: 4,
    });
    await edit({ type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 2700 } }, 2);
    // Versions 4 and 5 are kept: a hub at 3 can still catch up, a hub at 2 cannot.
    expect(await catalogChangesSince(db, hub.branchId, 3)).toMatchObject({
      status: 'changes',
      changes: [{ version: 4 }, { version: 5 }],
    });
    expect(await catalogChangesSince(db, hub.branchId, 2)).toMatchObject({
      status: 'must_refetch',
      headVersion: 5,
    });
  });

  it('builds a snapshot of the whole menu at the head version, without the hub-owned availability', async () => {
    const snap = catalogSnapshotSchema.parse(await catalogSnapshot(db, hub.branchId));
    expect(snap.version).toBe(5);
    const types = snap.commands.map((c) => c.type);
    expect(types.filter((t) => t === 'UpsertStation')).toHaveLength(1);
    expect(types.filter((t) => t === 'UpsertProduct')).toHaveLength(3);
    expect(types).not.toContain('SetProductAvailability');
    expect(snap.commands).toContainEqual(
      expect.objectContaining({ type: 'SetBranchPrice', payload: { productId: 'bife', priceCents: 2700 } }),
    );
    const again = await catalogSnapshot(db, hub.branchId);
    expect(again.commands[0]?.changeId).not.toBe(snap.commands[0]?.changeId);
  });

  it('follows the hub in its own order: a stale hub event, then the echo of the owner change', async () => {
    // The hub had changed the price locally before it pulled version 5; that event syncs late.
    await sync([[cat.branchPriceSet('bife', 2000, 2)]]);
    await catchUpCatalog(db, hub.branchId);
    let bife = (await catalogEditorView(db, hub.tenantId, hub.branchId))?.products.find(
      (p) => p.productId === 'bife',
    );
    expect(bife?.effectivePriceCents).toBe(2000);
    // Then it applies version 5: its own event brings the copy to the owner's price again.
    await sync([[cat.branchPriceSet('bife', 2700, 3)]]);
    await catchUpCatalog(db, hub.branchId);
    bife = (await catalogEditorView(db, hub.tenantId, hub.branchId))?.products.find(
      (p) => p.productId === 'bife',
    );
    expect(bife?.effectivePriceCents).toBe(2700);
  });

  it('stamps changes with the time the hub reports having applied them', async () => {
    const record = catalogReportRecorder(db, clock);
    const verified = { keyId: hub.keyId, hubId: hub.hubId, branchId: hub.branchId, tenantId: hub.tenantId };
    expect(await record(verified, { version: 4, appliedAt: '2026-11-27T21:05:00.000Z' })).toBe(true);
    expect(await record(verified, { version: 4, appliedAt: '2026-11-27T21:05:00.000Z' })).toBe(false);
    const view = await catalogEditorView(db, hub.tenantId, hub.branchId);
    expect(view?.hubs).toEqual([
      expect.objectContaining({ hubId: hub.hubId, appliedVersion: 4, appliedAt: '2026-11-27T21:05:00.000Z' }),
    ]);
    expect(view?.changes.map((c) => [c.version, c.appliedAt])).toEqual([
      [5, null],
      [4, '2026-11-27T21:05:00.000Z'],
    ]);
    expect(view?.products.find((p) => p.productId === 'bife')?.pendingVersion).toBe(5);
    expect(view?.products.find((p) => p.productId === 'milanesa')?.pendingVersion).toBeNull();
  });

  it('shows a branch only to its own tenant', async () => {
    expect(await catalogEditorView(db, 'another-tenant', hub.branchId)).toBeUndefined();
  });
});
