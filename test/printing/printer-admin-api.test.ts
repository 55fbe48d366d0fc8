// Printers through the admin API: configured by commands, listed with the status they report (paper
// out, cover open) for the admin and the kitchen screen, and the worker's own commands kept to the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../hub/printing/virtual-printer.js';
import { dumpReadModels, rebuildReadModels } from '../../hub/store/rebuild.js';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';

let t: HubUnderTest;
let printer: VirtualPrinter;
beforeAll(async () => {
  printer = await startVirtualPrinter({ port: 0, status: 'paper-out' });
  t = await startTestHub();
});
afterAll(async () => {
  await t.stop();
  await printer.stop();
});

let n = 0;
const command = (role: 'ADMIN' | 'KITCHEN' | 'WAITER', type: string, payload: unknown) =>
  t.fetchJson(`/api/commands/${type}`, {
    token: t.tokens[role],
    body: { commandId: `admin-api-${++n}`, payload },
  });

describe('printers in the admin API', () => {
  it('adds a printer by command, rejects bad settings, and lists it with the status it reports', async () => {
    const added = await command('ADMIN', 'UpsertPrinter', {
      name: 'Parrilla',
      host: '127.0.0.1',
      port: printer.port,
      stations: ['grill'],
      paperWidthMm: 58,
    });
    expect(added.status).toBe(200);
    const printerId = (added.body as { data: { printerId: string } }).data.printerId;

    expect(
      (await command('ADMIN', 'UpsertPrinter', { name: 'X', host: 'http://x', port: 9100 })).status,
    ).toBe(400);
    expect(
      (await command('ADMIN', 'UpsertPrinter', { name: 'X', host: '10.0.0.9', stations: ['nowhere'] })).body,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await command('ADMIN', 'UpsertPrinter', { name: 'X', host: '10.0.0.9', backupPrinterId: 'missing' }))
        .body,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await command('WAITER', 'UpsertPrinter', { name: 'X', host: '10.0.0.9' })).status).toBe(403);

    await t.hub.printing.poller.pollAll();
    const list = await t.fetchJson('/api/printers', { token: t.tokens.KITCHEN });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject([
      {
        id: printerId,
        name: 'Parrilla',
        port: printer.port,
        stations: ['grill'],
        paperWidthMm: 58,
        codepage: 'auto',
        status: { reachable: true, online: false, paperOut: true, coverOpen: false },
        trouble: { kind: 'not-ready' },
        queue: { queued: 0, uncertain: 0, failed: 0 },
      },
    ]);
    const statusEvents = t.hub.db.read
      .prepare("SELECT count(*) AS n FROM event WHERE type = 'PrinterStatusChanged'")
      .get() as {
      n: number;
    };
    // Asked again with nothing changed: no second event.
    await t.hub.printing.poller.pollAll();
    expect(
      t.hub.db.read.prepare("SELECT count(*) AS n FROM event WHERE type = 'PrinterStatusChanged'").get(),
    ).toEqual(statusEvents);
    printer.setStatus('ok');
    await t.hub.printing.poller.pollAll();
    const after = (await t.fetchJson('/api/printers', { token: t.tokens.ADMIN })).body as Array<{
      status: unknown;
      trouble: unknown;
    }>;
    expect(after[0]).toMatchObject({ status: { online: true, paperOut: false }, trouble: null });

    expect((await t.fetchJson('/api/printers', { token: t.tokens.WAITER })).status).toBe(403);
    expect((await t.fetchJson('/api/print-jobs?status=UNCERTAIN', { token: t.tokens.KITCHEN })).body).toEqual(
      [],
    );
    expect((await t.fetchJson('/api/print-jobs?status=LOST', { token: t.tokens.KITCHEN })).status).toBe(400);
  });

  it('keeps the worker’s own reports to the hub: an admin cannot forge "printed"', async () => {
    const generic = (type: string, payload: unknown) =>
      t.fetchJson('/api/commands', {
        token: t.tokens.ADMIN,
        body: { commandId: `admin-api-${++n}`, type, payload },
      });
    const r = await generic('RecordPrintOutcome', {
      jobId: 'any',
      outcome: { kind: 'PRINTED', printerId: 'any' },
    });
    expect(r.status).toBe(403);
    const s = await generic('RecordPrinterStatus', {
      printerId: 'any',
      status: { reachable: true, online: true, coverOpen: false, paperOut: false, paperNearEnd: false },
    });
    expect(s.status).toBe(403);
    // Nor do they get a route of their own.
    expect((await command('ADMIN', 'RecordPrintOutcome', { jobId: 'any' })).status).toBe(404);
  });

  it('refuses to remove a printer that is another one’s backup', async () => {
    const a = await command('ADMIN', 'UpsertPrinter', { name: 'Pase', host: '10.0.0.20' });
    const backupId = (a.body as { data: { printerId: string } }).data.printerId;
    await command('ADMIN', 'UpsertPrinter', {
      name: 'Fríos',
      host: '10.0.0.21',
      stations: ['cold'],
      backupPrinterId: backupId,
    });
    expect((await command('ADMIN', 'RemovePrinter', { printerId: backupId })).body).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('exposes print metrics and rebuilds the printer table exactly from the log', async () => {
    const metrics = (await t.fetchJson('/metrics')).body as string;
    expect(metrics).toContain('comanda_print_jobs');
    expect(metrics).toContain('comanda_printer_up');
    const before = dumpReadModels(t.hub.db.write);
    const jobs = t.hub.db.write.prepare('SELECT count(*) AS n FROM print_job').get();
    rebuildReadModels(t.hub.db.write);
    expect(dumpReadModels(t.hub.db.write)).toEqual(before);
    expect(before.printer).toHaveLength(3);
    expect(t.hub.db.write.prepare('SELECT count(*) AS n FROM print_job').get()).toEqual(jobs);
  });
});
