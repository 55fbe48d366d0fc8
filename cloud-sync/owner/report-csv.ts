// CSV export of a sales report, one table per `kind`. Money is written as decimal units with a dot
// ("12.50"), which every spreadsheet reads, and cells that could start a formula are quoted and prefixed.
import { z } from 'zod';
import { REPORT_CSV_KINDS, type SalesReport } from '../../protocol/owner-api.js';

export const csvKindSchema = z.enum(REPORT_CSV_KINDS);
export type CsvKind = z.infer<typeof csvKindSchema>;

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

function cell(value: string | number): string {
  // Plain numbers (money included: "-2.50") are data, not formulas, whatever their sign.
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value)) return String(value);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): neutralise it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (cells: (string | number)[]) => cells.map(cell).join(',');

export function reportCsv(report: SalesReport, kind: CsvKind): string {
  const totalsHeader = [
    'revenue',
    'ordered',
    'payments',
    'tips',
    'refunds',
    'sessions_closed',
    'rounds_placed',
    'items_voided',
  ];
  const totals = (t: SalesReport['totals']) => [
    money(t.revenueCents),
    money(t.orderedCents),
    money(t.paymentsCents),
    money(t.tipsCents),
    money(t.refundsCents),
    t.sessionsClosed,
    t.roundsPlaced,
    t.itemsVoided,
  ];
  let rows: (string | number)[][];
  switch (kind) {
    case 'days':
      rows = [['day', ...totalsHeader], ...report.days.map((d) => [d.day, ...totals(d)])];
      break;
    case 'hours':
      rows = [
        ['hour_utc', 'revenue', 'sessions_closed'],
        ...report.hours.map((h) => [h.hour, money(h.revenueCents), h.sessionsClosed]),
      ];
      break;
    case 'branches':
      rows = [
        ['branch_id', 'branch', ...totalsHeader],
        ...report.byBranch.map((b) => [b.branchId, b.name, ...totals(b)]),
      ];
      break;
    case 'products':
      rows = [
        ['product_id', 'product', 'qty', 'sales'],
        ...report.products.map((p) => [p.productId, p.name, p.qty, money(p.salesCents)]),
      ];
      break;
    case 'payments':
      rows = [
        ['method', 'payments', 'amount', 'tips', 'refunded'],
        ...report.paymentMethods.map((m) => [
          m.method,
          m.payments,
          money(m.amountCents),
          money(m.tipsCents),
          money(m.refundedCents),
        ]),
      ];
      break;
  }
  return `${rows.map(line).join('\r\n')}\r\n`;
}
