// The owner dashboard in Debian's Chromium against the real cloud (PGlite) and a real hub paired with it.
// An owner signs in; two diners at a table send a round from their phones and the owner sees it in today's
// figures once the hub has synced, changes a price, and the hub's own menu shows it, with the editor
// saying when the hub applied it. A second test
// signs in to a group with three branches and three weeks of history (simulated hub logs sent through the
// real signed ingest) for screenshots of every page in Spanish and English (test/e2e/screenshots/).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_PATH } from '../../protocol/sync/ingest-batch.js';
import { signRequest } from '../../protocol/sync/request-signing.js';
import { createBranch, createHub, createTenant } from '../../cloud-sync/admin/tenant-admin.js';
import { systemClock } from '../../cloud-sync/clock.js';
import { startCloudService, type CloudService } from '../../cloud-sync/cloud-service.js';
import { parseCloudConfig } from '../../cloud-sync/config.js';
import type { CloudDb } from '../../cloud-sync/db/cloud-db.js';
import { createOwnerAccount } from '../../cloud-sync/owner/owner-accounts.js';
import { DB_TARGETS, type OpenedTarget } from '../../cloud-sync/test-support/db-targets.js';
import { HubLogSimulator } from '../../cloud-sync/test-support/hub-log-simulator.js';
import { joinCodeOf } from '../support/live-service.js';
import { FAST_SYNC, startSyncHub, type SyncHub } from '../support/sync-hub.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';
import { historyFor, menuEvents } from './support/owner-history.js';

const PASSWORD = 'owner-password-1';

let browser: Browser;
let opened: OpenedTarget;
let db: CloudDb;
let cloud: CloudService;
let base: string;
const hubs: SyncHub[] = [];

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('kpi-revenue').waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  opened = await DB_TARGETS[0]!.open();
  db = opened.db;
  cloud = await startCloudService({
    config: parseCloudConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    dbs: { write: db, read: db, close: async () => {} },
  });
  base = `http://127.0.0.1:${cloud.port}`;
});
afterAll(async () => {
  await browser?.close();
  for (const h of hubs) await h.stop().catch(() => undefined);
  await cloud?.close();
  await opened?.close();
});

describe('owner dashboard', () => {
  it("shows the diners' round after the hub syncs, and a price change reaches the hub", async () => {
    const { tenantId } = await createTenant(db, 'Grupo Comanda Demo');
    const { branchId } = await createBranch(db, {
      tenantId,
      name: 'Comanda Centro',
      branchId: 'branch-demo',
    });
    const key = await createHub(db, { branchId, name: 'caja' }, systemClock);
    await createOwnerAccount(db, { tenantId, email: 'owner@demo.test', password: PASSWORD, role: 'owner' });

    const hub = await startSyncHub({ sync: { ...FAST_SYNC, catalog: { pollMs: 250 } } });
    hubs.push(hub);
    const paired = await hub.api('/api/sync/pair', {
      body: { url: base, hubId: key.hubId, keyId: key.keyId, secret: key.secret },
    });
    expect(paired.status).toBe(200);

    const { page } = await newDevice(browser, 'laptop');
    await page.goto(`${base}/`);
    await page.locator('input[name=email]').waitFor();
    await screenshot(page, 'owner-01-login');
    await signIn(page, 'owner@demo.test');

    // A waiter seats table 3; two diners join from its QR link on their phones, build one round
    // together (bravas and a beer) and send it, and the kitchen has its tickets. Diner rounds go straight
    // to the kitchen in this restaurant (the other setting: test/e2e/diner.e2e.test.ts).
    await hub.command('UpdateBranchSettings', { settings: { dinerRoundsNeedConfirmation: false } });
    const { sessionId } = (await hub.command('OpenSession', { tableId: 'table-3', guests: 2 })) as {
      sessionId: string;
    };
    const code = joinCodeOf(hub.hub, 'table-3');
    const [lucia, tom] = [await newDevice(browser, 'phone'), await newDevice(browser, 'phone')];
    for (const [phone, name] of [
      [lucia.page, 'Lucía'],
      [tom.page, 'Tom'],
    ] as const) {
      await phone.goto(`http://127.0.0.1:${hub.hub.port}/t/${code}`);
      await phone.getByRole('textbox').fill(name);
      await phone.locator('form button[type=submit]').click();
      await phone.locator('.t-product').first().waitFor();
    }
    await lucia.page.locator('[data-product="prod-bravas"] .t-add').click();
    await tom.page.locator('[data-product="prod-cana"] .t-add').click();
    await lucia.page.locator('.t-tabs button').nth(1).click();
    await expect.poll(() => lucia.page.locator('.t-line').count(), { timeout: 10_000 }).toBe(2);
    const sent = Date.now();
    await lucia.page.getByRole('button', { name: 'Enviar a cocina' }).click();
    await lucia.page.locator('.t-round .badge').filter({ hasText: 'En cocina' }).waitFor();
    const tickets = (await hub.api('/api/kitchen/tickets')).body as Array<{
      sessionId?: string;
      tableLabel: string;
    }>;
    expect(tickets.filter((k) => k.tableLabel === '3').length).toBeGreaterThan(0);
    await lucia.context.close();
    await tom.context.close();

    const menu = (await hub.api('/api/menu')).body as {
      categories: { products: { id: string; priceCents: number }[] }[];
    };
    const priceOf = (m: typeof menu, id: string) =>
      m.categories.flatMap((c) => c.products).find((p) => p.id === id)?.priceCents ?? NaN;
    const roundCents = priceOf(menu, 'prod-bravas') + priceOf(menu, 'prod-cana');
    const session = (await hub.api(`/api/sessions/${sessionId}`)).body as {
      check: { subtotalCents: number };
    };
    expect(session.check.subtotalCents).toBe(roundCents);

    // The live feed brings the round to the overview without a reload, within seconds.
    const card = page.getByTestId('branch-branch-demo');
    await card
      .getByTestId('branch-ordered')
      .filter({ hasText: formatEuro(roundCents) })
      .waitFor({ timeout: 10_000 });
    console.log(
      `owner e2e: the diners' round on the owner's dashboard ${Date.now() - sent} ms after the diner tapped send`,
    );
    await card.getByText('En línea').first().waitFor();
    await screenshot(page, 'owner-02-overview-live');

    // The owner raises the beer's price at this branch.
    await page.locator('nav a', { hasText: 'Carta' }).click();
    const row = page.getByTestId('product-prod-cana');
    await row.getByTestId('edit-price').click();
    await row.getByRole('textbox').fill('3,40');
    await row.locator('button[type=submit]').click();
    await row.getByText('Pendiente en el hub').or(row.getByText('Aplicado')).waitFor();
    await screenshot(page, 'owner-03-menu-price-sent');

    // The hub pulls the change and applies it: its own menu has the new price.
    await until('the hub menu to show 3,40 €', async () => {
      const m = (await hub.api('/api/menu')).body as typeof menu;
      return priceOf(m, 'prod-cana') === 340 ? true : undefined;
    });
    // Its next batch reports the version it applied; the editor shows when.
    await page
      .getByTestId('hub-applied')
      .filter({ hasText: /Versión 1 aplicada/ })
      .waitFor({ timeout: 20_000 });
    await row.getByText('Aplicado').waitFor();
    expect(await row.getByTestId('price').textContent()).toBe(formatEuro(340));
    await screenshot(page, 'owner-04-menu-applied');
  });

  it('presents a group with three branches and three weeks of history, in Spanish and English', async () => {
    const { tenantId } = await createTenant(db, 'Grupo La Brasa');
    await createOwnerAccount(db, {
      tenantId,
      email: 'lucia@labrasa.test',
      password: PASSWORD,
      role: 'owner',
    });
    await createOwnerAccount(db, {
      tenantId,
      email: 'gestoria@labrasa.test',
      password: PASSWORD,
      role: 'viewer',
    });
    const today = new Date().toISOString().slice(0, 10);
    const branches: [string, number, boolean][] = [
      ['Centro', 1.2, true],
      ['Puerto', 0.8, true],
      ['Terraza Norte', 0.5, false],
    ];
    for (const [name, scale, open] of branches) {
      const { branchId } = await createBranch(db, { tenantId, name });
      const key = await createHub(
        db,
        { branchId, name: `caja-${name.split(' ')[0]!.toLowerCase()}` },
        systemClock,
      );
      const log = new HubLogSimulator(key.hubId, branchId);
      for (const cmd of menuEvents()) log.append(cmd);
      historyFor(log, name.slice(0, 3), today, 21, scale, open);
      for (let i = 0; i < log.events.length; i += 400) {
        const slice = log.events.slice(i, i + 400);
        const body = JSON.stringify(log.batch(slice, slice[0]!.seq - 1));
        const headers = await signRequest({
          method: 'POST',
          path: INGEST_PATH,
          keyId: key.keyId,
          secret: key.secret,
          body,
        });
        const res = await fetch(`${base}${INGEST_PATH}`, {
          method: 'POST',
          body,
          headers: { ...headers, 'content-type': 'application/json' },
        });
        expect(res.status).toBe(200);
      }
    }
    // One branch's hub has been quiet for 45 minutes: it shows offline.
    await db.query(
      `UPDATE hub_status SET last_seen_at = now() - interval '45 minutes'
        WHERE hub_id IN (SELECT h.id FROM hubs h JOIN branches b ON b.id = h.branch_id WHERE b.tenant_id = $1 AND b.name = 'Terraza Norte')`,
      [tenantId],
    );

    for (const locale of ['es-ES', 'en-GB']) {
      const lang = locale.slice(0, 2);
      const { page, context } = await newDevice(browser, 'laptop', { locale });
      await signIn(page, 'lucia@labrasa.test');
      expect(await page.locator('.branch').count()).toBe(3);
      await screenshot(page, `owner-10-overview-${lang}`);
      await page.goto(`${base}/#/reports`);
      await page.getByTestId('chart-days').locator('canvas').waitFor();
      await page.getByTestId('preset-30').click();
      await page.getByTestId('top-products').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: await screenshot(page, `owner-11-reports-${lang}`), fullPage: true });
      const csv = await page.request.get(`${base}${await page.getByTestId('csv-days').getAttribute('href')}`);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split('\r\n')[0]).toBe(
        'day,revenue,ordered,payments,tips,refunds,sessions_closed,rounds_placed,items_voided',
      );
      await page.goto(`${base}/#/menu`);
      await page.getByTestId('hub-catalog-status').waitFor();
      await screenshot(page, `owner-12-menu-${lang}`);
      if (lang === 'es') {
        // A new dish for this branch, from the editor's form.
        await page.getByRole('button', { name: /Nuevo plato/ }).click();
        await page.getByLabel('Nombre (español)').fill('Pulpo a la gallega');
        await page.getByLabel('Nombre (inglés)').fill('Galician octopus');
        await page.getByLabel('Categoría').selectOption({ label: 'Principales' });
        await page.getByLabel('Precio base').fill('18,90');
        await page.locator('.chip-check', { hasText: 'moluscos' }).click();
        await screenshot(page, 'owner-14-menu-new-dish');
        await page.getByRole('button', { name: 'Guardar' }).click();
        await page
          .locator('tr', { hasText: 'Pulpo a la gallega' })
          .getByText('Pendiente en el hub')
          .waitFor();
        expect(
          await page.locator('tr', { hasText: 'Pulpo a la gallega' }).getByTestId('price').textContent(),
        ).toBe(formatEuro(1890));
      }
      await context.close();
    }

    // A viewer (the accountant) sees the same menu without any way to change it.
    const { page, context } = await newDevice(browser, 'laptop');
    await signIn(page, 'gestoria@labrasa.test');
    await page.goto(`${base}/#/menu`);
    await page.getByText('Tu cuenta es de solo lectura').waitFor();
    await page.getByTestId('product-entrecot').waitFor();
    expect(await page.getByTestId('edit-price').count()).toBe(0);
    expect(await page.getByRole('switch').first().isDisabled()).toBe(true);
    await screenshot(page, 'owner-13-menu-viewer');
    await context.close();
  });
});

function formatEuro(cents: number): string {
  return new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
