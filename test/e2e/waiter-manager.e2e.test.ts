// The manager's actions in the waiter app, in Chromium against a real hub: voiding a dish with a reason,
// a 10 % discount, and refunding part of a cash payment, each checked in the hub's own session view;
// a waiter on the same table is offered none of them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
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

const { signedIn, session } = hubSteps(() => hub);

describe('waiter app, signed in as a manager', () => {
  it('voids a dish, gives a 10 % discount and refunds part of a cash payment; a waiter sees none of it', async () => {
    const { context, page } = await newDevice(browser, 'tablet');
    await signedIn(context, page, 'MANAGER');
    const sessionId = await seat(page, '5', 2);
    await addDish(page, 'prod-croquetas', { seat: 1 });
    await addDish(page, 'prod-cana', { seat: 2 });
    await page.getByRole('button', { name: /Enviar a cocina/ }).click();

    // Void the beer: the reason is required before the dialog lets it go.
    const beer = page.locator('[data-round="1"] li', { hasText: 'Caña' });
    await beer.getByRole('button', { name: 'Anular', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const confirmVoid = dialog.getByRole('button', { name: 'Anular plato' });
    expect(await confirmVoid.isDisabled()).toBe(true);
    await dialog.getByLabel('Motivo').fill('Marcada por error');
    await screenshot(page, 'waiter-manager-void-tablet');
    await confirmVoid.click();
    await expect.poll(() => beer.textContent()).toContain('Anulado');
    expect(await beer.getByRole('button', { name: 'Anular', exact: true }).count()).toBe(0);
    const voided = (await session(sessionId)).rounds[0]!.items.find((i) => i.productId === 'prod-cana')!;
    expect(voided.status).toBe('VOIDED');

    // A 10 % discount on what is left (the croquettes, 9,00).
    await page.getByRole('tab', { name: 'Cuenta' }).click();
    await page.getByRole('button', { name: /Descuento/ }).click();
    await dialog.getByLabel('Porcentaje (%)').fill('10');
    await dialog.getByLabel('Motivo').fill('Cliente habitual');
    await screenshot(page, 'waiter-manager-discount-tablet');
    await dialog.getByRole('button', { name: 'Aplicar descuento' }).click();
    await expect.poll(() => page.locator('[data-discount]').textContent()).toContain('10 %');
    const discounted = await session(sessionId);
    expect(discounted.discounts).toEqual([
      expect.objectContaining({ kind: 'PERCENT', value: 1000, reason: 'Cliente habitual' }),
    ]);
    expect(discounted.check.subtotalCents).toBe(900);
    expect(discounted.check.discountCents).toBe(90);

    // A waiter on the same table, check still open: no void, no discount, nothing to take off.
    const waiter = await newDevice(browser, 'tablet');
    await signedIn(waiter.context, waiter.page, 'WAITER');
    await waiter.page.locator('[data-table="5"]').click();
    await waiter.page.locator('[data-round="1"]').waitFor();
    expect(await waiter.page.locator('[data-round="1"] li').count()).toBe(2);
    expect(await waiter.page.getByRole('button', { name: 'Anular', exact: true }).count()).toBe(0);
    await waiter.page.getByRole('tab', { name: 'Cuenta' }).click();
    await waiter.page.locator('[data-discount]').waitFor();
    expect(await waiter.page.getByRole('button', { name: /Descuento/ }).count()).toBe(0);
    expect(await waiter.page.getByRole('button', { name: 'Quitar' }).count()).toBe(0);
    await screenshot(waiter.page, 'waiter-manager-as-waiter-tablet');

    // The table pays in cash, exact; then 2,00 of it goes back.
    const total = discounted.check.totalCents;
    await page.getByRole('button', { name: /^Cobrar/ }).click();
    await dialog.getByRole('button', { name: 'Efectivo' }).click();
    await dialog.getByRole('button', { name: /^Exacto/ }).click();
    await dialog.getByRole('button', { name: /Registrar pago/ }).click();
    const payment = page.locator('[data-payment]');
    await payment.waitFor();
    // The first payment freezes the check: no more discounts from here.
    await expect.poll(() => page.getByRole('button', { name: /Descuento/ }).count()).toBe(0);

    await payment.getByRole('button', { name: 'Devolver' }).click();
    const amount = dialog.getByLabel('Importe a devolver');
    expect(await amount.inputValue()).toBe((total / 100).toFixed(2).replace('.', ','));
    await amount.fill('2');
    await dialog.getByLabel('Motivo').fill('Croqueta fría');
    await screenshot(page, 'waiter-manager-refund-tablet');
    await dialog.getByRole('button', { name: /Devolver 2,00/ }).click();
    await expect.poll(() => payment.textContent()).toContain('devuelto 2,00');
    const refunded = await session(sessionId);
    expect(refunded.payments).toEqual([
      expect.objectContaining({ method: 'CASH', amountCents: total, refundedCents: 200, status: 'CAPTURED' }),
    ]);
    expect(refunded.paidCents).toBe(total - 200);
    await screenshot(page, 'waiter-manager-check-tablet');

    // The waiter sees the payment and the refund, but no way to refund it.
    await expect.poll(() => waiter.page.locator('[data-payment]').textContent()).toContain('devuelto 2,00');
    expect(await waiter.page.getByRole('button', { name: 'Devolver' }).count()).toBe(0);
    await waiter.context.close();
    await context.close();
  });
});
