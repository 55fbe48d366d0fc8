// The diner app on two phones at one table, in Debian's Chromium against a real hub: both join from
// the table's QR link, build one round together (each line showing who added it), one of them sends
// it and the kitchen ticket exists; an 86 greys a dish out live; a call to the waiter and the bill.
// Screenshots at 375×812 go to test/e2e/screenshots/ (git-ignored).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { ACTORS, joinCodeOf, run } from '../support/live-service.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';

let t: HubUnderTest;
let browser: Browser;
let sessionId: string;
let code: string;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  // Diner rounds go straight to the kitchen in this restaurant (the setting is tested both ways in
  // test/ws-diner-routes.test.ts).
  await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
    settings: { dinerRoundsNeedConfirmation: false },
  });
  ({ sessionId } = (await run(t.hub, ACTORS.LUIS, 'OpenSession', { tableId: 'table-3', guests: 2 })) as {
    sessionId: string;
  });
  code = joinCodeOf(t.hub, 'table-3');
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function joinAs(page: Page, name: string): Promise<void> {
  await page.goto(`${t.base}/t/${code}`);
  await page.getByRole('textbox').fill(name);
  await page.locator('form button[type=submit]').click();
  await page.locator('.t-product').first().waitFor();
}

const cartLines = (page: Page) => page.locator('.t-line');

describe('diner app, two phones at one table', () => {
  it('build a round together, send it, and the kitchen gets it', async () => {
    const lucia = await newDevice(browser, 'phone', { locale: 'es-ES' });
    const tom = await newDevice(browser, 'phone', { locale: 'en-GB' });
    const a = lucia.page;
    const b = tom.page;

    await a.goto(`${t.base}/t/${code}`);
    await a.getByText('Mesa 3').waitFor();
    await screenshot(a, 'diner-01-join-es');
    await a.getByRole('textbox').fill('Lucía');
    await a.locator('form button[type=submit]').click();
    await a.locator('.t-product').first().waitFor();
    await screenshot(a, 'diner-02-menu-es');

    await joinAs(b, 'Tom');
    await b.getByText('Table 3').waitFor();

    // Lucía hides everything with gluten: the beer (gluten) disappears from her menu only.
    await expect(a.locator('[data-product="prod-cana"]').count()).resolves.toBe(1);
    await a.locator('.t-filter').click();
    await a.locator('.t-allergen-toggle', { hasText: 'Gluten' }).click();
    await screenshot(a, 'diner-03-allergen-filter');
    await a.locator('.modal-foot .btn-primary').click();
    await a.locator('[data-product="prod-cana"]').waitFor({ state: 'detached' });
    await expect(b.locator('[data-product="prod-cana"]').count()).resolves.toBe(1);

    // Lucía adds patatas bravas; Tom adds a beer and a steak with its doneness from the dish sheet.
    await a.locator('[data-product="prod-bravas"] .t-add').click();
    await b.locator('[data-product="prod-cana"] .t-add').click();
    await b.locator('[data-product="prod-entrecot"] .t-product-main').click();
    await b.getByRole('radio', { name: /Medium/ }).click();
    await screenshot(b, 'diner-04-dish-sheet-en');
    await b.locator('.modal-foot .btn-primary').click();
    await b.locator('[data-product="prod-entrecot"] .t-incart').waitFor();
    await b.locator('.toast').first().waitFor({ state: 'detached' });
    await screenshot(b, 'diner-05-menu-with-cart-en');

    // Lucía's phone shows the shared order live, with who added each line.
    await a.locator('.t-tabs button').nth(1).click();
    await expect.poll(() => cartLines(a).count(), { timeout: 10_000 }).toBe(3);
    const authors = await a.locator('.t-line .t-author').allTextContents();
    // Each author chip is an initial (avatar) and a label: "You" for your own lines, else the name.
    expect(authors.map((s) => s.trim())).toEqual(['LTú', 'TTom', 'TTom']);
    await screenshot(a, 'diner-06-shared-cart-es');

    // Lucía sends the round; both phones see it in the kitchen.
    await a.getByRole('button', { name: 'Enviar a cocina' }).click();
    await a.locator('.t-round .badge').filter({ hasText: 'En cocina' }).waitFor();
    await screenshot(a, 'diner-07-round-sent-es');
    await b.locator('.t-tabs button').nth(1).click();
    await b.locator('.t-round .badge').filter({ hasText: 'In the kitchen' }).waitFor();

    // The kitchen has the round's tickets (checked through the hub's API, as a kitchen screen would).
    const detail = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.MANAGER });
    const rounds = (
      detail.body as {
        rounds: Array<{ status: string; items: Array<{ productId: string; ticketId: string | null }> }>;
      }
    ).rounds;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.status).toBe('IN_KITCHEN');
    expect(rounds[0]!.items.map((i) => i.productId).sort()).toEqual([
      'prod-bravas',
      'prod-cana',
      'prod-entrecot',
    ]);
    const tickets = (await t.fetchJson('/api/kitchen/tickets', { token: t.tokens.KITCHEN })).body as Array<{
      id: string;
      tableLabel: string;
      items: Array<{ name: { es: string } }>;
    }>;
    const ours = tickets.filter((k) => k.tableLabel === '3');
    expect(new Set(rounds[0]!.items.map((i) => i.ticketId))).toEqual(new Set(ours.map((k) => k.id)));
    expect(ours.flatMap((k) => k.items).length).toBe(3);

    // An 86 from the kitchen greys the dish out on the phones, live.
    await a.locator('.t-tabs button').nth(0).click();
    await run(t.hub, ACTORS.COOK, 'SetProductAvailability', { productId: 'prod-flan', available: false });
    await a.locator('[data-product="prod-flan"].t-soldout').waitFor({ timeout: 10_000 });
    // (Each phone is its own window; only the one in front draws frames, as on a real phone.)
    await a.bringToFront();
    await a.locator('[data-product="prod-flan"]').scrollIntoViewIfNeeded();
    // The chip of the section on screen lights up.
    await a.locator('.t-chip[aria-current="true"]', { hasText: 'Postres' }).waitFor();
    await a.locator('.toast').first().waitFor({ state: 'detached' });
    await screenshot(a, 'diner-08-sold-out-live-es');

    // The restaurant switches to "a waiter confirms diner rounds": the phones' send button says so at once,
    // and a round sent now waits for the waiter instead of reaching the kitchen.
    await run(t.hub, ACTORS.ADMIN, 'UpdateBranchSettings', {
      settings: { dinerRoundsNeedConfirmation: true },
    });
    await a.locator('[data-product="prod-agua"] .t-add').click();
    await a.locator('.t-tabs button').nth(1).click();
    const sendToWaiter = a.getByRole('button', { name: 'Enviar al camarero' });
    await sendToWaiter.waitFor({ timeout: 10_000 });
    await a.locator('.toast').first().waitFor({ state: 'detached' });
    await screenshot(a, 'diner-09a-cart-needs-waiter-es');
    await sendToWaiter.click();
    await a.locator('.t-round .badge').filter({ hasText: 'Esperando al camarero' }).waitFor();
    const waiting = (await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.MANAGER })).body as {
      rounds: Array<{ number: number; status: string }>;
    };
    expect(waiting.rounds.map((r) => r.status)).toEqual(['IN_KITCHEN', 'SUBMITTED']);

    // Tom calls the waiter and asks for the bill.
    await b.locator('.t-call').click();
    await b.locator('.t-call-on').waitFor();
    await b.locator('.t-tabs button').nth(2).click();
    await b.getByTestId('check-total').waitFor();
    await b.locator('.toast').first().waitFor({ state: 'detached' });
    // 6.50 bravas + 3.00 beer + 24.00 sirloin, as the hub computes it (the water waits for the waiter).
    expect(await b.getByTestId('check-total').textContent()).toContain('33.50');
    await screenshot(b, 'diner-09b-bill-en');
    await b.getByRole('button', { name: 'Ask for the bill' }).click();
    await b.locator('.t-note-ok').waitFor();
    await b.locator('.toast').first().waitFor({ state: 'detached' });
    await screenshot(b, 'diner-10-bill-requested-en');
    const view = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.MANAGER });
    const total = (view.body as { check: { totalCents: number } }).check.totalCents;
    expect(total).toBe(650 + 300 + 2400);
    expect((view.body as { session: { status: string } }).session.status).toBe('CHECK_REQUESTED');

    await lucia.context.close();
    await tom.context.close();
  });
});
