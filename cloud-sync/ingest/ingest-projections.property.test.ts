// Property: for random services cut into random batches (some resent), the owner projections add up:
// revenue is the sum of closed sessions' totals, sold items are the ones never voided or canceled.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../protocol/events/event.js';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { branchSales, hubStatus } from '../read/owner-reads.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub } from '../test-support/seed.js';

const clock = manualClock(Date.parse('2026-11-27T21:00:00Z'));
const DAY = '2026-11-27';
const PRODUCTS = ['burger', 'salad', 'beer', 'flan'] as const;

const itemArb = fc.record({
  product: fc.constantFrom(...PRODUCTS),
  price: fc.integer({ min: 0, max: 5000 }),
  qty: fc.integer({ min: 1, max: 4 }),
  modifier: fc.integer({ min: 0, max: 300 }),
  voided: fc.boolean(),
});
const roundArb = fc.record({
  items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
  canceled: fc.boolean(),
});
const sessionArb = fc.record({
  rounds: fc.array(roundArb, { minLength: 1, maxLength: 3 }),
  closed: fc.boolean(),
  tip: fc.integer({ min: 0, max: 500 }),
});
const scenarioArb = fc.record({
  sessions: fc.array(sessionArb, { minLength: 1, maxLength: 4 }),
  /** Which session runs its next command: interleaves sessions like a real service. */
  schedule: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  cuts: fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 6 }),
  resend: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Expected {
  revenue: number;
  tips: number;
  open: number;
  products: Map<string, { qty: number; cents: number }>;
}

/** Each session as a queue of commands (each a list of events), plus what the projections must show. */
function commandsOf(s: Scenario, tag: string): { queues: DomainEvent[][][]; expected: Expected } {
  const expected: Expected = { revenue: 0, tips: 0, open: 0, products: new Map() };
  const queues = s.sessions.map((session, si) => {
    const sid = `${tag}-s${si}`;
    const q: DomainEvent[][] = [[ev.sessionOpened(sid)]];
    let total = 0;
    session.rounds.forEach((round, ri) => {
      const rid = `${sid}-r${ri}`;
      const items = round.items.map((it, ii) =>
        ev.item(`${rid}-i${ii}`, it.product, it.price, it.qty, it.modifier),
      );
      q.push([ev.roundPlaced(rid, sid, items, ri + 1)]);
      round.items.forEach((it, ii) => {
        if (round.canceled) return;
        if (it.voided) q.push([ev.itemVoided(rid, `${rid}-i${ii}`)]);
        else {
          const line = (it.price + it.modifier) * it.qty;
          total += line;
          const p = expected.products.get(it.product) ?? { qty: 0, cents: 0 };
          expected.products.set(it.product, { qty: p.qty + it.qty, cents: p.cents + line });
        }
      });
      if (round.canceled) q.push([ev.roundCanceled(rid)]);
    });
    if (session.closed) {
      q.push([
        ev.paymentRecorded(sid, `${sid}-p`, total, session.tip),
        ev.sessionClosed(sid, total, session.tip),
      ]);
      expected.revenue += total;
      expected.tips += session.tip;
    } else expected.open++;
    return q;
  });
  return { queues, expected };
}

describe.each(DB_TARGETS)('projections add up on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
  });
  afterAll(() => opened?.close());

  it('revenue equals the sum of closed sessions, items sold equal the ones not voided or canceled', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const hub = await seedHub(db, clock);
        const log = new HubLogSimulator(hub.hubId, hub.branchId);
        const { queues, expected } = commandsOf(s, hub.hubId.slice(0, 8));
        // Interleave the sessions' commands by the schedule, then drain what is left in order.
        let step = 0;
        while (queues.some((q) => q.length > 0)) {
          const live = queues.filter((q) => q.length > 0);
          const pick = live[(s.schedule[step++ % s.schedule.length] ?? 0) % live.length]!;
          log.append(pick.shift()!);
        }
        const cuts = [...new Set(s.cuts.map((c) => c % log.events.length))]
          .filter((c) => c > 0)
          .sort((a, b) => a - b);
        const bounds = [0, ...cuts, log.events.length];
        let batchNo = 0;
        for (let i = 0; i + 1 < bounds.length; i++) {
          const batch = log.batch(log.events.slice(bounds[i], bounds[i + 1]));
          const { response } = await ingestAs(db, hub, batch, clock);
          expect(response.results.every((r) => r.status === 'applied')).toBe(true);
          // A lost reply: the hub sends the same batch again and must get duplicates only.
          if (s.resend[batchNo++ % s.resend.length]) {
            const again = await ingestAs(db, hub, batch, clock);
            expect(again.response.results.every((r) => r.status === 'duplicate')).toBe(true);
          }
        }
        const sales = await branchSales(db, hub.branchId, DAY, DAY);
        expect(sales.totals.revenueCents).toBe(expected.revenue);
        expect(sales.totals.paymentsCents).toBe(expected.revenue);
        expect(sales.totals.tipsCents).toBe(expected.tips);
        expect(sales.openSessions).toBe(expected.open);
        const products = Object.fromEntries(
          sales.products.map((p) => [p.productId, { qty: p.qty, cents: p.salesCents }]),
        );
        const want = Object.fromEntries(
          [...expected.products].filter(([, v]) => v.qty !== 0 || v.cents !== 0),
        );
        expect(products).toEqual(want);
        const status = await hubStatus(db, hub.hubId);
        expect(status?.highestContiguousSeq).toBe(log.headSeq);
        expect(status?.audit.ok).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
