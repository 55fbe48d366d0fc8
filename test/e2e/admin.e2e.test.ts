// The admin app in Debian's Chromium at 1440×900 against a real hub: a manager signs in with her PIN,
// 86s a dish (the hub's menu shows it unavailable), changes a price (the menu shows it), is told beside
// the field when the hub refuses something, adds a waiter with a sector, and opens the printable QR sheet
// (a card for every table, each code pointing at /t/<join code>; printed to A4 as a PDF). Screenshots of
// every section go to test/e2e/screenshots/ (git-ignored).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { hubSteps } from './support/waiter-steps.js';
import { wire } from './support/wire.js';
import { launchBrowser, newDevice, screenshot, SCREENSHOT_DIR } from './support/browser.js';

interface MenuProduct {
  id: string;
  priceCents: number;
  available: boolean;
}
interface FloorTable {
  id: string;
  label: string;
  joinCode: string;
}

let browser: Browser;
let t: HubUnderTest;
/** One signed-in laptop for both tests: the hub allows 5 sign-ins a minute per address. */
let page: Page;

beforeAll(async () => {
  [browser, t] = await Promise.all([launchBrowser(), startTestHub()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function menuProduct(id: string): Promise<MenuProduct | undefined> {
  const menu = (await t.fetchJson('/api/menu', { token: t.tokens.MANAGER })).body as {
    categories: { products: MenuProduct[] }[];
  };
  return menu.categories.flatMap((c) => c.products).find((p) => p.id === id);
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Screenshots without the last action's toast over them. */
async function noToasts(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.toast') === null, undefined, { timeout: 8000 });
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${t.base}/admin/`);
  await page.getByRole('button', { name: /Marta/ }).waitFor();
  await screenshot(page, 'admin-01-login');
  await page.getByRole('button', { name: /Marta/ }).click();
  await page.keyboard.type('2222');
  await page.locator('.shell').waitFor();
  await page.locator('.conn-live').waitFor();
}

describe('admin app', () => {
  it('a manager 86s a dish, changes a price, adds a waiter and prints every table’s QR code', async () => {
    ({ page } = await newDevice(browser, 'laptop'));
    await signIn(page);

    // Catalog: 86 the croquetas with one click; the hub's menu says so.
    const row = page.locator('tr[data-product-id="prod-croquetas"]');
    await row.waitFor();
    await screenshot(page, 'admin-02-catalog');
    await row.getByRole('button', { name: /agotado/i }).click();
    await row.locator('.badge-danger', { hasText: 'Agotado' }).waitFor();
    await until(
      () => menuProduct('prod-croquetas'),
      (p) => p?.available === false,
      'croquetas 86',
    );
    await page.getByRole('button', { name: 'Agotados', exact: true }).click();
    await page.locator('tr[data-product-id]').first().waitFor();
    expect(await page.locator('tr[data-product-id]').count()).toBe(1);
    await screenshot(page, 'admin-02b-sold-out');
    await page.getByRole('button', { name: 'Todos', exact: true }).click();

    // A price change, after a mistake the form catches before sending.
    await row.getByRole('button', { name: /Editar/ }).click();
    const price = page.getByLabel('Precio de carta');
    await price.fill('9,7x');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('.field-error', { hasText: 'Importe no válido' }).waitFor();
    await screenshot(page, 'admin-03-product-form');
    await price.fill('9,75');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await until(
      () => menuProduct('prod-croquetas'),
      (p) => p?.priceCents === 975,
      'price 9,75',
    );
    await row.locator('.num', { hasText: '9,75' }).waitFor();

    // Staff: the hub's refusal lands beside the role; then a waiter with a sector is created.
    await page.getByRole('link', { name: 'Personal' }).click();
    await page.getByRole('button', { name: 'Nueva persona' }).click();
    await page.getByLabel('Nombre').fill('Carla');
    await page.getByLabel('Rol').selectOption('ADMIN');
    await page.getByLabel('PIN inicial').fill('6789');
    await page.getByRole('button', { name: 'Crear' }).click();
    const roleError = page.locator('.field', { has: page.getByLabel('Rol') }).locator('.field-error');
    await roleError.waitFor();
    expect(await roleError.textContent()).toMatch(/admin/i);
    await screenshot(page, 'admin-04-staff-refused');
    await page.getByLabel('Rol').selectOption('WAITER');
    await page.locator('.chip', { hasText: 'Salón' }).click();
    await page.getByRole('button', { name: 'Crear' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: 'Carla' }).waitFor();
    const staff = (await t.fetchJson('/api/staff', { token: t.tokens.MANAGER })).body as {
      name: string;
      role: string;
      sectorIds: string[];
    }[];
    expect(staff.find((s) => s.name === 'Carla')).toMatchObject({
      role: 'WAITER',
      sectorIds: ['sector-salon'],
    });
    await noToasts(page);
    await screenshot(page, 'admin-05-staff');

    // Floor, then the printable QR sheet: one card for every table, each code for its join code.
    await page.getByRole('link', { name: 'Sala y mesas' }).click();
    await page.locator('.table-tile').first().waitFor();
    await screenshot(page, 'admin-06-floor');
    await page.getByRole('link', { name: /Hoja de códigos QR/ }).click();
    const floor = (await t.fetchJson('/api/floor', { token: t.tokens.MANAGER })).body as {
      sectors: { tables: FloorTable[] }[];
    };
    const tables = floor.sectors.flatMap((s) => s.tables);
    await page
      .locator('.qr-card')
      .nth(tables.length - 1)
      .waitFor();
    const cards = await page.locator('.qr-card').evaluateAll((els) =>
      els.map((el) => ({
        label: el.getAttribute('data-table-label'),
        qr: el.querySelector('svg[data-qr-value]')?.getAttribute('data-qr-value'),
      })),
    );
    expect(cards).toHaveLength(tables.length);
    for (const table of tables) {
      const card = cards.find((c) => c.label === table.label);
      expect(card?.qr, `table ${table.label}`).toMatch(
        new RegExp(`^https?://[^/]+:\\d+/t/${table.joinCode}$`),
      );
    }
    await screenshot(page, 'admin-07-qr-sheet');
    // As printed: A4 less the 10 mm margins of @page, at 96 dpi.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1047 });
    await screenshot(page, 'admin-08-qr-sheet-print');
    await page.setViewportSize({ width: 1440, height: 900 });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SCREENSHOT_DIR, 'admin-qr-sheet.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBe(Math.ceil(tables.length / 6));
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows devices, sync, HTTPS and audit pages the way a manager reads them', async () => {
    await page.goto(`${t.base}/admin/#/devices`);
    await page.locator('.shell').waitFor();
    await noToasts(page);

    await page.getByRole('button', { name: 'Emparejar pantalla de cocina' }).click();
    await page.getByLabel('Nombre de la pantalla').fill('Parrilla 1');
    await page.getByRole('button', { name: 'Emparejar', exact: true }).click();
    const link = await page.getByTestId('pair-link').textContent();
    expect(link).toMatch(/\/kitchen\/\?device=cdv_/);
    await screenshot(page, 'admin-09-pair-screen');
    await page.getByRole('button', { name: 'Hecho' }).click();
    await page.locator('td', { hasText: 'Parrilla 1' }).waitFor();
    // A kitchen printer, checked before sending: a URL is not a host.
    await page.getByRole('button', { name: 'Añadir impresora' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Impresora parrilla');
    await page.getByLabel('Dirección IP o nombre').fill('http://10.0.0.9');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('.field-error', { hasText: 'Una IP o un nombre' }).waitFor();
    await page.getByLabel('Dirección IP o nombre').fill('127.0.0.1');
    await page.locator('.modal .chip', { hasText: 'Parrilla' }).click();
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('.list-row', { hasText: 'Impresora parrilla' }).waitFor();
    const printers = (await t.fetchJson('/api/printers', { token: t.tokens.MANAGER })).body as {
      name: string;
      stations: string[];
    }[];
    expect(printers).toEqual([expect.objectContaining({ name: 'Impresora parrilla', stations: ['grill'] })]);
    await noToasts(page);
    await screenshot(page, 'admin-10-devices');

    await page.getByRole('link', { name: 'Sincronización' }).click();
    await page.getByText('No emparejado').waitFor();
    await screenshot(page, 'admin-11-sync');

    await page.getByRole('link', { name: 'HTTPS para tablets' }).click();
    await page.locator('.steps li').first().waitFor();
    await screenshot(page, 'admin-12-https');

    // The branch settings: a manager reads them; changing them is an admin's.
    await page.getByRole('link', { name: 'Ajustes del local' }).click();
    await page.getByText(/Solo un administrador/).waitFor();
    expect(await page.getByLabel('Zona horaria').isDisabled()).toBe(true);
    await screenshot(page, 'admin-12b-settings-manager');

    await page.getByRole('link', { name: 'Auditoría y copias' }).click();
    await page.getByRole('button', { name: 'Verificar ahora' }).click();
    await page.getByText(/Cadena íntegra/).waitFor();
    await page.getByText('Funcionando').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar copia' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^comanda-.*\.db$/);
    await page.locator('.toast-ok', { hasText: 'Copia descargada' }).waitFor();
    await screenshot(page, 'admin-13-audit');

    // A dish with modifier groups, and the categories and stations tabs.
    await page.getByRole('link', { name: 'Carta' }).click();
    const burger = page.locator('tr[data-product-id="prod-burger"]');
    await burger.getByRole('button', { name: /Editar/ }).click();
    await page.locator('.modifier-group').first().scrollIntoViewIfNeeded();
    await noToasts(page);
    await screenshot(page, 'admin-16-product-modifiers');
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('tab', { name: /Categorías/ }).click();
    await screenshot(page, 'admin-17-categories');
    await page.getByRole('tab', { name: /Estaciones/ }).click();
    await screenshot(page, 'admin-18-stations');

    // English works throughout.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('link', { name: 'Menu' }).click();
    await page.getByRole('tab', { name: /Products/ }).click();
    await page.locator('tr[data-product-id]').first().waitFor();
    await screenshot(page, 'admin-14-catalog-en');
  });

  it("an admin sends diners' rounds straight to the kitchen and moves the business day to 6:00", async () => {
    const admin = await newDevice(browser, 'laptop');
    await hubSteps(() => t).signedIn(admin.context, admin.page, 'ADMIN', 'admin');
    await admin.page.goto(`${t.base}/admin/#/settings`);
    await admin.page.getByRole('button', { name: 'Directa a cocina' }).click();
    await admin.page.getByLabel('El día de trabajo empieza a las').selectOption('6');
    await screenshot(admin.page, 'admin-12c-settings-admin');
    await admin.page.getByRole('button', { name: 'Guardar ajustes' }).click();
    await admin.page.locator('.toast-ok', { hasText: 'Guardado' }).waitFor();
    const saved = (await t.fetchJson('/api/admin/settings', { token: t.tokens.ADMIN })).body as {
      settings: { dinerRoundsNeedConfirmation: boolean; businessDayStartsAtHour: number; timeZone: string };
    };
    expect(saved.settings).toMatchObject({
      dinerRoundsNeedConfirmation: false,
      businessDayStartsAtHour: 6,
      timeZone: 'Europe/Madrid',
    });
    await admin.context.close();
  });

  it('shows the day’s takings a manager counts the drawer against', async () => {
    const { command } = hubSteps(() => t);
    const { data } = (await command('OpenSession', { tableId: 'table-8', guests: 2 }, t.tokens.WAITER)) as {
      data: { sessionId: string };
    };
    await command(
      'PlaceRound',
      { sessionId: data.sessionId, items: [{ productId: 'prod-bravas', qty: 2 }] },
      t.tokens.WAITER,
    );
    const detail = (await t.fetchJson(`/api/sessions/${data.sessionId}`, { token: t.tokens.MANAGER }))
      .body as {
      dueCents: number;
    };
    await command(
      'RecordPayment',
      {
        sessionId: data.sessionId,
        method: 'CASH',
        amountCents: detail.dueCents,
        tipCents: 100,
        tenderedCents: 2000,
      },
      t.tokens.WAITER,
    );
    await command('CloseSession', { sessionId: data.sessionId }, t.tokens.WAITER);
    const report = (await t.fetchJson('/api/admin/day-report', { token: t.tokens.MANAGER })).body as {
      revenueCents: number;
    };
    expect(report.revenueCents).toBeGreaterThanOrEqual(detail.dueCents);

    await page.goto(`${t.base}/admin/#/cashup`);
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    const revenue = page.getByTestId('cashup-revenue');
    await expect.poll(() => revenue.textContent()).toBe(euros(report.revenueCents));
    await page.locator('tr[data-method="CASH"]').waitFor();
    await noToasts(page);
    await screenshot(page, 'admin-19-cashup');
  });

  it('keeps a change made while the hub is unreachable and sends it, once, when the hub is back', async () => {
    const net = await wire(page.context(), t.base);
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.goto(`${t.base}/admin/#/catalog`);
    await page.reload();
    await page.locator('.conn-live').waitFor();
    const row = page.locator('tr[data-product-id="prod-agua"]');
    await row.waitFor();
    await net.unplug(page);
    await page.locator('.conn-offline').waitFor();
    await row.getByRole('button', { name: /agotado/i }).click();
    await page.locator('.sidebar-pending .pending-item', { hasText: 'Agua mineral' }).waitFor();
    await row.locator('.badge-warn', { hasText: 'Cambio sin enviar' }).waitFor();
    expect((await menuProduct('prod-agua'))?.available).toBe(true);
    await screenshot(page, 'admin-15-offline-pending');
    await net.plugIn();
    await page.locator('.sidebar-pending').waitFor({ state: 'detached', timeout: 15_000 });
    await until(
      () => menuProduct('prod-agua'),
      (p) => p?.available === false,
      'agua 86 after reconnect',
    );
    await row.locator('.badge-danger', { hasText: 'Agotado' }).waitFor({ timeout: 10_000 });
    const commands = (await t.fetchJson('/api/events?after=0&limit=1000', { token: t.tokens.MANAGER }))
      .body as { events: { type: string; aggregateId: string }[] };
    const soldOut = commands.events.filter(
      (e) => e.aggregateId === 'prod-agua' && /SoldOut|Availab/.test(e.type),
    );
    expect(soldOut).toHaveLength(1);
  });
});

function euros(cents: number): string {
  return new Intl.NumberFormat('es-ES', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
