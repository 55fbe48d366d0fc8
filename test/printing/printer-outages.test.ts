// Printers that go away: retried while down and printed once when back, moved to the backup printer,
// given up to the screen with an alert, cut off mid-job (uncertain, never resent on its own).
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { kitchenTicketsView } from '../../hub/store/queries/read-models.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../hub/printing/virtual-printer.js';
import {
  COOK,
  FAST_PRINTING,
  copiesOf,
  printedTexts,
  startPrintHub,
  waitFor,
  type PrintHub,
} from '../support/print-hub.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function printer(): Promise<VirtualPrinter> {
  const p = await startVirtualPrinter({ port: 0 });
  cleanup.push(() => p.stop());
  return p;
}

async function hub(failoverAfterMs = 60_000): Promise<{ t: PrintHub; events: EventEnvelope[] }> {
  const t = await startPrintHub({
    printing: { ...FAST_PRINTING, tuning: { ...FAST_PRINTING.tuning, failoverAfterMs } },
  });
  cleanup.push(() => t.stop());
  const events: EventEnvelope[] = [];
  t.hub.bus.subscribe((batch) => events.push(...batch));
  return { t, events };
}

async function oneGrillTicket(t: PrintHub, tableId: string): Promise<string> {
  const sessionId = await t.openTable(tableId);
  const { ticketIds } = await t.placeRound(sessionId, [{ productId: 'prod-secreto', qty: 1 }]);
  return ticketIds[0]!;
}

describe('a printer that goes away', () => {
  it('printer down → queued and retried → back → printed once', async () => {
    const grill = await printer();
    const { t } = await hub();
    await t.addPrinter({ name: 'Parrilla', port: grill.port, stations: ['grill'] });
    await grill.goOffline();
    const ticketId = await oneGrillTicket(t, 'table-1');
    const [job] = t.jobsOf(ticketId);
    await waitFor('a few failed attempts', () => (t.job(job!.id)?.attempts ?? 0) >= 3);
    expect(['QUEUED', 'SENDING']).toContain(t.job(job!.id)?.status);
    expect(t.job(job!.id)?.lastError).toMatch(/ECONNREFUSED|no connection/);

    await grill.goOnline();
    await waitFor('the job printed', () => t.job(job!.id)?.status === 'PRINTED');
    // Another ticket after it proves the queue moved on without a second copy of the first.
    const next = await oneGrillTicket(t, 'table-2');
    await waitFor('the next ticket', () => copiesOf(grill.tickets, next).length === 1);
    expect(copiesOf(grill.tickets, ticketId)).toHaveLength(1);
    expect(grill.tickets.filter((k) => k.cut)).toHaveLength(2);
  });

  it('fails over to the backup printer after the configured time, and the waiter sees where it printed', async () => {
    const [grill, backup] = [await printer(), await printer()];
    const { t, events } = await hub(100);
    const backupId = await t.addPrinter({ name: 'Pase', port: backup.port });
    const grillId = await t.addPrinter({
      name: 'Parrilla',
      port: grill.port,
      stations: ['grill'],
      backupPrinterId: backupId,
    });
    await grill.goOffline();
    const ticketId = await oneGrillTicket(t, 'table-3');
    await waitFor('the ticket on the backup', () => copiesOf(backup.tickets, ticketId).length === 1);
    const [job] = t.jobsOf(ticketId);
    await waitFor('the job printed', () => t.job(job!.id)?.status === 'PRINTED');
    expect(t.job(job!.id)).toMatchObject({ printerId: backupId, printedOn: backupId });
    expect(events.find((e) => e.type === 'PrintJobFailedOver')?.data).toMatchObject({
      ticketId,
      fromPrinterId: grillId,
      toPrinterId: backupId,
    });
    expect(kitchenTicketsView(t.hub.db.read, {}).find((k) => k.id === ticketId)?.print).toMatchObject({
      status: 'PRINTED',
      printerName: 'Pase',
    });
    // The grill coming back prints nothing more of it.
    await grill.goOnline();
    await waitFor('the grill seen back', () => t.hub.printing.health.get(grillId) === undefined);
    const next = await oneGrillTicket(t, 'table-4');
    await waitFor('the next ticket on the grill', () => copiesOf(grill.tickets, next).length === 1);
    expect(copiesOf(grill.tickets, ticketId)).toHaveLength(0);
    expect(copiesOf(backup.tickets, ticketId)).toHaveLength(1);
  });

  it('with no backup, gives the ticket to the screen with an alert; a reprint asked later says REPRINT', async () => {
    const grill = await printer();
    const { t, events } = await hub(50);
    await t.addPrinter({ name: 'Parrilla', port: grill.port, stations: ['grill'] });
    await grill.goOffline();
    const ticketId = await oneGrillTicket(t, 'table-5');
    const [job] = t.jobsOf(ticketId);
    await waitFor('the job given up', () => t.job(job!.id)?.status === 'FAILED');
    expect(events.find((e) => e.type === 'PrintJobFailed')?.data).toMatchObject({
      ticketId,
      fallback: 'SCREEN',
    });
    expect(kitchenTicketsView(t.hub.db.read, {}).find((k) => k.id === ticketId)?.print).toMatchObject({
      status: 'FAILED',
      needsAttention: true,
    });

    await grill.goOnline();
    await waitFor(
      'the printer seen back',
      () => t.hub.printing.health.get(t.job(job!.id)!.printerId!) === undefined,
    );
    const { jobId } = await t.ok(COOK, 'ReprintTicket', { ticketId, reason: 'volvió la impresora' });
    await waitFor('the reprint', () => t.job(jobId as string)?.status === 'PRINTED');
    const [copy] = copiesOf(grill.tickets, ticketId);
    expect(printedTexts(copy!)).toContain('REIMPRESIÓN');
    expect(t.job(job!.id)?.status).toBe('FAILED');
  });

  it('a job cut off after bytes left the hub becomes UNCERTAIN and is not resent; the kitchen reprints it', async () => {
    const grill = await printer();
    const { t, events } = await hub();
    await t.addPrinter({ name: 'Parrilla', port: grill.port, stations: ['grill'] });
    grill.setDropAfterBytes(60);
    const ticketId = await oneGrillTicket(t, 'table-6');
    const [job] = t.jobsOf(ticketId);
    await waitFor('the job uncertain', () => t.job(job!.id)?.status === 'UNCERTAIN');
    expect(events.find((e) => e.type === 'PrintJobUncertain')?.data).toMatchObject({
      ticketId,
      jobId: job!.id,
    });
    expect(t.job(job!.id)?.attempts).toBe(1);
    expect(copiesOf(grill.tickets, ticketId)).toHaveLength(0); // only a torn, uncut piece came out

    grill.setDropAfterBytes(null);
    // Confirming is refused for a job that is not uncertain; reprinting is what the cook wants here.
    const { jobId } = await t.ok(COOK, 'ReprintTicket', { ticketId });
    await waitFor('the reprint', () => t.job(jobId as string)?.status === 'PRINTED');
    expect(await t.run(COOK, 'ConfirmPrintJob', { jobId: job!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(copiesOf(grill.tickets, ticketId)).toHaveLength(1);
    expect(await t.run(COOK, 'ReprintTicket', { ticketId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a ticket voided while its printer is down is never printed; voided after printing, a VOID slip follows', async () => {
    const grill = await printer();
    const { t } = await hub();
    await t.addPrinter({ name: 'Parrilla', port: grill.port, stations: ['grill'] });
    const MANAGER = { kind: 'staff', staffId: 'staff-marta', role: 'MANAGER' } as const;

    await grill.goOffline();
    const sessionId = await t.openTable('table-7');
    const { ticketIds } = await t.placeRound(sessionId, [{ productId: 'prod-lubina', qty: 1 }]);
    const item = t.hub.db.read.prepare('SELECT id FROM round_item WHERE ticket_id = ?').get(ticketIds[0]) as {
      id: string;
    };
    await t.ok(MANAGER, 'VoidItem', { itemId: item.id, reason: 'se equivocó de mesa' });
    // Caught between attempts or in the middle of one that cannot connect: canceled either way.
    await waitFor('the copy canceled', () => t.jobsOf(ticketIds[0]!).every((j) => j.status === 'CANCELED'));

    await grill.goOnline();
    const printedFirst = await t.placeRound(sessionId, [{ productId: 'prod-pulpo', qty: 2 }]);
    const pulpoTicket = printedFirst.ticketIds[0]!;
    await waitFor('the pulpo ticket', () => copiesOf(grill.tickets, pulpoTicket).length === 1);
    const pulpo = t.hub.db.read.prepare('SELECT id FROM round_item WHERE ticket_id = ?').get(pulpoTicket) as {
      id: string;
    };
    await t.ok(MANAGER, 'VoidItem', { itemId: pulpo.id, reason: 'cliente se fue' });
    await waitFor('the VOID slip', () => copiesOf(grill.tickets, pulpoTicket).length === 2);
    const slip = printedTexts(copiesOf(grill.tickets, pulpoTicket)[1]!);
    expect(slip).toEqual(expect.arrayContaining(['ANULADO', 'cliente se fue', '2x Pulpo a la gallega']));
    expect(copiesOf(grill.tickets, ticketIds[0]!)).toHaveLength(0);
    expect(t.jobsOf(ticketIds[0]!).map((j) => j.status)).not.toContain('PRINTED');
  });
});
