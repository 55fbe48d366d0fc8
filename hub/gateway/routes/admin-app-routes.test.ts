// The admin app's reads on the real hub: inactive rows stay visible for editing, and the QR sheet's
// diner addresses carry the port the hub really bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminSettingsView,
  AdminCatalogView,
  AdminFloorView,
  HubAddressesView,
} from '../../../protocol/admin-api-views.js';
import { startTestHub, type HubUnderTest } from '../../../test/support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

async function command(type: string, payload: Record<string, unknown>) {
  const r = await t.fetchJson('/api/commands', {
    token: t.tokens.MANAGER,
    body: { commandId: `admin-app-${type}-${Math.random().toString(36).slice(2)}`, type, payload },
  });
  expect(r.status).toBe(200);
}

describe('admin app reads', () => {
  it('a product switched off is gone from the menu but still in the admin catalog', async () => {
    const before = (await t.fetchJson('/api/admin/catalog', { token: t.tokens.MANAGER }))
      .body as AdminCatalogView;
    const product = before.products.find((p) => p.active)!;
    await command('UpsertProduct', {
      productId: product.id,
      categoryId: product.categoryId,
      name: product.name,
      description: product.description,
      priceCents: product.basePriceCents,
      station: product.station,
      course: product.course,
      taxRateBp: product.taxRateBp,
      allergens: product.allergens,
      modifierGroups: product.modifierGroups,
      active: false,
    });
    const menu = (await t.fetchJson('/api/menu', { token: t.tokens.MANAGER })).body as {
      categories: { products: { id: string }[] }[];
    };
    expect(menu.categories.flatMap((c) => c.products).some((p) => p.id === product.id)).toBe(false);
    const after = (await t.fetchJson('/api/admin/catalog', { token: t.tokens.MANAGER }))
      .body as AdminCatalogView;
    expect(after.products.find((p) => p.id === product.id)).toMatchObject({ active: false });
    expect(after.catalogVersion).toBeGreaterThan(before.catalogVersion);
    expect(after.categories.length).toBeGreaterThan(0);
    expect(after.stations.map((s) => s.id)).toContain(product.station);
  });

  it('the admin floor lists every table with its join code and sector, and the branch name', async () => {
    const floor = (await t.fetchJson('/api/admin/floor', { token: t.tokens.ADMIN })).body as AdminFloorView;
    expect(floor.branchName).not.toBe('');
    expect(floor.tables.length).toBe(14);
    for (const table of floor.tables) {
      expect(table.joinCode).toMatch(/^[A-Z0-9]{6}$/);
      expect(floor.sectors.map((s) => s.id)).toContain(table.sectorId);
    }
  });

  it('the diner base URLs use the port the hub is listening on', async () => {
    const r = await t.fetchJson('/api/admin/addresses', { token: t.tokens.MANAGER });
    const view = r.body as HubAddressesView;
    expect(view.httpPort).toBe(t.hub.port);
    expect(view.dinerBaseUrls).toEqual(view.lanAddresses.map((a) => `http://${a}:${t.hub.port}`));
  });

  it('the settings page reads what UpdateBranchSettings wrote; a zone Intl does not know is refused', async () => {
    const cmd = (settings: object, id: string) =>
      t.fetchJson('/api/commands/UpdateBranchSettings', {
        token: t.tokens.ADMIN,
        body: { commandId: id, payload: { settings } },
      });
    const changed = await cmd(
      { timeZone: 'America/Mexico_City', dinerRoundsNeedConfirmation: false },
      'set-tz-1',
    );
    expect(changed.status).toBe(200);
    const view = (await t.fetchJson('/api/admin/settings', { token: t.tokens.MANAGER }))
      .body as AdminSettingsView;
    expect(view.branchName).not.toBe('');
    expect(view.settings).toMatchObject({
      timeZone: 'America/Mexico_City',
      dinerRoundsNeedConfirmation: false,
    });
    expect(view.settings.currency).toMatch(/^[A-Z]{3}$/);

    const refused = await cmd({ timeZone: 'Mars/Olympus_Mons' }, 'set-tz-2');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'INVALID' });
    expect(JSON.stringify(refused.body)).toContain('timeZone');
    const after = (await t.fetchJson('/api/admin/settings', { token: t.tokens.ADMIN }))
      .body as AdminSettingsView;
    expect(after.settings.timeZone).toBe('America/Mexico_City');
    // A waiter may not change them.
    const waiter = await t.fetchJson('/api/commands/UpdateBranchSettings', {
      token: t.tokens.WAITER,
      body: { commandId: 'set-tz-3', payload: { settings: { locale: 'en' } } },
    });
    expect(waiter.status).toBe(403);
  });

  it('waiters and kitchen staff may not read them', async () => {
    for (const path of [
      '/api/admin/catalog',
      '/api/admin/floor',
      '/api/admin/addresses',
      '/api/admin/settings',
    ]) {
      expect((await t.fetchJson(path, { token: t.tokens.WAITER })).status).toBe(403);
      expect((await t.fetchJson(path, { token: t.tokens.KITCHEN })).status).toBe(403);
      expect((await t.fetchJson(path)).status).toBe(401);
    }
  });
});
