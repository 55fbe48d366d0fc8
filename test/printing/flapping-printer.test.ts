// A thousand kitchen tickets through a printer that keeps dropping off the network (and cutting jobs
// off mid-way when it does): every ticket comes out exactly once — 0 lost, 0 printed twice — counted
// by the ticket id printed at the foot of each paper. The "kitchen" here answers each uncertain job
// the way a cook would: looks at the printer's output, confirms if it is there, else asks a reprint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../protocol/events/event.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../hub/printing/virtual-printer.js';
import {
  COOK,
  FAST_PRINTING,
  copiesOf,
  printedTicketId,
  startPrintHub,
  waitFor,
  type PrintHub,
} from '../support/print-hub.js';

const TABLES = ['table-1', 'table-2', 'table-3', 'table-4', 'table-5', 'table-6', 'table-7', 'table-8'];
/** One product per station and course: every round makes four tickets. */
const ROUND = [
  { productId: 'prod-cana', qty: 1 },
  { productId: 'prod-jamon', qty: 1 },
  { productId: 'prod-secreto', qty: 1 },
  { productId: 'prod-flan', qty: 1 },
];
const ROUNDS = 250;

// A small seeded generator, so a failing run can be replayed.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: PrintHub;
let printer: VirtualPrinter;
beforeAll(async () => {
  printer = await startVirtualPrinter({ port: 0 });
  t = await startPrintHub({
    printing: { ...FAST_PRINTING, tuning: { ...FAST_PRINTING.tuning, retryBaseMs: 2, retryCapMs: 20 } },
  });
  await t.addPrinter({ name: 'Cocina', port: printer.port, stations: ['grill', 'bar', 'cold', 'pastry'] });
});
afterAll(async () => {
  await t.stop();
  await printer.stop();
});

describe('1,000 tickets through a flapping printer', () => {
  it('prints every ticket exactly once', { timeout: 90_000 }, async () => {
    const random = mulberry32(20261127);
    const answered: Array<Promise<unknown>> = [];
    let confirmed = 0;
    let reprinted = 0;
    t.hub.bus.subscribe((events: readonly EventEnvelope[]) => {
      for (const e of events) {
        if (e.type !== 'PrintJobUncertain' || e.data.ticketId === null) continue;
        const { jobId, ticketId } = e.data;
        const onPaper = copiesOf(printer.tickets, ticketId).length > 0;
        if (onPaper) confirmed++;
        else reprinted++;
        answered.push(
          onPaper
            ? t.ok(COOK, 'ConfirmPrintJob', { jobId })
            : t.ok(COOK, 'ReprintTicket', { ticketId, reason: 'salió cortado' }),
        );
      }
    });

    let flapping = true;
    const flaps = (async () => {
      while (flapping) {
        // Up for a handful of tickets, then unplugged — cutting off whatever is on the wire.
        await new Promise((r) => setTimeout(r, 40 + random() * 160));
        if (!flapping) break;
        await printer.goOffline();
        await new Promise((r) => setTimeout(r, random() * 30));
        await printer.goOnline();
      }
    })();

    const sessions = await Promise.all(TABLES.map((tableId) => t.openTable(tableId)));
    const ticketIds: string[] = [];
    for (let i = 0; i < ROUNDS; i += 25) {
      const placed = await Promise.all(
        Array.from({ length: 25 }, (_, k) => t.placeRound(sessions[(i + k) % sessions.length]!, ROUND)),
      );
      for (const p of placed) ticketIds.push(...p.ticketIds);
    }
    expect(ticketIds).toHaveLength(1000);

    const open = (): number =>
      (
        t.hub.db.read
          .prepare("SELECT count(*) AS n FROM print_job WHERE status IN ('QUEUED','SENDING','UNCERTAIN')")
          .get() as { n: number }
      ).n;
    await waitFor('most of the queue through, flapping all along', () => open() < 100, 45_000);
    flapping = false;
    await flaps;
    await printer.goOnline();
    await waitFor('every job settled', () => open() === 0, 30_000);
    await Promise.all(answered);
    await waitFor('every job settled after the last answers', () => open() === 0, 30_000);

    const cut = printer.tickets.filter((k) => k.cut);
    const counts = new Map<string, number>();
    for (const k of cut) counts.set(printedTicketId(k), (counts.get(printedTicketId(k)) ?? 0) + 1);
    const lost = ticketIds.filter((id) => !counts.has(id));
    const twice = ticketIds.filter((id) => (counts.get(id) ?? 0) > 1);
    expect({ lost, twice }).toEqual({ lost: [], twice: [] });
    expect(cut).toHaveLength(1000);
    // Every uncertain job was answered: confirmed ones count as printed, each reprint replaced one job.
    const byStatus = Object.fromEntries(
      (
        t.hub.db.read.prepare('SELECT status, count(*) AS n FROM print_job GROUP BY status').all() as Array<{
          status: string;
          n: number;
        }>
      ).map((r) => [r.status, r.n]),
    );
    expect(byStatus).toEqual(reprinted > 0 ? { PRINTED: 1000, FAILED: reprinted } : { PRINTED: 1000 });
    expect(confirmed + reprinted).toBe(
      (
        t.hub.db.read.prepare("SELECT count(*) AS n FROM event WHERE type = 'PrintJobUncertain'").get() as {
          n: number;
        }
      ).n,
    );
  });
});
