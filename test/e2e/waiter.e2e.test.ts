// The waiter app in Chromium against a real hub: a whole table from seating to closing (the round
// carried to a real kitchen screen, bumped there from the keyboard and back to the tablet), a round taken with the hub out of reach, and two waiters ordering for one
// table at the same moment.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';
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

interface TicketView {
  id: string;
  tableLabel: string;
  status: string;
  items: Array<{ name: { es: string }; notes: string; qty: number }>;
}

async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.goto(`${hub.base}/waiter/`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page
    .locator('.tile')
    .first()
    .waitFor()
    .catch(async (err: unknown) => {
      await screenshot(page, `waiter-signin-failed-${name}`);
      throw err;
    });
}

const { signedIn, session, command } = hubSteps(() => hub);

describe('waiter app', () => {
  it('seats table 5, orders with an allergen note, the cook bumps it on the kitchen screen and the waiter sees it live, splits the check and closes the table', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    await signIn(page, 'Luis', '3333');
    await expect.poll(() => page.locator('.conn').textContent()).toContain('En directo');
    await screenshot(page, 'waiter-floor-tablet');
    // The kitchen screen (expo: every station) is on, as it is all service.
    const kitchen = await newDevice(browser, 'kitchen');
    await signedIn(kitchen.context, kitchen.page, 'KITCHEN', 'kitchen');
    await kitchen.page.locator('.conn-live').waitFor();

    const sessionId = await seat(page, '5', 2);
    await addDish(page, 'prod-entrecot', {
      choices: ['Poco hecho'],
      seat: 1,
      // Words the kitchen's allergy check would miss: the waiter's allergy switch makes it an alert.
      notes: 'nada de pan',
      allergy: true,
    });
    await page.locator('[data-product="prod-flan"]').click();
    await screenshot(page, 'waiter-dish-tablet');
    await page
      .getByRole('dialog')
      .locator('fieldset', { hasText: 'Comensal' })
      .getByRole('button', { name: '2', exact: true })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Añadir/ })
      .click();
    await addDish(page, 'prod-cana', { seat: 2, qty: 2 });
    await screenshot(page, 'waiter-cart-tablet');
    const sent = Date.now();
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    // The kitchen screen shows table 5's tickets (time logged, not asserted), the allergy note on the steak.
    await kitchen.page.locator('.ticket[data-ticket]', { hasText: 'Entrecot a la brasa' }).waitFor();
    console.log(`kitchen screen showed the steak's ticket ${Date.now() - sent} ms after the waiter's tap`);
    const round = page.locator('[data-round="1"] [data-round-status]');
    await expect.poll(() => round.textContent()).toBe('En cocina');
    const tickets = (await hub.fetchJson('/api/kitchen/tickets', { token: hub.tokens.KITCHEN }))
      .body as TicketView[];
    const mine = tickets.filter((t) => t.tableLabel === '5');
    expect(mine.length).toBeGreaterThan(0);
    const steak = mine.flatMap((t) => t.items).find((i) => i.name.es === 'Entrecot a la brasa');
    expect(steak?.notes).toBe('ALERGIA: nada de pan');
    for (const t of mine) await kitchen.page.locator(`[data-ticket="${t.id}"]`).waitFor();
    const steakCard = kitchen.page.locator('.ticket[data-ticket]', { hasText: 'Entrecot a la brasa' });
    expect(await steakCard.locator('.note-allergy').textContent()).toContain('ALERGIA: nada de pan');
    await screenshot(kitchen.page, 'waiter-round-on-kitchen-screen');

    // The cook bumps each of them from the keyboard (the first card, then Enter); the waiter sees the
    // round READY without touching anything.
    const bumped = Date.now();
    for (const t of mine) {
      const card = kitchen.page.locator(`[data-ticket="${t.id}"]`);
      const position = await kitchen.page
        .locator('.ticket[data-ticket]')
        .evaluateAll((els, id) => els.findIndex((el) => (el as HTMLElement).dataset.ticket === id), t.id);
      await kitchen.page.keyboard.press(String(position + 1));
      await expect.poll(() => card.getAttribute('aria-selected')).toBe('true');
      await kitchen.page.keyboard.press('Enter');
      await card.waitFor({ state: 'detached' });
    }
    await expect.poll(() => round.textContent(), { timeout: 5000 }).toBe('Lista');
    console.log(`waiter saw READY ${Date.now() - bumped} ms after the cook started bumping`);
    await kitchen.context.close();
    await page.locator('.session-head').getByRole('button', { name: 'Sala', exact: true }).click();
    await expect.poll(() => page.locator('[data-table="5"]').getAttribute('data-state')).toBe('FOOD_READY');
    await screenshot(page, 'waiter-floor-ready-tablet');
    await page.locator('[data-table="5"]').click();
    await screenshot(page, 'waiter-round-ready-tablet');
    await page.locator('[data-round="1"]').getByRole('button', { name: 'Servido' }).click();
    await expect.poll(() => round.textContent()).toBe('Servida');

    // The check, split by seat, paid by card and cash, then closed.
    await page.getByRole('tab', { name: 'Cuenta' }).click();
    await expect.poll(() => page.locator('[data-total]').textContent()).toContain('35,50');
    await page.getByRole('button', { name: /Dividir/ }).click();
    await page.getByRole('button', { name: 'Por comensal' }).click();
    await page.getByRole('button', { name: 'Dividir la cuenta' }).click();
    const seat1 = page.locator('[data-share="seat-1"]');
    const seat2 = page.locator('[data-share="seat-2"]');
    await expect.poll(() => seat1.textContent()).toContain('Comensal 1');
    await expect.poll(() => seat2.textContent()).toContain('11,50');
    await screenshot(page, 'waiter-check-split-tablet');

    await seat1.getByRole('button', { name: /Cobrar/ }).click();
    await page.getByRole('button', { name: 'Tarjeta' }).click();
    await page.getByLabel('Propina').fill('2');
    await page.getByLabel('Código de autorización').fill('AB12CD');
    await page.getByLabel('Últimos 4 dígitos').fill('4242');
    await screenshot(page, 'waiter-pay-card-tablet');
    await page.getByRole('button', { name: /Registrar pago/ }).click();
    await expect.poll(() => seat1.textContent()).toContain('Pagada');

    await seat2.getByRole('button', { name: /Cobrar/ }).click();
    await page.getByRole('button', { name: 'Efectivo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /20,00/ }).click();
    await expect.poll(() => page.locator('.change-box').textContent()).toContain('8,50');
    await screenshot(page, 'waiter-pay-cash-tablet');
    await page.getByRole('button', { name: /Registrar pago/ }).click();
    await expect.poll(() => seat2.textContent()).toContain('Pagada');

    await page.getByRole('button', { name: 'Cerrar mesa' }).click();
    await expect.poll(() => page.locator('[data-table="5"]').getAttribute('data-state')).toBe('FREE');
    expect((await session(sessionId)).session.status).toBe('CLOSED');

    // The same app on a phone: the floor, and a table's menu and order as tabs.
    const phone = await newDevice(browser, 'phone');
    await signedIn(phone.context, phone.page, 'WAITER');
    await screenshot(phone.page, 'waiter-floor-phone');
    await seat(phone.page, '3', 4);
    await screenshot(phone.page, 'waiter-menu-phone');
    await phone.page.locator('[data-product="prod-burger"]').click();
    await phone.page
      .getByRole('dialog')
      .getByRole('button', { name: /^Huevo/ })
      .click();
    await screenshot(phone.page, 'waiter-dish-phone');
    await phone.page.keyboard.press('Escape');
    await addDish(phone.page, 'prod-bife', { choices: ['Al punto'], seat: 3, notes: 'Sin sal' });
    await phone.page.getByRole('tab', { name: /Comanda/ }).click();
    await screenshot(phone.page, 'waiter-order-phone');
    await phone.page.getByRole('button', { name: /Enviar a cocina/ }).click();
    await expect
      .poll(() => phone.page.locator('[data-round="1"] [data-round-status]').textContent())
      .toBe('En cocina');
    await phone.page.getByRole('tab', { name: 'Cuenta' }).click();
    await screenshot(phone.page, 'waiter-check-phone');
    await phone.context.close();

    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: '¿Quién eres?' }).waitFor();
    await context.close();
  });

  it('takes a round with the hub out of reach, shows it pending, the hub ends up with exactly one round; a refused one goes back into the order', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    const net = await wire(context, hub.base);

    await signedIn(context, page, 'WAITER');
    const sessionId = await seat(page, '6', 2);
    await addDish(page, 'prod-secreto', { seat: 1 });
    await addDish(page, 'prod-agua', { qty: 2 });

    await net.unplug(page);
    await expect.poll(() => page.locator('.conn').textContent()).not.toContain('En directo');
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    const pendingRound = page.locator('[data-pending-round]');
    await pendingRound.waitFor();
    expect(await pendingRound.textContent()).toContain('pendiente');
    expect(await pendingRound.textContent()).toContain('Secreto ibérico');
    expect(await page.locator('.pending-chip').textContent()).toContain('1 sin enviar');
    await page.waitForTimeout(3500); // a retry or two while still cut off: same command id each time
    await screenshot(page, 'waiter-offline-pending-tablet');
    expect((await session(sessionId)).rounds).toHaveLength(0);

    await net.plugIn();
    await expect
      .poll(() => page.locator('[data-round="1"] [data-round-status]').textContent(), { timeout: 15_000 })
      .toBe('En cocina');
    await expect.poll(() => page.locator('[data-pending-round]').count()).toBe(0);
    await expect.poll(() => page.locator('.conn').textContent(), { timeout: 15_000 }).toContain('En directo');
    const rounds = (await session(sessionId)).rounds;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.items.map((i) => [i.productId, i.qty])).toEqual([
      ['prod-secreto', 1],
      ['prod-agua', 2],
    ]);

    // A second round waits offline while the manager 86es one of its dishes: the hub refuses it when the
    // tablet is back, and its lines go back into the order to be fixed, not typed again.
    await addDish(page, 'prod-secreto');
    await addDish(page, 'prod-agua');
    await net.unplug(page);
    await expect.poll(() => page.locator('.conn').textContent()).not.toContain('En directo');
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    await pendingRound.waitFor();
    // Its first try has found no hub and it waits for the next one. (A try still in flight when the link
    // comes back would get the refusal as its answer, and the lines go straight back into the order.)
    await page.locator('[data-pending-round][data-state="queued"]:not([data-attempts="0"])').waitFor();
    await command(
      'SetProductAvailability',
      { productId: 'prod-secreto', available: false },
      hub.tokens.MANAGER,
    );
    await net.plugIn();
    await expect.poll(() => pendingRound.textContent(), { timeout: 15_000 }).toContain('Rechazad');
    await screenshot(page, 'waiter-refused-round-tablet');
    await page.locator('[data-back-to-order]').click();
    await expect.poll(() => page.locator('[data-pending-round]').count()).toBe(0);
    const secreto = page.locator('.cart .line', { hasText: 'Secreto' });
    expect(await page.locator('.cart .line').count()).toBe(2);
    await secreto.getByRole('button', { name: 'Uno menos' }).click();
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    await expect.poll(async () => (await session(sessionId)).rounds.length, { timeout: 15_000 }).toBe(2);
    const second = (await session(sessionId)).rounds.find((r) => r.number === 2)!;
    expect(second.items.map((i) => [i.productId, i.qty])).toEqual([['prod-agua', 1]]);
    await command(
      'SetProductAvailability',
      { productId: 'prod-secreto', available: true },
      hub.tokens.MANAGER,
    );
    await context.close();
  });

  it('two waiters ordering for the same table at the same moment both keep their items', async () => {
    const a = await newDevice(browser, 'tablet');
    const b = await newDevice(browser, 'tablet');
    await signedIn(a.context, a.page, 'WAITER');
    await signedIn(b.context, b.page, 'MANAGER');
    const sessionId = await seat(a.page, '2', 4);
    // B's floor learns of the new session over its live feed; tap the table once it shows as seated
    // (tapping a free table offers to open it instead).
    await b.page.locator('[data-table="2"]:not([data-state="FREE"])').waitFor();
    await b.page.locator('[data-table="2"]').click();
    await b.page.locator('.menu-panel').waitFor();

    await addDish(a.page, 'prod-croquetas', { seat: 1 });
    await addDish(a.page, 'prod-vino-tinto', { qty: 2 });
    await addDish(b.page, 'prod-gambas', { seat: 3 });
    await addDish(b.page, 'prod-burger', { choices: ['Muy hecho', 'Huevo'], seat: 4 });
    await Promise.all([
      a.page.getByRole('button', { name: /Enviar a cocina/ }).click(),
      b.page.getByRole('button', { name: /Enviar a cocina/ }).click(),
    ]);

    const rounds = await expect
      .poll(async () => (await session(sessionId)).rounds, { timeout: 5000 })
      .toHaveLength(2)
      .then(async () => (await session(sessionId)).rounds);
    const ordered = rounds.flatMap((r) => r.items.map((i) => i.productId)).sort();
    expect(ordered).toEqual(['prod-burger', 'prod-croquetas', 'prod-gambas', 'prod-vino-tinto']);
    // Each tablet shows both rounds, live.
    for (const page of [a.page, b.page]) {
      await expect.poll(() => page.locator('[data-round]').count()).toBe(2);
    }
    await screenshot(b.page, 'waiter-two-waiters-tablet');
    await a.context.close();
    await b.context.close();
  });
  it('answers a service call, fires a held course, moves and merges tables, and splits equally — in English too', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    await signedIn(context, page, 'WAITER');
    const sessionId = await seat(page, '7', 3);
    // The kitchen 86es the octopus and counts the sea bass while the menu is open: it changes live.
    await page.getByRole('tab', { name: 'Principales' }).click();
    await command(
      'SetProductAvailability',
      { productId: 'prod-pulpo', available: false },
      hub.tokens.MANAGER,
    );
    await command(
      'SetProductAvailability',
      { productId: 'prod-lubina', available: true, stockCount: 3 },
      hub.tokens.MANAGER,
    );
    await expect.poll(() => page.locator('[data-product="prod-pulpo"]').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('[data-product="prod-lubina"]').textContent()).toContain('Quedan 3');
    await screenshot(page, 'waiter-menu-86-tablet');
    await page.getByRole('tab', { name: 'Todo' }).click();
    await addDish(page, 'prod-croquetas', { seat: 1 });
    await addDish(page, 'prod-entrecot', { choices: ['Al punto'], seat: 2 });
    await page.getByRole('button', { name: 'Principales', exact: true }).click(); // hold the mains
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    const steak = page.locator('[data-round="1"] li', { hasText: 'Entrecot' });
    await expect.poll(() => steak.textContent()).toContain('Retenido');
    await page.getByRole('button', { name: /Marchar Principales/ }).click();
    await expect.poll(() => steak.textContent()).toContain('En cocina');

    // A diner calls; the floor shows the bell and the table answers it.
    await command('CreateServiceCall', { sessionId, kind: 'CALL_WAITER', note: '' }, hub.tokens.WAITER);
    await page.locator('.session-head').getByRole('button', { name: 'Sala', exact: true }).click();
    await expect.poll(() => page.locator('[data-table="7"]').getAttribute('class')).toContain('tile-call');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await screenshot(page, 'waiter-floor-call-tablet-en');
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.locator('.calls-strip').getByRole('button', { name: 'Mesa 7' }).click();
    await page.getByRole('button', { name: 'Voy' }).click();
    await expect.poll(() => page.locator('.calls-banner').textContent()).toContain('En camino');
    await page.getByRole('button', { name: /Atendida/ }).click();
    await expect.poll(() => page.locator('.calls-banner').count()).toBe(0);

    // Move the party to table 8, then merge it into table 4's party.
    await page.getByRole('button', { name: /Cambiar de mesa/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^8/ }).click();
    await expect.poll(() => page.locator('.session-title').textContent()).toBe('Mesa 8');
    const other = (await command('OpenSession', { tableId: 'table-4', guests: 2 }, hub.tokens.WAITER)) as {
      data: { sessionId: string };
    };
    await page.getByRole('button', { name: /Juntar mesas/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^4/ }).click();
    await expect.poll(() => page.locator('.session-title').textContent()).toBe('Mesa 4');
    expect((await session(sessionId)).session.status).toBe('MERGED');
    const merged = await session(other.data.sessionId);
    expect(merged.rounds.flatMap((r) => r.items.map((i) => i.productId)).sort()).toEqual([
      'prod-croquetas',
      'prod-entrecot',
    ]);

    // An equal split in three: the shares add up to the total.
    await page.getByRole('tab', { name: 'Cuenta' }).click();
    await page.getByRole('button', { name: /Dividir/ }).click();
    await page.getByRole('button', { name: 'A partes iguales' }).click();
    await page.getByRole('button', { name: 'Uno más' }).click();
    await page.getByRole('button', { name: 'Dividir la cuenta' }).click();
    await expect.poll(() => page.locator('[data-share]').count()).toBe(3);
    await screenshot(page, 'waiter-check-equal-tablet');

    // A floor in mid-service (earlier tests left tables 2, 3 and 6 ordering): one table just seated, one
    // asking for the check, one with food ready, one calling, one paying.
    const W = hub.tokens.WAITER;
    const floor = (await hub.fetchJson('/api/floor', { token: W })).body as {
      sectors: Array<{ tables: Array<{ label: string; sessionId: string | null }> }>;
    };
    const sessionOf = (label: string) =>
      floor.sectors.flatMap((x) => x.tables).find((x) => x.label === label)!.sessionId;
    await command('OpenSession', { tableId: 'table-1', guests: 2 }, W);
    await command('RequestCheck', { sessionId: sessionOf('2') }, W);
    await command('CreateServiceCall', { sessionId: sessionOf('3'), kind: 'CALL_WAITER', note: '' }, W);
    const kitchen = (await hub.fetchJson('/api/kitchen/tickets', { token: hub.tokens.KITCHEN }))
      .body as TicketView[];
    for (const t of kitchen.filter((x) => x.tableLabel === '6')) {
      await command('BumpTicket', { ticketId: t.id }, hub.tokens.KITCHEN);
    }
    await command(
      'RecordPayment',
      {
        sessionId: sessionOf('4'),
        shareKey: 'equal-1',
        method: 'CASH',
        amountCents: 1100,
        tenderedCents: 2000,
      },
      W,
    );
    await page.locator('.session-head').getByRole('button', { name: 'Sala', exact: true }).click();
    await expect.poll(() => page.locator('[data-table="6"]').getAttribute('data-state')).toBe('FOOD_READY');
    await expect.poll(() => page.locator('[data-table="4"]').getAttribute('data-state')).toBe('PAYING');
    await screenshot(page, 'waiter-floor-service-tablet');
    const phone = await newDevice(browser, 'phone');
    await signedIn(phone.context, phone.page, 'WAITER');
    await screenshot(phone.page, 'waiter-floor-service-phone');
    await phone.context.close();
    await context.close();
  });
});
