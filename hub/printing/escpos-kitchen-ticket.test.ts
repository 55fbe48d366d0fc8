// Kitchen tickets rendered, sent over real TCP to the virtual printer, and read back as printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodedTicket, PrintedLine } from './escpos-decoder.js';
import { renderKitchenTicket } from './escpos-kitchen-ticket.js';
import { sendToPrinter } from './printer-transport.js';
import { sanitizePrintText } from './printer-text.js';
import { kitchenTicketViewSchema, type KitchenTicketView } from './ticket-view.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

function ticketView(overrides: Partial<KitchenTicketView> = {}): KitchenTicketView {
  return kitchenTicketViewSchema.parse({
    ticketId: '0195a7c2-7d1e-7000-8000-00000000abcd',
    stationName: 'Parrilla',
    tableLabel: '12',
    sectorName: 'Terraza',
    waiterName: 'Ana',
    roundNumber: 2,
    dailyNumber: 147,
    createdAt: '2025-03-01T20:34:00Z',
    timeZone: 'Europe/Madrid',
    locale: 'es',
    kind: 'NEW',
    // Deliberately out of service order: the ticket must still read drinks → desserts.
    courses: [
      {
        course: 'main',
        items: [
          {
            qty: 2,
            name: 'Milanesa napolitana',
            modifiers: ['sin cebolla', 'papas fritas'],
            notes: 'bien cocida',
            allergens: ['gluten', 'milk'],
            seat: 3,
          },
        ],
      },
      {
        course: 'dessert',
        items: [{ qty: 1, name: 'Flan', modifiers: [], notes: null, allergens: ['eggs'], seat: null }],
      },
      {
        course: 'starter',
        items: [{ qty: 1, name: 'Provoleta', modifiers: [], notes: null, allergens: [], seat: null }],
      },
    ],
    ...overrides,
  });
}

const withItem = (
  item: Partial<KitchenTicketView['courses'][number]['items'][number]>,
): Partial<KitchenTicketView> => ({
  courses: [
    {
      course: 'main',
      items: [
        { qty: 1, name: 'Bife de chorizo', modifiers: [], notes: null, allergens: [], seat: null, ...item },
      ],
    },
  ],
});

const texts = (ticket: DecodedTicket): string[] =>
  ticket.lines.map((l) => l.text.trim()).filter((t) => t !== '');
const lineWith = (ticket: DecodedTicket, text: string): PrintedLine | undefined =>
  ticket.lines.find((l) => l.text.includes(text));
/** Cells a line takes on paper: double-width letters take two. */
const cells = (line: PrintedLine): number => Array.from(line.text).length * (line.wide ? 2 : 1);

// Every command the renderer itself emits; anything else in a decoded ticket came from somewhere else.
const RENDERER_COMMANDS = new Set([
  'ESC @',
  'FS .',
  'ESC M 0',
  'ESC t 19',
  'ESC E 0',
  'ESC E 1',
  'GS B 0',
  'GS B 1',
  'GS ! 0',
  'GS ! 1',
  'GS ! 17',
  'GS V 1',
]);

describe('kitchen ticket printed on the virtual printer', () => {
  let printer: VirtualPrinter;
  beforeAll(async () => {
    printer = await startVirtualPrinter({ port: 0 });
  });
  afterAll(() => printer.stop());

  async function print(view: KitchenTicketView, paperWidthMm: 58 | 80 = 80): Promise<DecodedTicket> {
    const before = printer.tickets.length;
    await sendToPrinter({
      host: printer.host,
      port: printer.port,
      data: renderKitchenTicket(view, { paperWidthMm }),
      timeoutMs: 5_000,
    });
    const tickets = await printer.waitForTickets(before + 1);
    expect(tickets).toHaveLength(before + 1);
    return tickets[before] as DecodedTicket;
  }

  it('shows station and table large, round and daily number, waiter and local time, then cuts', async () => {
    const ticket = await print(ticketView());
    const [station, table] = ticket.lines;
    expect(station).toMatchObject({
      text: expect.stringContaining('PARRILLA'),
      bold: true,
      large: true,
      wide: true,
    });
    expect(table).toMatchObject({ text: expect.stringContaining('MESA 12'), bold: true, large: true });
    expect(texts(ticket)).toContain('Terraza');
    expect(lineWith(ticket, 'Ronda 2')?.text).toMatch(/^Ronda 2 +#147$/);
    // 20:34 UTC is 21:34 in Madrid in March.
    expect(lineWith(ticket, 'Camarero')?.text).toMatch(/^Camarero: Ana +21:34$/);
    expect(ticket.cut).toBe(true);
  });

  it('groups items by course in service order, quantities bold and tall, modifiers and notes indented', async () => {
    const lines = texts(await print(ticketView()));
    const courseOrder = lines.filter((t) => /^-+ [A-Z]+ -+$/.test(t)).map((t) => t.replace(/-/g, '').trim());
    expect(courseOrder).toEqual(['ENTRANTES', 'PRINCIPALES', 'POSTRES']);
    const main = lines.slice(lines.findIndex((t) => t.includes('PRINCIPALES')));
    expect(main.slice(1, 7)).toEqual([
      '2x Milanesa napolitana',
      '+ sin cebolla',
      '+ papas fritas',
      'NOTA: bien cocida',
      'Asiento 3',
      'ALÉRGENOS: GLUTEN, LECHE',
    ]);
  });

  it('prints allergens on a bold inverted band that no cook can miss', async () => {
    const ticket = await print(ticketView());
    expect(lineWith(ticket, 'ALÉRGENOS: GLUTEN, LECHE')).toMatchObject({ bold: true, inverted: true });
    expect(lineWith(ticket, 'ALÉRGENOS: HUEVO')).toMatchObject({ bold: true, inverted: true });
    expect(lineWith(ticket, '2x Milanesa')).toMatchObject({ bold: true, large: true, inverted: false });
  });

  it('brings Spanish letters and the euro sign back intact through the code page', async () => {
    const ticket = await print(
      ticketView(
        withItem({ name: 'Ñoquis con salsa de güisqui', notes: '¿Sin sal? ¡Sí! Menú de 12 €, jamón' }),
      ),
    );
    expect(texts(ticket)).toContain('1x Ñoquis con salsa de güisqui');
    expect(texts(ticket)).toContain('NOTA: ¿Sin sal? ¡Sí! Menú de 12 €, jamón');
  });

  it('prints a note holding ESC/GS/DLE bytes as plain text and lets it inject no command', async () => {
    const hostile = 'sin sal\u001b@\u001dV\u0000\u0010\u0004\u0001 ←@ ↔V \u001bd\u0009';
    const statusRequests: number[] = [];
    const off = printer.on('status-request', (n) => statusRequests.push(n));
    const injected = await print(ticketView(withItem({ notes: hostile })));
    const benign = await print(ticketView(withItem({ notes: sanitizePrintText(hostile) })));
    off();
    expect(lineWith(injected, 'NOTA')?.text.trim()).toBe('NOTA: sin sal@V <-@ <->V d');
    expect(injected.commands).toEqual(benign.commands);
    expect(injected.commands.filter((c) => !RENDERER_COMMANDS.has(c))).toEqual([]);
    expect(statusRequests).toEqual([]);
  });

  it('marks a reprint with a large inverted REIMPRESIÓN banner at the top and the bottom', async () => {
    const ticket = await print(ticketView({ kind: 'REPRINT' }));
    const banners = ticket.lines.filter((l) => l.text.includes('REIMPRESIÓN'));
    expect(banners).toHaveLength(2);
    for (const banner of banners) expect(banner).toMatchObject({ inverted: true, wide: true, bold: true });
    expect(texts(ticket)[0]).toBe('REIMPRESIÓN');
  });

  it('marks a void with an ANULADO banner and its reason', async () => {
    const ticket = await print(ticketView({ kind: 'VOID', voidReason: 'Cliente se fue' }));
    expect(texts(ticket).slice(0, 2)).toEqual(['ANULADO', 'Cliente se fue']);
    expect(ticket.lines.filter((l) => l.text.includes('ANULADO') && l.inverted)).toHaveLength(2);
    expect(texts(await print(ticketView()))).not.toContain('ANULADO');
  });

  it('speaks English when the view says so', async () => {
    const lines = texts(await print(ticketView({ locale: 'en', kind: 'VOID', stationName: 'Grill' })));
    expect(lines).toEqual(
      expect.arrayContaining(['VOID', 'GRILL', 'TABLE 12', '2x Milanesa napolitana', 'NOTE: bien cocida']),
    );
    expect(lines).toEqual(expect.arrayContaining(['Seat 3', 'ALLERGENS: GLUTEN, MILK', 'ALLERGENS: EGGS']));
    expect(lines.some((t) => t.includes(' STARTERS '))).toBe(true);
  });

  it('wraps to 32 columns on 58 mm paper and 48 on 80 mm, continuation lines indented', async () => {
    const long = ticketView(
      withItem({
        name: 'Milanesa napolitana con papas fritas y huevo',
        notes: 'la carne muy bien cocida por favor, sin nada de sal',
      }),
    );
    const narrow = await print(long, 58);
    const wide = await print(long, 80);
    for (const line of narrow.lines) expect(cells(line), line.text).toBeLessThanOrEqual(32);
    for (const line of wide.lines) expect(cells(line), line.text).toBeLessThanOrEqual(48);
    expect(texts(narrow)).toEqual(
      expect.arrayContaining(['1x Milanesa napolitana con papas', 'fritas y huevo']),
    );
    expect(narrow.lines.find((l) => l.text.includes('fritas y huevo'))?.text).toBe('   fritas y huevo');
    expect(texts(wide)).toContain('1x Milanesa napolitana con papas fritas y huevo');
    expect(narrow.lines.filter((l) => /^[-=]+$/.test(l.text[0] ?? '')).map((l) => l.text.length)).toContain(
      32,
    );
    expect(wide.lines.filter((l) => /^[-=]+$/.test(l.text[0] ?? '')).map((l) => l.text.length)).toContain(48);
  });
});
