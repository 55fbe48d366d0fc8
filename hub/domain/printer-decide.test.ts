// Printer decisions without I/O: reprints only when nothing is on its way, status events only on change,
// outcomes only from the states the print job lifecycle allows.
import { describe, expect, it } from 'vitest';
import type { DecideContext, TicketView } from './views.js';
import {
  decidePrinterStatus,
  decidePrintOutcome,
  decideReprintTicket,
  type PrinterView,
  type PrintJobView,
} from './printer-decide.js';

const ctx: DecideContext = {
  actor: { kind: 'staff', staffId: 'cook', role: 'KITCHEN' },
  now: '2026-11-27T21:00:00.000Z',
  businessDay: '2026-11-27',
  newId: () => 'new-job',
  newJoinCode: () => 'ABCDEF',
};
const ticket: TicketView = {
  id: 't1',
  roundId: 'r1',
  sessionId: 's1',
  station: 'grill',
  course: 'main',
  status: 'NEW',
  itemIds: ['i1'],
  bumpedItemIds: [],
};
const printer: PrinterView = {
  id: 'p1',
  name: 'Parrilla',
  stations: ['grill'],
  backupPrinterId: null,
  printsChecks: false,
  active: true,
};
const job = (status: PrintJobView['status'], id = 'j1'): PrintJobView => ({
  id,
  kind: 'KITCHEN',
  status,
  ticketId: 't1',
  sessionId: 's1',
  station: 'grill',
  printerId: 'p1',
});
const flags = { reachable: true, online: true, coverOpen: false, paperOut: false, paperNearEnd: false };

describe('printer decisions', () => {
  it('a reprint replaces an uncertain job and is refused while a copy is still on its way', () => {
    const r = decideReprintTicket({ ticket, printer, jobs: [job('UNCERTAIN')] }, 'torn', ctx);
    expect(r.ok && r.value.events).toEqual([
      {
        type: 'TicketReprintRequested',
        data: {
          jobId: 'new-job',
          ticketId: 't1',
          station: 'grill',
          printerId: 'p1',
          replacesJobId: 'j1',
          reason: 'torn',
        },
      },
    ]);
    for (const status of ['QUEUED', 'SENDING'] as const) {
      expect(decideReprintTicket({ ticket, printer, jobs: [job(status)] }, '', ctx)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    }
    expect(
      decideReprintTicket({ ticket: { ...ticket, status: 'VOID' }, printer, jobs: [] }, '', ctx),
    ).toMatchObject({
      ok: false,
    });
    expect(decideReprintTicket({ ticket, printer: undefined, jobs: [] }, '', ctx)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('reports a printer status only when it changed', () => {
    expect(decidePrinterStatus({ printer, last: flags }, flags)).toMatchObject({
      ok: true,
      value: { events: [] },
    });
    const paperOut = { ...flags, online: false, paperOut: true };
    expect(decidePrinterStatus({ printer, last: flags }, paperOut)).toMatchObject({
      ok: true,
      value: { events: [{ type: 'PrinterStatusChanged', data: { printerId: 'p1', status: paperOut } }] },
    });
  });

  it('records "printed" only for a job being sent, never for one already printed', () => {
    const name = () => 'Parrilla';
    expect(
      decidePrintOutcome({ job: job('SENDING'), printerName: name }, { kind: 'PRINTED', printerId: 'p1' }),
    ).toMatchObject({
      ok: true,
      value: {
        events: [
          { type: 'PrintJobPrinted', data: { jobId: 'j1', printerName: 'Parrilla', confirmedBy: 'PRINTER' } },
        ],
      },
    });
    expect(
      decidePrintOutcome({ job: job('PRINTED'), printerName: name }, { kind: 'PRINTED', printerId: 'p1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      decidePrintOutcome(
        { job: job('UNCERTAIN'), printerName: name },
        { kind: 'FAILED_OVER', fromPrinterId: 'p1', toPrinterId: 'p2', reason: '' },
      ),
    ).toMatchObject({ ok: false });
  });
});
