// A tablet and a kitchen screen reloaded while the hub is out of reach. http://127.0.0.1 is a secure
// context, so the service worker runs here as it does over the hub's HTTPS on the LAN: the reload must
// bring the app back from its cache, with the last floor, menu, table and board it saw, say that it is
// offline, keep a round taken meanwhile pending, and deliver it exactly once when the hub is back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';
import { openTable, placeRound } from './support/kitchen-seed.js';
import { addDish, hubSteps, seat } from './support/waiter-steps.js';
import { wire } from './support/wire.js';

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

const { signedIn, session } = hubSteps(() => hub);

/** Waits until the page is controlled by its app's service worker with the shell precached. */
async function controlledBySw(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}

describe('reload with the hub out of reach', () => {
  it('the waiter tablet comes back from its cache, takes a round offline and sends it once when the hub is back', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    const net = await wire(context, hub.base);
    await signedIn(context, page, 'WAITER');
    await controlledBySw(page);
    const sessionId = await seat(page, '6', 2);
    await addDish(page, 'prod-cana', { seat: 1, qty: 2 });
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    const firstRound = page.locator('[data-round="1"] [data-round-status]');
    await expect.poll(() => firstRound.textContent()).toBe('En cocina');
    // No online reload first: the shell must come from what the worker precached at install.
    await net.unplug(page);
    await page.reload();
    // The shell, the table and its round, from the cache; the pill says it is not live.
    await page.locator('[data-round="1"]').waitFor();
    await expect.poll(() => page.locator('.conn').textContent()).not.toContain('En directo');
    await page.locator('[data-product="prod-flan"]').waitFor();
    await screenshot(page, 'waiter-offline-reload-tablet');

    // A round taken now waits on the device, shown as pending.
    await addDish(page, 'prod-flan', { seat: 2 });
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    await page.locator('[data-pending-round]').waitFor();
    expect((await session(sessionId)).rounds).toHaveLength(1);

    await net.plugIn();
    await expect.poll(() => page.locator('.conn').textContent(), { timeout: 15_000 }).toContain('En directo');
    await expect.poll(async () => (await session(sessionId)).rounds.length, { timeout: 15_000 }).toBe(2);
    const rounds = (await session(sessionId)).rounds;
    expect(rounds[1]!.items.map((i) => i.productId)).toEqual(['prod-flan']);
    await expect
      .poll(() => page.locator('[data-round="2"] [data-round-status]').textContent())
      .toBe('En cocina');
    await context.close();
  });

  it('the kitchen screen comes back with the tickets it had and the hub-lost alarm; a bump made then can be recalled', async () => {
    const { context, page } = await newDevice(browser, 'kitchen');
    const net = await wire(context, hub.base);
    await signedIn(context, page, 'KITCHEN', 'kitchen');
    await page.locator('.conn-live').waitFor();
    await controlledBySw(page);
    const s = await openTable(hub, hub.tokens.WAITER, 'table-7', 2);
    await placeRound(hub, hub.tokens.WAITER, s, [{ productId: 'prod-bravas', qty: 1 }]);
    await page.waitForFunction(() => document.querySelectorAll('.ticket[data-ticket]').length >= 1);
    const before = await page.locator('.ticket[data-ticket]').count();
    await page.reload();
    await page.locator('.conn-live').waitFor();

    await net.unplug(page);
    await page.reload();
    await expect.poll(() => page.locator('.ticket[data-ticket]').count()).toBe(before);
    await expect.poll(() => page.locator('.conn-live').count()).toBe(0);
    // The alarm a cook cannot miss: the hub is lost, and what they bump now waits on the screen.
    await page.locator('.hub-lost').waitFor({ timeout: 10_000 });
    await screenshot(page, 'kitchen-offline-reload');

    // The cook bumps the first ticket, then thinks better of it: R brings back the bump the hub has not
    // even heard of yet, and the hub ends with the ticket open (bump and recall, in that order).
    const first = await page.locator('.ticket[data-ticket]').first().getAttribute('data-ticket');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.locator(`[data-ticket="${first}"]`).waitFor({ state: 'detached' });
    await page.keyboard.press('r');
    await page.locator(`[data-ticket="${first}"]`).waitFor();

    await net.plugIn();
    await page.locator('.conn-live').waitFor({ timeout: 15_000 });
    await page.locator('.hub-lost').waitFor({ state: 'detached' });
    // What is still pending, in the failure message: a refusal and a send that never settles differ.
    await expect.poll(() => page.locator('.k-pending-dock').allInnerTexts(), { timeout: 15_000 }).toEqual([]);
    const tickets = (await hub.fetchJson('/api/kitchen/tickets', { token: hub.tokens.KITCHEN }))
      .body as Array<{
      id: string;
      status: string;
    }>;
    expect(tickets.find((k) => k.id === first)?.status).not.toBe('READY');
    expect(await page.locator(`[data-ticket="${first}"]`).count()).toBe(1);
    await context.close();
  });
});
