// The waiter's pre-bill and the final receipt, sent over real TCP to the virtual printer and read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodedTicket } from './escpos-decoder.js';
import { renderCheck } from './escpos-check.js';
import { sendToPrinter } from './printer-transport.js';
import { checkPrintViewSchema, type CheckPrintView } from './ticket-view.js';
import { startVirtualPrinter, type VirtualPrinter } from './virtual-printer.js';

const common = {
  branchName: 'Casa Lucía',
  branchAddress: 'Calle Mayor 1, Madrid',
  branchTaxId: 'B12345678',
  tableLabel: '7',
  waiterName: 'Ana',
  guests: 2,
  reference: '0042',
  createdAt: '2025-03-01T20:34:00Z',
  timeZone: 'Europe/Madrid',
  locale: 'es',
  currency: 'EUR',
  lines: [
    { qty: 2, name: 'Croquetas de jamón', modifiers: [], amountCents: 1800 },
    { qty: 1, name: 'Solomillo', modifiers: ['al punto', 'sin sal'], amountCents: 2450 },
    { qty: 1, name: 'Vino tinto', modifiers: [], amountCents: 1250 },
  ],
  subtotalCents: 5500,
  discounts: [{ reason: 'cliente habitual', amountCents: 500 }],
  serviceChargeCents: 0,
  taxes: [{ rateBp: 1000, baseCents: 4545, taxCents: 455 }],
  totalCents: 5000,
  shares: [],
  footer: '¡Gracias por su visita!',
} as const;

const preBill = (overrides: Record<string, unknown> = {}): CheckPrintView =>
  checkPrintViewSchema.parse({ kind: 'PRE_BILL', ...common, ...overrides });

const receipt = (overrides: Record<string, unknown> = {}): CheckPrintView =>
  checkPrintViewSchema.parse({
    kind: 'RECEIPT',
    ...common,
    payments: [
      {
        method: 'CARD',
        amountCents: 2500,
        tipCents: 300,
        tenderedCents: null,
        changeCents: null,
        cardLast4: '4242',
        approvalCode: 'A1B2C3',
      },
      {
        method: 'CASH',
        amountCents: 2500,
        tipCents: 0,
        tenderedCents: 3000,
        changeCents: 500,
        cardLast4: null,
        approvalCode: null,
      },
    ],
    ...overrides,
  });

/** Lines as printed, runs of spaces squeezed so assertions don't depend on column arithmetic. */
const texts = (ticket: DecodedTicket): string[] =>
  ticket.lines.map((l) => l.text.trim().replace(/ {2,}/g, ' ')).filter((t) => t !== '');

describe('check printed on the virtual printer', () => {
  let printer: VirtualPrinter;
  beforeAll(async () => {
    printer = await startVirtualPrinter({ port: 0 });
  });
  afterAll(() => printer.stop());

  async function print(view: CheckPrintView, paperWidthMm: 58 | 80 = 58): Promise<DecodedTicket> {
    const before = printer.tickets.length;
    await sendToPrinter({
      host: printer.host,
      port: printer.port,
      data: renderCheck(view, { paperWidthMm }),
      timeoutMs: 5_000,
    });
    return (await printer.waitForTickets(before + 1))[before] as DecodedTicket;
  }

  it('prints the pre-bill with lines, discount, tax breakdown, total and each share of the split', async () => {
    const ticket = await print(
      preBill({
        shares: [
          { label: 'Ana', amountCents: 2500 },
          { label: 'Luis', amountCents: 2500 },
        ],
      }),
      80,
    );
    const lines = texts(ticket);
    expect(lines.slice(0, 4)).toEqual([
      'Casa Lucía',
      'Calle Mayor 1, Madrid',
      'NIF/CUIT: B12345678',
      'PRE-CUENTA',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'MESA 7 Comensales: 2',
        'Camarero: Ana',
        '01/03/2025 21:34 Nº 0042',
        '2 Croquetas de jamón 18,00 €',
        '1 Solomillo 24,50 €',
        '+ al punto',
        'Subtotal 55,00 €',
        'Descuento: cliente habitual -5,00 €',
        'TOTAL 50,00 €',
        'IVA Base Cuota',
        '10 % 45,45 € 4,55 €',
        'División',
        'Ana 25,00 €',
        'Luis 25,00 €',
        'NO VÁLIDO COMO FACTURA',
        '¡Gracias por su visita!',
      ]),
    );
    expect(ticket.lines.find((l) => l.text.includes('TOTAL'))).toMatchObject({ bold: true, large: true });
    expect(lines.some((t) => t.startsWith('Pagos'))).toBe(false);
    expect(ticket.cut).toBe(true);
  });

  it('prints the receipt with each payment, the tip, the cash tendered and the change', async () => {
    const lines = texts(await print(receipt()));
    expect(lines).toEqual(
      expect.arrayContaining([
        'TICKET',
        'Pagos',
        'Tarjeta **** 4242 25,00 €',
        'Propina 3,00 €',
        'Autorización: A1B2C3',
        'Efectivo 25,00 €',
        'Entregado 30,00 €',
        'Cambio 5,00 €',
      ]),
    );
    expect(lines).not.toContain('NO VÁLIDO COMO FACTURA');
  });

  it('shows the service charge only when there is one', async () => {
    expect(texts(await print(preBill({ serviceChargeCents: 450, totalCents: 5450 })))).toContain(
      'Servicio 4,50 €',
    );
    expect(texts(await print(preBill())).some((t) => t.startsWith('Servicio'))).toBe(false);
  });

  it('formats money in the currency and country of the branch', async () => {
    const pesos = texts(
      await print(
        preBill({
          currency: 'ARS',
          formatLocale: 'es-AR',
          lines: [{ qty: 1, name: 'Asado', modifiers: [], amountCents: 3_200_000 }],
        }),
      ),
    );
    expect(pesos).toContain('1 Asado $ 32.000,00');
    const english = texts(await print(receipt({ locale: 'en' })));
    expect(english).toEqual(
      expect.arrayContaining(['RECEIPT', 'Card **** 4242 €25.00', 'Change €5.00', 'VAT Base Tax']),
    );
  });

  it('keeps every line within 32 columns on 58 mm paper and 48 on 80 mm', async () => {
    const long = receipt({
      lines: [
        {
          qty: 3,
          name: 'Parrillada completa para compartir con guarnición',
          modifiers: [],
          amountCents: 123_456,
        },
      ],
    });
    for (const [width, columns] of [
      [58, 32],
      [80, 48],
    ] as const) {
      const ticket = await print(long, width);
      for (const line of ticket.lines) {
        expect(Array.from(line.text).length * (line.wide ? 2 : 1), line.text).toBeLessThanOrEqual(columns);
      }
    }
  });
});
