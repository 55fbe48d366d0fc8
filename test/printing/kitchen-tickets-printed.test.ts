// Kitchen tickets end to end: a round placed through the write path comes out of the right station's
// printer (the virtual printer over real TCP), in Spanish, with user text that cannot drive the printer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionDetailView } from '../../hub/store/queries/session-detail.js';
import { kitchenTicketsView } from '../../hub/store/queries/read-models.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../hub/printing/virtual-printer.js';
import {
  ADMIN,
  copiesOf,
  printedTexts,
  startPrintHub,
  waitFor,
  type PrintHub,
} from '../support/print-hub.js';

let t: PrintHub;
let grill: VirtualPrinter;
let bar: VirtualPrinter;
let grillId: string;

beforeAll(async () => {
  [grill, bar] = await Promise.all([startVirtualPrinter({ port: 0 }), startVirtualPrinter({ port: 0 })]);
  t = await startPrintHub();
  grillId = await t.addPrinter({ name: 'Parrilla', port: grill.port, stations: ['grill', 'pastry'] });
  await t.addPrinter({ name: 'Barra', port: bar.port, stations: ['bar'] });
});
afterAll(async () => {
  await t.stop();
  await Promise.all([grill.stop(), bar.stop()]);
});

describe('kitchen tickets on the printers', () => {
  it('a round produces the right ticket per station, and the cold station without a printer stays on screen', async () => {
    const sessionId = await t.openTable('table-2');
    const { ticketIds } = await t.placeRound(sessionId, [
      { productId: 'prod-cana', qty: 2 },
      { productId: 'prod-ensalada', qty: 1 },
      {
        productId: 'prod-bife',
        qty: 1,
        notes: 'al punto',
        modifiers: [{ groupId: 'doneness', optionId: 'medium' }],
      },
      { productId: 'prod-milanesa', qty: 2, seat: 2 },
    ]);
    expect(ticketIds).toHaveLength(3); // bar/drink, cold/starter, grill/main

    const tickets = kitchenTicketsView(t.hub.db.read, {}).filter((k) => ticketIds.includes(k.id));
    const byStation = Object.fromEntries(tickets.map((k) => [k.station, k]));
    await waitFor('both printed tickets', () => grill.tickets.length >= 1 && bar.tickets.length >= 1);

    const grillTicket = copiesOf(grill.tickets, byStation.grill!.id)[0]!;
    expect(printedTexts(grillTicket)).toEqual(
      expect.arrayContaining([
        'PARRILLA',
        'MESA 2',
        '1x Bife de chorizo',
        '+ Al punto',
        '2x Milanesa napolitana',
        'Asiento 2',
      ]),
    );
    expect(printedTexts(grillTicket).join('\n')).toMatch(/Camarero: Luis/);
    expect(printedTexts(grillTicket).join('\n')).toContain('al punto');
    expect(printedTexts(grillTicket).join('\n')).toMatch(/GLUTEN, HUEVO, LECHE/);
    expect(printedTexts(grillTicket).join('\n')).not.toContain('Caña');

    const barTicket = copiesOf(bar.tickets, byStation.bar!.id)[0]!;
    expect(printedTexts(barTicket)).toEqual(expect.arrayContaining(['BARRA', '2x Caña de cerveza']));
    expect(printedTexts(barTicket).join('\n')).not.toContain('Bife');

    // Cold has no printer: no job at all, the ticket lives on the screen.
    expect(t.jobsOf(byStation.cold!.id)).toEqual([]);
    await waitFor(
      'print states',
      () =>
        kitchenTicketsView(t.hub.db.read, {}).find((k) => k.id === byStation.grill!.id)?.print?.status ===
        'PRINTED',
    );

    // The waiter's table view says where each paper came out.
    const detail = sessionDetailView(t.hub.db.read, sessionId)!;
    const prints = Object.fromEntries(detail.tickets.map((k) => [k.station, k.print]));
    expect(prints.grill).toMatchObject({ status: 'PRINTED', printerName: 'Parrilla', reprint: false });
    expect(prints.bar).toMatchObject({ status: 'PRINTED', printerName: 'Barra' });
    expect(prints.cold).toBeNull();
    expect(grill.tickets.filter((k) => k.cut)).toHaveLength(1);
  });

  it('prints Spanish characters through the code page: ñ, á, ¿, ü', async () => {
    const sessionId = await t.openTable('table-3');
    const before = grill.tickets.length;
    const { ticketIds } = await t.placeRound(sessionId, [
      { productId: 'prod-pollo', qty: 1, notes: '¿Sin cebolla? Añadir jalapeños; pingüino güey, más limón' },
    ]);
    await grill.waitForTickets(before + 1);
    // Joined with spaces: the note wraps at the paper's edge like any long line.
    const text = printedTexts(copiesOf(grill.tickets, ticketIds[0]!)[0]!).join(' ');
    expect(text).toContain('Pollo al limón');
    expect(text).toContain('¿Sin cebolla? Añadir jalapeños; pingüino güey, más limón');
    expect(text).toContain('APIO');
  });

  it('a note or a dish name holding ESC/GS bytes prints as plain text and sends no printer command', async () => {
    // Control characters never get past the command edge…
    const sessionId = await t.openTable('table-4');
    expect(() =>
      t.run(ADMIN, 'AddItem', {
        sessionId,
        item: { productId: 'prod-bife', qty: 1, notes: 'x\u001b@\u001dV\u0000' },
      }),
    ).toThrow(/control characters/);
    // …but a dish name may hold them (menus are imported), and symbols that DOS code pages keep in the
    // control range (← is ESC in cp437, ↔ is GS) may be typed in a note.
    await t.ok(ADMIN, 'UpsertProduct', {
      productId: 'prod-trampa',
      categoryId: 'cat-mains',
      name: { es: 'Bife\u001b@\u001dV\u0001 trampa', en: 'Trap steak' },
      priceCents: 1000,
      station: 'grill',
      course: 'main',
      taxRateBp: 1000,
    });
    const before = grill.tickets.length;
    const { ticketIds } = await t.placeRound(sessionId, [
      { productId: 'prod-trampa', qty: 1, notes: 'corte ←@ y ↔V fin' },
    ]);
    await grill.waitForTickets(before + 1);
    const [ticket] = copiesOf(grill.tickets, ticketIds[0]!);
    expect(ticket).toBeDefined();
    const text = printedTexts(ticket!).join('\n');
    expect(text).toContain('1x Bife@V trampa');
    expect(text).toContain('corte <-@ y <->V fin');
    // One cut (the renderer's), no reset mid-ticket, and the whole ticket arrived as one piece.
    expect(ticket!.commands.filter((c) => c.startsWith('GS V'))).toEqual(['GS V 1']);
    expect(ticket!.commands.filter((c) => c === 'ESC @')).toHaveLength(1);
    expect(t.jobsOf(ticketIds[0]!).map((j) => j.printerId)).toEqual([grillId]);
  });
});
