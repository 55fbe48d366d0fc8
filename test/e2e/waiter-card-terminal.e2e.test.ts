// The waiter app charging cards on the hub's own terminal (POST /api/payments/card, docs/PAYMENTS.md), in
// Chromium against a real hub with a virtual terminal: a table paid by card from the payment dialog (the
// demo notice, the approval code and last four on screen and in the hub's log), then a declined card, a
// terminal that does not answer and "Reintentar", which resends the same command id and charges once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChargeOutcome } from '../../hub/payments/card-terminal.js';
import { VirtualCardTerminal } from '../../hub/payments/virtual-card-terminal.js';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { launchBrowser, newDevice, screenshot } from './support/browser.js';
import { addDish, hubSteps, seat } from './support/waiter-steps.js';

/** The virtual terminal, whose next look-ups can be told to get no answer (then the hub answers 503). */
class FlakyTerminal extends VirtualCardTerminal {
  silentLookups = 0;
  override async lookup(reference: string): Promise<ChargeOutcome | { status: 'NOT_FOUND' }> {
    if (this.silentLookups > 0) {
      this.silentLookups--;
      throw new Error('the card terminal did not answer');
    }
    return super.lookup(reference);
  }
}

let hub: HubUnderTest;
let browser: Browser;
const terminal = new FlakyTerminal();

beforeAll(async () => {
  hub = await startTestHub({ cardTerminal: terminal });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const { signedIn, session } = hubSteps(() => hub);

interface PaymentRecorded {
  type: string;
  data: {
    sessionId: string;
    paymentId: string;
    method: string;
    approvalCode: string | null;
    last4: string | null;
  };
}

/** The hub's own record of the payments taken for a session (the read view leaves the slip out). */
async function paymentEvents(sessionId: string): Promise<PaymentRecorded['data'][]> {
  const r = await hub.fetchJson('/api/events?after=0&limit=1000', { token: hub.tokens.MANAGER });
  expect(r.status).toBe(200);
  return (r.body as { events: PaymentRecorded[] }).events
    .filter((e) => e.type === 'PaymentRecorded' && e.data.sessionId === sessionId)
    .map((e) => e.data);
}

/** Every card charge the page sends, as sent. */
function cardRequests(page: Page): Array<{ commandId: string; payload: Record<string, unknown> }> {
  const sent: Array<{ commandId: string; payload: Record<string, unknown> }> = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/payments/card'))
      sent.push(JSON.parse(r.postData() ?? '{}') as (typeof sent)[number]);
  });
  return sent;
}

/** Seats a table, sends a round of two beers and a flan, and opens its check. */
async function tableWithACheck(page: Page, table: string): Promise<string> {
  const sessionId = await seat(page, table, 2);
  await addDish(page, 'prod-cana', { qty: 2 });
  await addDish(page, 'prod-flan');
  await page.getByRole('button', { name: /Enviar a cocina/ }).click();
  await expect
    .poll(() => page.locator('[data-round="1"] [data-round-status]').textContent())
    .toBe('En cocina');
  await page.getByRole('tab', { name: 'Cuenta' }).click();
  await page.locator('[data-total]').waitFor();
  return sessionId;
}

describe("waiter app with the hub's card terminal", () => {
  it('pays a table by card on the terminal: approval code and last four on screen and in the hub', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    const sent = cardRequests(page);
    await signedIn(context, page, 'WAITER');
    const sessionId = await tableWithACheck(page, '5');
    const totalCents = (await session(sessionId)).check.totalCents;
    expect(totalCents).toBeGreaterThan(0);

    await page
      .locator('.check-actions')
      .getByRole('button', { name: /Cobrar/ })
      .click();
    const dialog = page.getByRole('dialog');
    // The hub has a terminal: card (the default) charges there, no slip to copy; it is a demo one.
    expect(await dialog.getByRole('note').textContent()).toContain('Terminal de demostración');
    expect(await dialog.getByLabel('Código de autorización').count()).toBe(0);
    await dialog.getByLabel('Propina').fill('1');
    await screenshot(page, 'waiter-pay-terminal-tablet');
    // The diner is slow with the PIN pad: the dialog waits for the card, and cannot be closed meanwhile.
    let pinTyped!: () => void;
    terminal.queue({ approveAfter: new Promise<void>((resolve) => (pinTyped = resolve)) });
    await dialog.getByRole('button', { name: /en el terminal/ }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Esperando la tarjeta');
    expect(await dialog.getByRole('button', { name: 'Cancelar' }).isDisabled()).toBe(true);
    await screenshot(page, 'waiter-pay-terminal-waiting-tablet');
    pinTyped();

    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.toast').allTextContents())
      .toContainEqual(expect.stringContaining('autorización V00001, ···· 4242'));
    await expect.poll(() => page.locator('[data-due]').textContent()).toMatch(/^0,00/);
    await screenshot(page, 'waiter-paid-terminal-tablet');

    // One request, and the hub recorded one CARD payment of the whole check with the terminal's slip.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toEqual({ sessionId, shareKey: null, amountCents: totalCents, tipCents: 100 });
    const detail = await session(sessionId);
    expect(detail.payments).toHaveLength(1);
    expect(detail.payments[0]).toMatchObject({ method: 'CARD', amountCents: totalCents, status: 'CAPTURED' });
    const [recorded] = await paymentEvents(sessionId);
    expect(recorded).toMatchObject({
      paymentId: detail.payments[0]!.id,
      method: 'CARD',
      approvalCode: 'V00001',
      last4: '4242',
    });
    expect(terminal.charges.get(sent[0]!.commandId)?.outcome).toMatchObject({ approvalCode: 'V00001' });

    // The table closes as after any payment.
    await page.getByRole('button', { name: 'Cerrar mesa' }).click();
    await expect.poll(() => page.locator('[data-table="5"]').getAttribute('data-state')).toBe('FREE');
    await context.close();
  });

  it('a declined card is a new attempt; a terminal that does not answer is retried with the same command id', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    const sent = cardRequests(page);
    await signedIn(context, page, 'WAITER');
    const sessionId = await tableWithACheck(page, '6');
    const totalCents = (await session(sessionId)).check.totalCents;
    const held = terminal.heldCents();

    await page
      .locator('.check-actions')
      .getByRole('button', { name: /Cobrar/ })
      .click();
    const dialog = page.getByRole('dialog');
    terminal.queue({ decline: 'fondos insuficientes' });
    await dialog.getByRole('button', { name: /en el terminal/ }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Tarjeta rechazada: fondos insuficientes');
    await screenshot(page, 'waiter-pay-terminal-declined-tablet');

    // Tried again: the terminal gets no answer through, nor does the hub's look-up → 503.
    terminal.queue('no-answer');
    terminal.silentLookups = 1;
    await dialog.getByRole('button', { name: /en el terminal/ }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('El terminal no ha contestado');
    await screenshot(page, 'waiter-pay-terminal-unanswered-tablet');
    expect((await session(sessionId)).payments).toHaveLength(0);

    await dialog.getByRole('button', { name: 'Reintentar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-due]').textContent()).toMatch(/^0,00/);

    expect(sent.map((s) => s.commandId)).toEqual([
      sent[0]!.commandId,
      sent[1]!.commandId,
      sent[1]!.commandId,
    ]);
    expect(sent[1]!.commandId).not.toBe(sent[0]!.commandId);
    const detail = await session(sessionId);
    expect(detail.payments).toHaveLength(1);
    expect(detail.payments[0]).toMatchObject({ method: 'CARD', amountCents: totalCents });
    // Charged once: the decline took nothing, the retry did not charge twice.
    expect(terminal.heldCents() - held).toBe(totalCents);
    expect((await paymentEvents(sessionId))[0]).toMatchObject({ method: 'CARD', last4: '4242' });
    await context.close();
  });

  it('fits a phone: the terminal button and the retry are full-size touch targets', async () => {
    const { context, page } = await newDevice(browser, 'phone');
    await signedIn(context, page, 'WAITER');
    await seat(page, '3', 2);
    await addDish(page, 'prod-cana');
    await page.getByRole('tab', { name: /Comanda/ }).click();
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();
    await expect
      .poll(() => page.locator('[data-round="1"] [data-round-status]').textContent())
      .toBe('En cocina');
    await page.getByRole('tab', { name: 'Cuenta' }).click();
    await page
      .locator('.check-actions')
      .getByRole('button', { name: /Cobrar/ })
      .click();
    const dialog = page.getByRole('dialog');
    terminal.queue('no-answer');
    terminal.silentLookups = 1;
    await dialog.getByRole('button', { name: /en el terminal/ }).click();
    const retry = dialog.getByRole('button', { name: 'Reintentar' });
    await retry.waitFor();
    await screenshot(page, 'waiter-pay-terminal-unanswered-phone');
    for (const button of [retry, dialog.getByRole('button', { name: 'Cancelar' })]) {
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    await retry.click();
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });
});
