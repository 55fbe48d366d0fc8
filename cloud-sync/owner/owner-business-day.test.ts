// The owner reads on the branch's clock, on every database target: "today" on the overview is each
// branch's current business day, report hours are local, rounds awaiting a waiter are apart, and the
// figures come with the branch's currency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub } from '../test-support/seed.js';
import { ownerOverview } from './overview-read.js';
import { reportQuerySchema, salesReport } from './report-read.js';

// 01:00 UTC on Saturday 7 March: 02:00 in Madrid and 19:00 on Friday in Mexico City, Friday's service
// in both. The UTC date (the 7th) is the wrong answer for both.
const NOW = Date.parse('2026-03-07T01:00:00Z');
const clock = manualClock(NOW);

describe.each(DB_TARGETS)('owner figures on the branch clock on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
  });
  afterAll(() => opened?.close());

  it("shows each branch's current business day as today, with its sales and currency", async () => {
    const hub = await seedHub(db, clock);
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    log.append([ev.sessionOpened('s-1')], '2026-03-06T22:00:00.000Z');
    log.append([ev.roundPlaced('r-1', 's-1', [ev.item('i-1', 'flan', 500, 2)])], '2026-03-06T22:10:00.000Z');
    log.append([ev.sessionClosed('s-1', 1000)], '2026-03-07T00:30:00.000Z'); // 01:30 Saturday in Madrid
    await ingestAs(db, hub, log.batch(), clock);

    const overview = await ownerOverview(db, hub.tenantId, NOW);
    expect(overview?.day).toBe('2026-03-06');
    expect(overview?.branches[0]).toMatchObject({
      day: '2026-03-06',
      timeZone: 'Europe/Madrid',
      currency: 'EUR',
      today: { revenueCents: 1000, orderedCents: 1000, sessionsClosed: 1, roundsPlaced: 1 },
    });

    // The hub moves the branch to Mexico City (in pesos): its today is still Friday there too, and the
    // Madrid-time sale above stays where it was booked.
    const next = log.events.length;
    log.append(
      [ev.branchSettings({ timeZone: 'America/Mexico_City', currency: 'MXN' })],
      '2026-03-07T00:50:00.000Z',
    );
    await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock);
    const later = await ownerOverview(db, hub.tenantId, Date.parse('2026-03-07T10:30:00Z'));
    // 10:30 UTC is 04:30 in Mexico City: still Friday's business day (Madrid would be Saturday).
    expect(later?.branches[0]).toMatchObject({
      day: '2026-03-06',
      timeZone: 'America/Mexico_City',
      currency: 'MXN',
    });
  });

  it('reports hours on the wall clock of the branch and answers with its currency', async () => {
    const hub = await seedHub(db, clock);
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    log.append([ev.branchSettings({ timeZone: 'Europe/Madrid' })], '2026-03-06T10:00:00.000Z');
    log.append([ev.sessionOpened('s-1')], '2026-03-06T21:00:00.000Z');
    log.append([ev.sessionClosed('s-1', 700)], '2026-03-06T22:15:00.000Z'); // 23:15 in Madrid
    await ingestAs(db, hub, log.batch(), clock);
    const q = reportQuerySchema.parse({ from: '2026-03-06', to: '2026-03-06' });
    const report = await salesReport(db, hub.tenantId, q);
    expect(report.currency).toBe('EUR');
    expect(report.branches[0]?.currency).toBe('EUR');
    expect(report.hours.filter((h) => h.sessionsClosed > 0)).toEqual([
      { hour: 23, revenueCents: 700, sessionsClosed: 1 },
    ]);
  });

  it("counts diners' rounds awaiting a waiter apart from live rounds, and drafts in neither", async () => {
    const hub = await seedHub(db, clock);
    const log = new HubLogSimulator(hub.hubId, hub.branchId);
    log.append([ev.sessionOpened('s-1')], '2026-03-06T21:00:00.000Z');
    log.append([ev.roundPlaced('r-1', 's-1', [ev.item('i-1', 'flan', 500)])], '2026-03-06T21:01:00.000Z');
    const at = '2026-03-06T21:05:00.000Z';
    log.append([ev.roundPlaced('r-2', 's-1', [ev.item('i-2', 'flan', 500)], 2, true)], at);
    log.append([ev.roundCreated('r-3', 's-1', 3)], at);
    log.append([ev.itemAdded('r-3', ev.item('i-3', 'wine', 2000, 5))], at);
    await ingestAs(db, hub, log.batch(), clock);
    const branch = async () => (await ownerOverview(db, hub.tenantId, NOW))?.branches[0];
    expect(await branch()).toMatchObject({
      liveRounds: 1,
      roundsAwaitingConfirmation: 1,
      today: { orderedCents: 1000 },
    });
    const next = log.events.length;
    log.append([ev.roundSentToKitchen('r-2')]);
    await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock);
    expect(await branch()).toMatchObject({ liveRounds: 2, roundsAwaitingConfirmation: 0 });
  });
});
