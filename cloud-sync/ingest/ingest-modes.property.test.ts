// Property: the batched ingest and the per-event ingest are interchangeable. The same random hub log
// (every projected event type, references to rows that do not exist, duplicates, gaps, resends, branch
// settings changes that move the business day mid-batch, and an event only the database refuses) is fed
// to two hubs, one per mode, in the same batches; every answer and every table row must come out the same.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../protocol/events/event.js';
import type { SyncEvent } from '../../protocol/sync/ingest-batch.js';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs } from '../test-support/ingest-helpers.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub, type SeededHub } from '../test-support/seed.js';

const clock = manualClock(Date.parse('2026-11-27T21:00:00Z'));
const S = ['s0', 's1', 's2'];
const R = ['r0', 'r1', 'r2'];
const I = ['i0', 'i1', 'i2', 'i3'];
const P = ['p0', 'p1', 'p2'];
// Around midnight and the 05:00 start in Madrid, Mexico City and Tokyo, so a zone change moves the day.
const DAYS = [
  '2026-11-26T23:30:00.000Z',
  '2026-11-27T20:00:00.000Z',
  '2026-11-27T04:30:00.000Z',
  '2026-11-27T11:00:00.000Z',
];
const ZONES = ['Europe/Madrid', 'America/Mexico_City', 'Asia/Tokyo', 'UTC'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const itemOf = (id: string, price: number, qty: number, mod: number) =>
  ev.item(id, `prod-${Number(id.slice(1)) % 3}`, price, qty, mod);

/** One hub command's events, with random (sometimes dangling) references. */
const opArb: fc.Arbitrary<DomainEvent> = fc.oneof(
  fc.record({ s: pick(S) }).map(({ s }) => ev.sessionOpened(s)),
  fc
    .record({ s: pick(S), g: fc.integer({ min: 1, max: 9 }) })
    .map(({ s, g }): DomainEvent => ({ type: 'GuestsUpdated', data: { sessionId: s, guests: g } })),
  fc.record({ s: pick(S) }).map(({ s }): DomainEvent => ({
    type: 'SessionTransferred',
    data: { sessionId: s, fromTableId: 'table-1', toTableId: 'table-9' },
  })),
  fc
    .record({ s: pick(S) })
    .map(({ s }): DomainEvent => ({ type: 'SessionMerged', data: { sessionId: s, intoSessionId: 's0' } })),
  fc
    .record({ s: pick(S) })
    .map(({ s }): DomainEvent => ({ type: 'SessionVoided', data: { sessionId: s, reason: 'test' } })),
  fc
    .record({ s: pick(S), t: fc.integer({ min: 0, max: 9000 }), tip: fc.integer({ min: 0, max: 500 }) })
    .map(({ s, t, tip }) => ev.sessionClosed(s, t, tip)),
  fc
    .record({
      s: pick(S),
      p: pick(P),
      a: fc.integer({ min: 0, max: 5000 }),
      tip: fc.integer({ min: 0, max: 300 }),
    })
    .map(({ s, p, a, tip }) => ev.paymentRecorded(s, p, a, tip)),
  fc
    .record({ s: pick(S), p: pick(P), a: fc.integer({ min: 1, max: 900 }) })
    .map(({ s, p, a }): DomainEvent => ({
      type: 'PaymentRefunded',
      data: { sessionId: s, paymentId: p, amountCents: a, reason: 'test' },
    })),
  fc.record({ r: pick(R), s: pick(S) }).map(({ r, s }): DomainEvent => ({
    type: 'RoundCreated',
    data: { roundId: r, sessionId: s, number: 1, source: 'STAFF', createdBy: null },
  })),
  fc
    .record({
      r: pick(R),
      s: pick(S),
      items: fc.uniqueArray(pick(I), { minLength: 1, maxLength: 3 }),
      price: fc.integer({ min: 0, max: 3000 }),
      qty: fc.integer({ min: 1, max: 3 }),
      confirm: fc.boolean(),
    })
    .map(({ r, s, items, price, qty, confirm }) =>
      ev.roundPlaced(
        r,
        s,
        items.map((i) => itemOf(i, price, qty, 0)),
        1,
        confirm,
      ),
    ),
  fc
    .record({
      r: pick(R),
      i: pick(I),
      price: fc.integer({ min: 0, max: 3000 }),
      mod: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ r, i, price, mod }): DomainEvent => ({
      type: 'ItemAdded',
      data: { roundId: r, item: itemOf(i, price, 2, mod) },
    })),
  fc
    .record({
      r: pick(R),
      i: pick(I),
      qty: fc.integer({ min: 1, max: 5 }),
      mod: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ r, i, qty, mod }): DomainEvent => ({
      type: 'ItemUpdated',
      data: {
        roundId: r,
        itemId: i,
        qty,
        notes: '',
        modifiers: mod > 0 ? [{ groupId: 'g', optionId: 'o', name: 'extra', priceDeltaCents: mod }] : [],
        seat: null,
      },
    })),
  fc
    .record({ r: pick(R), i: pick(I) })
    .map(({ r, i }): DomainEvent => ({ type: 'ItemRemoved', data: { roundId: r, itemId: i } })),
  fc.record({ r: pick(R), i: pick(I) }).map(({ r, i }) => ev.itemVoided(r, i)),
  fc.record({ r: pick(R), confirm: fc.boolean() }).map(({ r, confirm }): DomainEvent => ({
    type: 'RoundSubmitted',
    data: { roundId: r, submittedBy: null, needsConfirmation: confirm },
  })),
  fc.record({ r: pick(R) }).map(({ r }): DomainEvent => ({
    type: 'RoundSentToKitchen',
    data: { roundId: r, firedItemIds: [], heldItemIds: [] },
  })),
  fc
    .record({ zone: pick(ZONES), start: fc.integer({ min: 0, max: 8 }), initial: fc.boolean() })
    .map(({ zone, start, initial }) =>
      ev.branchSettings({ timeZone: zone, businessDayStartsAtHour: start, initial }),
    ),
  fc.record({ r: pick(R) }).map(({ r }) => ev.roundCanceled(r)),
  fc.record({ r: pick(R), s: pick(S) }).map(({ r, s }): DomainEvent => ({
    type: 'RoundMoved',
    data: { roundId: r, fromSessionId: 's0', toSessionId: s },
  })),
);

// Valid by the schema, out of range for the column: only the database refuses it, which sends the
// batched path back to per-event for that batch. Rare, so most batches take the batched path.
const POISON: DomainEvent = {
  type: 'SessionOpened',
  data: { sessionId: 's-huge', tableId: 't', guests: 3_000_000_000, openedBy: null },
};

const scenarioArb = fc.record({
  poisonAt: fc.option(fc.nat(), { freq: 3 }),
  ops: fc.array(fc.record({ op: opArb, day: fc.nat(DAYS.length - 1) }), { minLength: 5, maxLength: 60 }),
  cuts: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 5 }),
  /** Per batch: send it first with some events left out (gaps), and/or send it twice (lost reply). */
  holes: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 6 }),
  resend: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

const TABLES: [string, string][] = [
  ['proj_sessions', 'session_id'],
  ['proj_rounds', 'round_id'],
  ['proj_round_items', 'item_id'],
  ['proj_product_sales', 'business_day, product_id'],
  ['proj_branch_daily', 'business_day'],
  ['proj_payments', 'payment_id'],
];

/** Everything a hub's ingest wrote, without the columns that name the hub or branch. */
async function snapshot(db: CloudDb, hub: SeededHub): Promise<unknown> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of TABLES) {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT * FROM ${table} WHERE branch_id = $1 ORDER BY ${order}`,
      [hub.branchId],
    );
    out[table] = rows.map(({ branch_id: _b, ...rest }) => rest);
  }
  out.branch = await db.query(
    'SELECT time_zone, business_day_starts_at_hour, currency FROM branches WHERE id = $1',
    [hub.branchId],
  );
  const events = await db.query<Record<string, unknown>>(
    'SELECT * FROM ingested_events WHERE hub_id = $1 ORDER BY seq',
    [hub.hubId],
  );
  out.ingested_events = events.map(({ hub_id: _h, branch_id: _b, ingested_at: _i, ...rest }) => rest);
  const cursor = await db.query<Record<string, unknown>>('SELECT * FROM ingest_cursors WHERE hub_id = $1', [
    hub.hubId,
  ]);
  out.cursor = cursor.map(({ hub_id: _h, updated_at: _u, ...rest }) => rest);
  const status = await db.query<Record<string, unknown>>('SELECT * FROM hub_status WHERE hub_id = $1', [
    hub.hubId,
  ]);
  out.status = status.map(({ hub_id: _h, ...rest }) => rest);
  return JSON.parse(JSON.stringify(out));
}

describe.each(DB_TARGETS)('batched and per-event ingest agree on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
  });
  afterAll(() => opened?.close());

  it('an id reused under a new seq is EVENT_ID_CONFLICT in both modes, even when it also waits on a gap', async () => {
    for (const mode of ['batched', 'per-event'] as const) {
      const hub = await seedHub(db, clock);
      const log = new HubLogSimulator(hub.hubId, hub.branchId);
      log.append([ev.sessionOpened('s-1')]);
      await ingestAs(db, hub, log.batch(), clock, mode);
      log.append([ev.sessionOpened('s-2')]);
      const good = log.events[1]!;
      // A broken hub: the first event's id again, at a new seq, on an aggregate whose #1 never came.
      const reused = { ...log.events[0]!, seq: 3, aggregateId: 's-9', aggregateSeq: 2 };
      const { response } = await ingestAs(db, hub, log.batch([good, reused], 1), clock, mode);
      expect(response.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'applied',
        'EVENT_ID_CONFLICT',
      ]);
    }
  });

  it('same answers and same tables for any log, batching, gaps and resends', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const batchedHub = await seedHub(db, clock);
        const perEventHub = await seedHub(db, clock);
        const log = new HubLogSimulator(batchedHub.hubId, batchedHub.branchId);
        s.ops.forEach(({ op, day }, i) => {
          if (s.poisonAt !== null && s.poisonAt % s.ops.length === i) log.append([POISON]);
          log.append([op], DAYS[day]);
        });
        const forPerEvent = (events: readonly SyncEvent[]): SyncEvent[] =>
          events.map((e) => ({ ...e, branchId: perEventHub.branchId }));

        const n = log.events.length;
        const cuts = [...new Set(s.cuts.map((c) => c % n))].filter((c) => c > 0).sort((a, b) => a - b);
        const bounds = [0, ...cuts, n];
        for (let b = 0; b + 1 < bounds.length; b++) {
          const slice = log.events.slice(bounds[b], bounds[b + 1]);
          const holes = s.holes[b % s.holes.length]!;
          const sends: SyncEvent[][] = [];
          if (holes.some(Boolean)) sends.push(slice.filter((_, i) => !holes[i % holes.length]));
          sends.push(slice);
          if (s.resend[b % s.resend.length]) sends.push(slice);
          for (const events of sends) {
            if (events.length === 0) continue;
            const batch = log.batch(events);
            const a = await ingestAs(db, batchedHub, batch, clock, 'batched');
            const p = await ingestAs(
              db,
              perEventHub,
              { ...batch, hubId: perEventHub.hubId, events: forPerEvent(events) },
              clock,
              'per-event',
            );
            expect(a.response.results).toEqual(p.response.results);
            expect(a.response.highestContiguousSeq).toBe(p.response.highestContiguousSeq);
            expect(a.applied.map((e) => e.id)).toEqual(p.applied.map((e) => e.id));
          }
        }
        expect(await snapshot(db, batchedHub)).toEqual(await snapshot(db, perEventHub));
      }),
      { numRuns: 20 },
    );
  });
});
