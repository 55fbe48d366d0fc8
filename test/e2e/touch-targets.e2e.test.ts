// Touch targets in Chromium against a real hub: every control a waiter (or a manager on a tablet) can
// reach is at least 44×44 px on the tablet and phone layouts, on every screen of a table's life. Also
// money in the branch's currency once the branch is set to another one.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { PAGES } from '../../renderer/apps/admin/routes.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';
import { addDish, hubSteps, seat } from './support/waiter-steps.js';

let hub: HubUnderTest;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const { signedIn, command } = hubSteps(() => hub);
const MIN = 44;

/**
 * Every visible control on the page smaller than MIN in either direction, described so a failure says
 * which one. A checkbox or radio is measured by its label: the label is what a finger presses.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'button, [role="button"], [role="tab"], input, select, textarea, a[href]';
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const toggle = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      const target = (toggle ? el.closest('label') : null) ?? el;
      const r = target.getBoundingClientRect();
      // Half a pixel of slack for sub-pixel layout.
      if (r.width + 0.5 >= min && r.height + 0.5 >= min) continue;
      const name = (
        el.getAttribute('aria-label') ??
        el.getAttribute('placeholder') ??
        (target !== el ? target.textContent : el.textContent) ??
        ''
      )
        .trim()
        .slice(0, 40);
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      out.push(`${el.tagName.toLowerCase()}${cls} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, MIN);
}

async function expectBigTargets(page: Page, where: string): Promise<void> {
  const small = await smallTargets(page);
  await screenshot(page, `touch-targets-${where}`);
  expect(small, `controls under ${MIN} px on ${where}:\n${small.join('\n')}`).toEqual([]);
}

interface StaffRow {
  id: string;
  name: string;
  role: string;
  sectorIds: string[];
}

/** The admin app signed in as the demo manager with the token the test hub holds (no PIN typed). */
async function adminSignedIn(context: BrowserContext, page: Page): Promise<void> {
  const token = hub.tokens.MANAGER;
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
  const staff = ((await hub.fetchJson('/api/staff', { token })).body as StaffRow[]).find(
    (s) => s.id === 'staff-marta',
  )!;
  const session = {
    accessToken: token,
    refreshToken: 'not-used-by-this-test',
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    staff: { id: staff.id, name: staff.name, role: staff.role, sectorIds: staff.sectorIds },
  };
  await context.addInitScript({
    content: `localStorage.setItem('comanda.admin.session', ${JSON.stringify(JSON.stringify(session))});`,
  });
  await page.goto(`${hub.base}/admin/`);
}

interface TicketView {
  id: string;
  tableLabel: string;
}

describe('touch targets', () => {
  for (const device of ['tablet', 'phone'] as const) {
    it(`every control of the waiter app is at least 44 px on the ${device}: floor, menu, dish, order, check`, async () => {
      const table = device === 'tablet' ? '5' : '6';
      // The sign-in: who are you, then the PIN pad (no PIN typed: the hub limits PIN logins).
      const login = await newDevice(browser, device);
      await login.page.goto(`${hub.base}/waiter/`);
      await login.page.getByRole('button', { name: /Luis/ }).waitFor();
      await expectBigTargets(login.page, `${device}-login`);
      await login.page.getByRole('button', { name: /Luis/ }).click();
      await login.page.getByRole('button', { name: '5', exact: true }).waitFor();
      await expectBigTargets(login.page, `${device}-pin`);
      await login.context.close();

      const { context, page } = await newDevice(browser, device);
      // A manager sees every control a waiter does, and the manager's own (void, discount, refund).
      await signedIn(context, page, 'MANAGER');
      await expectBigTargets(page, `${device}-floor`);

      await page.locator(`[data-table="${table}"]`).click();
      await page.locator('.guest-grid').waitFor();
      await expectBigTargets(page, `${device}-open-table`);
      await page.keyboard.press('Escape');
      await seat(page, table, 2);
      await expectBigTargets(page, `${device}-menu`);
      await page.locator('[data-product="prod-entrecot"]').click();
      await page.getByRole('dialog').waitFor();
      await expectBigTargets(page, `${device}-dish-dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await addDish(page, 'prod-croquetas', { seat: 1 });
      await addDish(page, 'prod-cana', { seat: 2 });
      const orderTab = page.getByRole('tab', { name: /Comanda/ });
      if (await orderTab.isVisible()) await orderTab.click();
      await expectBigTargets(page, `${device}-cart`);
      await page.getByRole('button', { name: /Enviar a cocina/ }).click();
      const round = page.locator('[data-round="1"] [data-round-status]');
      await expect.poll(() => round.textContent()).toBe('En cocina');
      await expectBigTargets(page, `${device}-round-sent`);
      await page
        .locator('[data-round="1"]')
        .getByRole('button', { name: 'Anular', exact: true })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await expectBigTargets(page, `${device}-void-dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /Cambiar de mesa/ }).click();
      await page.getByRole('dialog').waitFor();
      await expectBigTargets(page, `${device}-move-dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // The kitchen bumps: the round is ready and offers "Servido".
      const tickets = (await hub.fetchJson('/api/kitchen/tickets', { token: hub.tokens.KITCHEN }))
        .body as TicketView[];
      for (const t of tickets.filter((x) => x.tableLabel === table))
        await command('BumpTicket', { ticketId: t.id }, hub.tokens.KITCHEN);
      await expect.poll(() => round.textContent(), { timeout: 5000 }).toBe('Lista');
      await page.locator('[data-round="1"]').getByRole('button', { name: 'Servido' }).waitFor();
      await expectBigTargets(page, `${device}-round-ready`);

      // The check with a discount (its "Quitar"), then paid (its "Devolver").
      await page.getByRole('tab', { name: 'Cuenta' }).click();
      await expectBigTargets(page, `${device}-check`);
      await page.getByRole('button', { name: /Dividir/ }).click();
      for (const mode of ['A partes iguales', 'Por comensal', 'Por plato']) {
        await page.getByRole('button', { name: mode, exact: true }).click();
        await expectBigTargets(page, `${device}-split-${mode.replace(/ /g, '-')}`);
      }
      // The split editor has no cancel: a reload (the hub is up) leaves it.
      await page.reload();
      await page.getByRole('tab', { name: 'Cuenta' }).click();
      const dialog = page.getByRole('dialog');
      await page.getByRole('button', { name: /Descuento/ }).click();
      await expectBigTargets(page, `${device}-discount-dialog`);
      await dialog.getByLabel('Porcentaje (%)').fill('10');
      await dialog.getByLabel('Motivo').fill('Cliente habitual');
      await dialog.getByRole('button', { name: 'Aplicar descuento' }).click();
      await page.locator('[data-discount]').waitFor();
      await expectBigTargets(page, `${device}-check-discount`);
      await page.getByRole('button', { name: /^Cobrar/ }).click();
      await dialog.getByRole('button', { name: 'Efectivo' }).click();
      await expectBigTargets(page, `${device}-payment-dialog`);
      await dialog.getByRole('button', { name: /^Exacto/ }).click();
      await dialog.getByRole('button', { name: /Registrar pago/ }).click();
      const refund = page.locator('[data-payment]').getByRole('button', { name: 'Devolver' });
      await refund.waitFor();
      await expectBigTargets(page, `${device}-check-paid`);
      await refund.click();
      await page.getByRole('dialog').waitFor();
      await expectBigTargets(page, `${device}-refund-dialog`);
      await page.keyboard.press('Escape');
      await context.close();
    });
  }

  it('every control of the admin app is at least 44 px on a tablet, on each page', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    await adminSignedIn(context, page);
    const small: string[] = [];
    for (const section of PAGES) {
      await page.goto(`${hub.base}/admin/#/${section}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, `touch-targets-admin-${section}`);
      small.push(...(await smallTargets(page)).map((s) => `${section}: ${s}`));
    }
    // The forms, each in its dialog: what opens it, on which page.
    const dialogs: Array<[string, string, (p: Page) => Locator]> = [
      ['catalog', 'new product', (p) => p.getByRole('button', { name: /Nuevo producto/ })],
      ['catalog', 'edit product', (p) => p.getByRole('button', { name: /Editar/ }).first()],
      ['catalog', 'stock', (p) => p.getByRole('button', { name: 'Stock', exact: true }).first()],
      ['floor', 'new sector', (p) => p.getByRole('button', { name: /Nueva zona/ })],
      ['staff', 'new member', (p) => p.locator('main .btn-primary').first()],
      ['devices', 'pair a screen', (p) => p.getByRole('button', { name: /Emparejar pantalla/ })],
    ];
    for (const [section, what, opener] of dialogs) {
      await page.goto(`${hub.base}/admin/#/${section}`);
      await opener(page).click();
      await page.getByRole('dialog').waitFor();
      await screenshot(page, `touch-targets-admin-${what.replace(/ /g, '-')}`);
      small.push(...(await smallTargets(page)).map((s) => `${section}, ${what}: ${s}`));
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    expect(small, `controls under ${MIN} px in the admin app:\n${small.join('\n')}`).toEqual([]);
    await context.close();
  });
});

/** Text content with Intl's no-break spaces as plain ones. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
}

describe('money in the branch currency', () => {
  it('once the branch is set to dollars, the waiter (live, and after a reload) and the admin show prices in dollars', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    await signedIn(context, page, 'WAITER');
    await seat(page, '8', 2);
    const beer = page.locator('[data-product="prod-cana"]');
    expect(await textOf(beer)).toContain('3,00 €');

    await command('UpdateBranchSettings', { settings: { currency: 'USD' } }, hub.tokens.ADMIN);
    await expect.poll(() => textOf(beer), { timeout: 5000 }).toContain('3,00 US$');
    await page.reload();
    await expect.poll(() => textOf(beer)).toContain('3,00 US$');
    await screenshot(page, 'currency-usd-waiter-menu');
    await context.close();

    const admin = await newDevice(browser, 'laptop');
    await adminSignedIn(admin.context, admin.page);
    await admin.page.goto(`${hub.base}/admin/#/catalog`);
    const row = admin.page.locator('tr', { hasText: 'Caña de cerveza' });
    await expect.poll(() => textOf(row), { timeout: 5000 }).toContain('3,00 US$');
    await admin.context.close();
  });
});
