// CSV export: money as plain decimals, quoting, and cells that would run as spreadsheet formulas.
import { describe, expect, it } from 'vitest';
import type { SalesReport } from '../../protocol/owner-api.js';
import { reportCsv } from './report-csv.js';

const zero = {
  revenueCents: 0,
  orderedCents: 0,
  paymentsCents: 0,
  tipsCents: 0,
  refundsCents: 0,
  sessionsClosed: 0,
  roundsPlaced: 0,
  itemsVoided: 0,
};

const report: SalesReport = {
  from: '2026-11-27',
  to: '2026-11-27',
  branches: [],
  currency: 'EUR',
  totals: zero,
  days: [{ day: '2026-11-27', ...zero, revenueCents: 123_405, refundsCents: 5 }],
  hours: [],
  byBranch: [{ branchId: 'b1', name: 'Centro, "el bueno"', ...zero }],
  products: [
    { productId: 'p1', name: '=HYPERLINK("http://evil")', qty: 2, salesCents: -250 },
    { productId: 'p2', name: 'Flan', qty: 1, salesCents: 550 },
  ],
  paymentMethods: [],
};

describe('report CSV', () => {
  it('writes money as decimal units and rows with CRLF', () => {
    expect(reportCsv(report, 'days')).toBe(
      'day,revenue,ordered,payments,tips,refunds,sessions_closed,rounds_placed,items_voided\r\n' +
        '2026-11-27,1234.05,0.00,0.00,0.00,0.05,0,0,0\r\n',
    );
  });

  it('quotes commas and quotes, and neutralises cells that look like formulas', () => {
    expect(reportCsv(report, 'branches').split('\r\n')[1]).toMatch(/^b1,"Centro, ""el bueno""",/);
    expect(reportCsv(report, 'products').split('\r\n').slice(1, 3)).toEqual([
      `p1,"'=HYPERLINK(""http://evil"")",2,-2.50`,
      'p2,Flan,1,5.50',
    ]);
  });
});
