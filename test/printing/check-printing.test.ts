// Check papers for waiters, through commands onto the branch's check printer: the pre-bill with its
// split, and the final receipt with payments, tips and change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../hub/printing/virtual-printer.js';
import { printedTexts, startPrintHub, waitFor, WAITER, type PrintHub } from '../support/print-hub.js';

let t: PrintHub;
let till: VirtualPrinter;
beforeAll(async () => {
  till = await startVirtualPrinter({ port: 0 });
  t = await startPrintHub();
});
afterAll(async () => {
  await t.stop();
  await till.stop();
});

const lines = (i: number): string => printedTexts(till.tickets[i]!).join('\n');

describe('check printing', () => {
  it('refuses to print a check when no printer prints checks', async () => {
    const sessionId = await t.openTable('table-5', 3);
    expect(await t.run(WAITER, 'PrintPreBill', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('prints the pre-bill with the split, then the receipt with payments, tip and change', async () => {
    await t.addPrinter({ name: 'Caja', port: till.port, printsChecks: true });
    const sessionId = await t.openTable('table-6', 3);
    await t.placeRound(sessionId, [
      { productId: 'prod-cana', qty: 2 },
      { productId: 'prod-croquetas', qty: 1 },
      { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'rare' }] },
    ]);
    const split = await t.ok(WAITER, 'SplitCheck', { sessionId, split: { mode: 'EQUAL', parts: 3 } });
    expect(split.totalCents).toBe(3900);

    const preBill = await t.ok(WAITER, 'PrintPreBill', { sessionId });
    await waitFor('the pre-bill', () => t.job(preBill.jobId as string)?.status === 'PRINTED');
    const pre = lines(0);
    expect(pre).toContain('PRE-CUENTA');
    expect(pre).toMatch(/MESA 6\s+Comensales: 3/);
    expect(pre).toMatch(/2 Caña de cerveza\s+6,00/);
    expect(pre).toMatch(/Poco hecho/);
    expect(pre).toMatch(/TOTAL\s+39,00/i);
    expect(pre).toMatch(/13,00[\s\S]*13,00[\s\S]*13,00/);
    expect(pre).toContain('NO VÁLIDO COMO FACTURA');
    expect(await t.run(WAITER, 'PrintReceipt', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const shares = split.shares as Array<{ key: string; amountCents: number }>;
    await t.ok(WAITER, 'RecordPayment', {
      sessionId,
      shareKey: shares[0]!.key,
      method: 'CASH',
      amountCents: 1300,
      tipCents: 200,
      tenderedCents: 2000,
    });
    await t.ok(WAITER, 'RecordPayment', {
      sessionId,
      shareKey: shares[1]!.key,
      method: 'CARD',
      amountCents: 1300,
      tipCents: 100,
      last4: '4242',
      approvalCode: 'A1B2C3',
    });
    await t.ok(WAITER, 'RecordPayment', {
      sessionId,
      shareKey: shares[2]!.key,
      method: 'CARD',
      amountCents: 1300,
    });
    await t.ok(WAITER, 'CloseSession', { sessionId });

    const receipt = await t.ok(WAITER, 'PrintReceipt', { sessionId });
    await waitFor('the receipt', () => t.job(receipt.jobId as string)?.status === 'PRINTED');
    const rec = lines(1);
    expect(rec).toMatch(/^TICKET$/m);
    expect(rec).toMatch(/Efectivo\s+13,00/);
    expect(rec).toMatch(/Propina\s+2,00/);
    expect(rec).toMatch(/Entregado\s+20,00/);
    expect(rec).toMatch(/Cambio\s+5,00/);
    expect(rec).toMatch(/Tarjeta \*\*\*\* 4242\s+13,00/);
    expect(rec).toContain('A1B2C3');
    expect(rec).not.toContain('NO VÁLIDO COMO FACTURA');
    expect(till.tickets.filter((k) => k.cut)).toHaveLength(2);
  });
});
