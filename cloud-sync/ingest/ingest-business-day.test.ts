// Business days and hours at ingest, in both modes and on every database target: the branch's zone and
// day start hour (kept from its hub's settings events), and carts that only count once submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub } from '../test-support/seed.js';
import type { IngestMode } from './ingest-batch.js';

const clock = manualClock(Date.parse('2026-03-07T12:00:00Z'));
const MODES: IngestMode[] = ['batched', 'per-event'];

describe.each(DB_TARGETS)('business days at ingest on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
  });
  afterAll(() => opened?.close());

  async function setup() {
    const hub = await seedHub(db, clock);
    return { hub, log: new HubLogSimulator(hub.hubId, hub.branchId) };
  }
  const daily = (branchId: string) =>
    db.query<{ business_day: string; revenue_cents: unknown }>(
      'SELECT business_day, revenue_cents FROM proj_branch_daily WHERE branch_id = $1 AND revenue_cents <> 0 ORDER BY business_day',
      [branchId],
    );
  const sessions = (branchId: string) =>
    db.query<{ session_id: string; business_day: string; closed_hour: number }>(
      'SELECT session_id, business_day, closed_hour FROM proj_sessions WHERE branch_id = $1 ORDER BY session_id',
      [branchId],
    );
  const sales = (branchId: string) =>
    db.query<{ business_day: string; product_id: string; qty: unknown; sales_cents: unknown }>(
      `SELECT business_day, product_id, qty, sales_cents FROM proj_product_sales WHERE branch_id = $1
        AND (qty <> 0 OR sales_cents <> 0) ORDER BY business_day, product_id`,
      [branchId],
    );

  function closeAt(log: HubLogSimulator, id: string, at: string, cents = 1000) {
    log.append([ev.sessionOpened(id)], at);
    log.append([ev.sessionClosed(id, cents)], at);
  }

  it.each(MODES)(
    '%s: a table closed at 00:30 on Saturday in Madrid counts for Friday, at local hour 0',
    async (mode) => {
      const { hub, log } = await setup();
      closeAt(log, 's-a', '2026-03-07T00:30:00+01:00', 1000);
      closeAt(log, 's-b', '2026-03-07T03:59:00.000Z', 200); // 04:59 local: still Friday
      closeAt(log, 's-c', '2026-03-07T04:00:00.000Z', 30); // 05:00 local: Saturday
      await ingestAs(db, hub, log.batch(), clock, mode);
      expect(await sessions(hub.branchId)).toEqual([
        { session_id: 's-a', business_day: '2026-03-06', closed_hour: 0 },
        { session_id: 's-b', business_day: '2026-03-06', closed_hour: 4 },
        { session_id: 's-c', business_day: '2026-03-07', closed_hour: 5 },
      ]);
      const days = (await daily(hub.branchId)).map((r) => [r.business_day, Number(r.revenue_cents)]);
      expect(days).toEqual([
        ['2026-03-06', 1200],
        ['2026-03-07', 30],
      ]);
    },
  );

  it.each(MODES)(
    '%s: after BranchSettingsUpdated to Mexico City, later events use that zone, in the same batch and after',
    async (mode) => {
      const { hub, log } = await setup();
      // 10:00 UTC: 11:00 Saturday in Madrid, 04:00 in Mexico City (Friday's service until 05:00).
      closeAt(log, 's-1', '2026-03-07T10:00:00.000Z', 1);
      log.append([ev.branchSettings({ timeZone: 'America/Mexico_City' })], '2026-03-07T10:01:00.000Z');
      closeAt(log, 's-2', '2026-03-07T10:02:00.000Z', 10);
      await ingestAs(db, hub, log.batch(), clock, mode);
      const next = log.events.length;
      closeAt(log, 's-3', '2026-03-07T11:30:00.000Z', 100); // 05:30 in Mexico City: Saturday
      await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock, mode);
      expect(await sessions(hub.branchId)).toEqual([
        { session_id: 's-1', business_day: '2026-03-07', closed_hour: 11 },
        { session_id: 's-2', business_day: '2026-03-06', closed_hour: 4 },
        { session_id: 's-3', business_day: '2026-03-07', closed_hour: 5 },
      ]);
      const [branch] = await db.query(
        'SELECT time_zone, business_day_starts_at_hour, currency FROM branches WHERE id = $1',
        [hub.branchId],
      );
      expect(branch).toEqual({
        time_zone: 'America/Mexico_City',
        business_day_starts_at_hour: 5,
        currency: 'EUR',
      });
    },
  );

  it('keeps the hub defaults (Madrid, 05:00, EUR) for a branch whose hub never changed them', async () => {
    const { hub } = await setup();
    const [branch] = await db.query(
      'SELECT time_zone, business_day_starts_at_hour, currency FROM branches WHERE id = $1',
      [hub.branchId],
    );
    expect(branch).toEqual({ time_zone: 'Europe/Madrid', business_day_starts_at_hour: 5, currency: 'EUR' });
  });

  it.each(MODES)('%s: BranchInitialized sets the zone, start hour and currency too', async (mode) => {
    const { hub, log } = await setup();
    log.append(
      [
        ev.branchSettings({
          timeZone: 'Asia/Tokyo',
          businessDayStartsAtHour: 6,
          currency: 'JPY',
          initial: true,
        }),
      ],
      '2026-03-06T00:00:00.000Z',
    );
    closeAt(log, 's-1', '2026-03-06T20:30:00.000Z'); // 05:30 Saturday in Tokyo: before 06:00
    await ingestAs(db, hub, log.batch(), clock, mode);
    expect(await sessions(hub.branchId)).toEqual([
      { session_id: 's-1', business_day: '2026-03-06', closed_hour: 5 },
    ]);
    const [branch] = await db.query('SELECT currency FROM branches WHERE id = $1', [hub.branchId]);
    expect(branch).toEqual({ currency: 'JPY' });
  });

  it.each(MODES)(
    '%s: a settings event with a zone Intl does not know is refused, not applied',
    async (mode) => {
      const { hub, log } = await setup();
      log.append([ev.branchSettings({ timeZone: 'Mars/Olympus_Mons' })]);
      const { response } = await ingestAs(db, hub, log.batch(), clock, mode);
      expect(response.results[0]).toMatchObject({
        status: 'rejected',
        reason: 'INVALID_EVENT',
        retryable: false,
      });
      const [branch] = await db.query<{ time_zone: string }>('SELECT time_zone FROM branches WHERE id = $1', [
        hub.branchId,
      ]);
      expect(branch?.time_zone).toBe('Europe/Madrid');
    },
  );

  it.each(MODES)(
    "%s: a diner's cart is not ordered until its round is submitted, then counts on that day",
    async (mode) => {
      const { hub, log } = await setup();
      log.append([ev.sessionOpened('s-1')], '2026-03-06T20:00:00.000Z');
      log.append([ev.roundCreated('r-1', 's-1')], '2026-03-06T20:00:00.000Z');
      log.append([ev.itemAdded('r-1', ev.item('i-1', 'flan', 500, 1))], '2026-03-06T20:01:00.000Z');
      log.append([ev.itemAdded('r-1', ev.item('i-2', 'beer', 300, 1))], '2026-03-06T20:02:00.000Z');
      log.append([ev.itemAdded('r-1', ev.item('i-3', 'wine', 900, 1))], '2026-03-06T20:02:30.000Z');
      log.append(
        [
          {
            type: 'ItemUpdated',
            data: { roundId: 'r-1', itemId: 'i-1', qty: 3, notes: '', modifiers: [], seat: null },
          },
        ],
        '2026-03-06T20:03:00.000Z',
      );
      log.append(
        [{ type: 'ItemRemoved', data: { roundId: 'r-1', itemId: 'i-2' } }],
        '2026-03-06T20:04:00.000Z',
      );
      // A second cart nobody submits, dropped later.
      log.append([ev.roundCreated('r-2', 's-1', 2)], '2026-03-06T20:05:00.000Z');
      log.append([ev.itemAdded('r-2', ev.item('i-9', 'flan', 500, 4))], '2026-03-06T20:05:00.000Z');
      await ingestAs(db, hub, log.batch(), clock, mode);
      expect(await sales(hub.branchId)).toEqual([]);
      const statuses = await db.query<{ item_id: string; status: string }>(
        'SELECT item_id, status FROM proj_round_items WHERE branch_id = $1 ORDER BY item_id',
        [hub.branchId],
      );
      expect(statuses.map((r) => `${r.item_id}:${r.status}`)).toEqual([
        'i-1:DRAFT',
        'i-2:REMOVED',
        'i-3:DRAFT',
        'i-9:DRAFT',
      ]);

      // Submitted at 00:30 local on Saturday: Friday's business day, as the lines now stand.
      let next = log.events.length;
      log.append([ev.roundSubmitted('r-1')], '2026-03-06T23:30:00.000Z');
      await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock, mode);
      const ordered = (await sales(hub.branchId)).map((r) => [
        r.business_day,
        r.product_id,
        Number(r.qty),
        Number(r.sales_cents),
      ]);
      expect(ordered).toEqual([
        ['2026-03-06', 'flan', 3, 1500],
        ['2026-03-06', 'wine', 1, 900],
      ]);

      // A void after the submit nets out on that day; canceling the unsubmitted cart changes nothing.
      next = log.events.length;
      log.append([ev.itemVoided('r-1', 'i-3')], '2026-03-07T10:00:00.000Z');
      log.append([ev.roundCanceled('r-2')], '2026-03-07T10:00:00.000Z');
      await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock, mode);
      expect((await sales(hub.branchId)).map((r) => [r.product_id, Number(r.qty)])).toEqual([['flan', 3]]);
      const [day] = await db.query<{ items_voided: number; rounds_canceled: number }>(
        `SELECT items_voided, rounds_canceled FROM proj_branch_daily WHERE branch_id = $1 AND business_day = '2026-03-07'`,
        [hub.branchId],
      );
      expect(day).toEqual({ items_voided: 1, rounds_canceled: 1 });
    },
  );

  it.each(MODES)(
    "%s: a diner's round waits as SUBMITTED until a waiter confirms it, and is ordered meanwhile",
    async (mode) => {
      const { hub, log } = await setup();
      log.append([ev.sessionOpened('s-1')], '2026-03-06T20:00:00.000Z');
      log.append([ev.roundPlaced('r-1', 's-1', [ev.item('i-1', 'flan', 500, 2)], 1, true)]);
      log.append([ev.roundCreated('r-2', 's-1', 2)]);
      log.append([ev.itemAdded('r-2', ev.item('i-2', 'beer', 300, 1))]);
      log.append([ev.roundSubmitted('r-2', true)]);
      await ingestAs(db, hub, log.batch(), clock, mode);
      const rounds = () =>
        db.query<{ round_id: string; status: string }>(
          'SELECT round_id, status FROM proj_rounds WHERE branch_id = $1 ORDER BY round_id',
          [hub.branchId],
        );
      expect(await rounds()).toEqual([
        { round_id: 'r-1', status: 'SUBMITTED' },
        { round_id: 'r-2', status: 'SUBMITTED' },
      ]);
      expect((await sales(hub.branchId)).map((r) => [r.product_id, Number(r.qty)])).toEqual([
        ['beer', 1],
        ['flan', 2],
      ]);
      const next = log.events.length;
      log.append([ev.roundSentToKitchen('r-1')]);
      await ingestAs(db, hub, log.batch(log.events.slice(next), next), clock, mode);
      expect(await rounds()).toEqual([
        { round_id: 'r-1', status: 'PLACED' },
        { round_id: 'r-2', status: 'SUBMITTED' },
      ]);
    },
  );
});
