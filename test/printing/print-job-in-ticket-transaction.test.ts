// The print job is written in the same transaction as the ticket: present the moment the command is
// acknowledged, gone with it when anything in the transaction fails, and never re-queued by a rebuild.
import { afterEach, describe, expect, it } from 'vitest';
import { printJobWriter } from '../../hub/printing/print-job-writer.js';
import { dumpReadModels, rebuildReadModels } from '../../hub/store/rebuild.js';
import { ADMIN, createHubFixture, WAITER_SALON, type HubFixture } from '../support/hub-fixture.js';

let hub: HubFixture;
afterEach(() => hub.close());

async function withGrillPrinter(h: HubFixture): Promise<void> {
  await h.ok(ADMIN, {
    type: 'UpsertPrinter',
    payload: { name: 'Parrilla', host: '127.0.0.1', port: 9, stations: ['grill'] },
  });
}

const count = (h: HubFixture, sql: string): number => (h.db.read.prepare(sql).get() as { n: number }).n;

describe('print jobs in the ticket transaction', () => {
  it('a ticket for a station with a printer is acknowledged with its job queued; the bar, without one, has none', async () => {
    hub = await createHubFixture({ bus: { transactionalWriters: [printJobWriter] } });
    await withGrillPrinter(hub);
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-1', guests: 2 },
    });
    const placed = await hub.ok(WAITER_SALON, {
      type: 'PlaceRound',
      payload: {
        sessionId,
        items: [
          { productId: 'prod-secreto', qty: 1 },
          { productId: 'prod-agua', qty: 1 },
        ],
      },
    });
    expect(placed.ticketIds).toHaveLength(2);
    const jobs = hub.db.read.prepare('SELECT kind, status, station, ticket_id FROM print_job').all();
    expect(jobs).toEqual([
      { kind: 'KITCHEN', status: 'QUEUED', station: 'grill', ticket_id: expect.any(String) },
    ]);

    const before = dumpReadModels(hub.db.write);
    rebuildReadModels(hub.db.write);
    expect(dumpReadModels(hub.db.write)).toEqual(before);
    expect(count(hub, 'SELECT count(*) AS n FROM print_job')).toBe(1);
  });

  it('a failure while writing the job undoes the ticket too: no ticket without its paper', async () => {
    const failing = (...args: Parameters<typeof printJobWriter>) => {
      if (args[1].type === 'TicketCreated') throw new Error('disk trouble while queueing the paper');
      printJobWriter(...args);
    };
    hub = await createHubFixture({ bus: { transactionalWriters: [failing] } });
    await withGrillPrinter(hub);
    const { sessionId } = await hub.ok(WAITER_SALON, {
      type: 'OpenSession',
      payload: { tableId: 'table-2', guests: 2 },
    });
    const r = await hub.run(WAITER_SALON, {
      type: 'PlaceRound',
      payload: { sessionId, items: [{ productId: 'prod-secreto', qty: 1 }] },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(count(hub, 'SELECT count(*) AS n FROM kitchen_ticket')).toBe(0);
    expect(count(hub, 'SELECT count(*) AS n FROM round')).toBe(0);
    expect(count(hub, 'SELECT count(*) AS n FROM print_job')).toBe(0);
  });
});
