// Ingest semantics on every database target: idempotency, per-aggregate order, poison events, audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../protocol/errors.js';
import { ingestBatchSchema } from '../../protocol/sync/ingest-batch.js';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { branchSales, hubStatus } from '../read/owner-reads.js';
import { ingestBatch } from './ingest-batch.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { HubLogSimulator } from '../test-support/hub-log-simulator.js';
import { ingestAs, projectionSnapshot } from '../test-support/ingest-helpers.js';
import * as ev from '../test-support/sample-events.js';
import { seedHub } from '../test-support/seed.js';

const clock = manualClock(Date.parse('2026-11-27T21:00:00Z'));
const DAY = '2026-11-27';

describe.each(DB_TARGETS)('ingest on $name', (target) => {
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

  function dinner(log: HubLogSimulator, n: number) {
    const s = `s-${n}-${log.hubId.slice(0, 8)}`;
    const r = `r-${n}-${log.hubId.slice(0, 8)}`;
    log.append([ev.sessionOpened(s)]);
    log.append([
      ev.roundPlaced(r, s, [ev.item(`${r}-i1`, 'burger', 1200, 2), ev.item(`${r}-i2`, 'beer', 400, 1, 50)]),
    ]);
    log.append([ev.paymentRecorded(s, `${s}-p1`, 2850, 200)]);
    log.append([ev.sessionClosed(s, 2850, 200)]);
  }

  it('applies a batch, moves the contiguous cursor and fills the projections', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    const { response } = await ingestAs(db, hub, log.batch(), clock);
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(response.highestContiguousSeq).toBe(4);
    const sales = await branchSales(db, hub.branchId, DAY, DAY);
    expect(sales.totals.revenueCents).toBe(2850);
    expect(sales.totals.tipsCents).toBe(200);
    expect(sales.totals.roundsPlaced).toBe(1);
    expect(sales.products).toEqual([
      { productId: 'burger', name: 'Producto burger', qty: 2, salesCents: 2400 },
      { productId: 'beer', name: 'Producto beer', qty: 1, salesCents: 450 },
    ]);
    expect(sales.openSessions).toBe(0);
  });

  it('a batch applied twice answers duplicate for every event and leaves the projections unchanged', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    const batch = log.batch();
    await ingestAs(db, hub, batch, clock);
    const before = await projectionSnapshot(db, hub.branchId);
    const { response } = await ingestAs(db, hub, batch, clock);
    expect(response.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(response.highestContiguousSeq).toBe(4);
    expect(await projectionSnapshot(db, hub.branchId)).toBe(before);
  });

  it('a batch no projection reads is stored in one go, not redone event by event', async () => {
    const { hub, log } = await setup();
    log.append([ev.serviceCallCreated('call-1', 's-1')]);
    log.append([ev.serviceCallCreated('call-2', 's-1')]);
    const warned: unknown[] = [];
    const { response } = await ingestBatch(
      db,
      { keyId: hub.keyId, hubId: hub.hubId, branchId: hub.branchId, tenantId: hub.tenantId },
      ingestBatchSchema.parse(log.batch()),
      clock,
      { error: (o) => warned.push(o), warn: (o) => warned.push(o) },
    );
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(response.highestContiguousSeq).toBe(2);
    expect(warned).toEqual([]);
  });

  it('finds what is stored among a dense batch and among a sparse one alike', async () => {
    const { hub, log } = await setup();
    for (let n = 1; n <= 9; n++) log.append([ev.sessionOpened(`s-${n}`)]);
    const e = log.events;
    await ingestAs(db, hub, log.batch([e[1]!, e[4]!], 1), clock); // seqs 2 and 5 land first
    // Dense (seqs 1–3): the stored seq 2 is a duplicate, found by the range read of the seq index.
    const dense = await ingestAs(db, hub, log.batch([e[0]!, e[1]!, e[2]!], 0), clock);
    expect(dense.response.results.map((r) => r.status)).toEqual(['applied', 'duplicate', 'applied']);
    // Sparse (seqs 4, 5 and 9 span six seqs per three events): probed seq by seq.
    const sparse = await ingestAs(db, hub, log.batch([e[3]!, e[4]!, e[8]!], 3), clock);
    expect(sparse.response.results.map((r) => r.status)).toEqual(['applied', 'duplicate', 'applied']);
    expect(sparse.response.highestContiguousSeq).toBe(5);
  });

  it('a batch that fills the gap before a later one moves the cursor over both', async () => {
    const { hub, log } = await setup();
    for (const s of ['s-1', 's-2', 's-3', 's-4']) log.append([ev.sessionOpened(s)]);
    const [e1, e2, e3, e4] = log.events;
    // The later batch lands first (its predecessor's answer was lost): stored, but not contiguous.
    const later = await ingestAs(db, hub, log.batch([e3!, e4!], 2), clock);
    expect(later.response.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(later.response.highestContiguousSeq).toBe(0);
    // The earlier one's write reads what is stored beyond it, so the cursor walks on to 4.
    const earlier = await ingestAs(db, hub, log.batch([e1!, e2!], 0), clock);
    expect(earlier.response.highestContiguousSeq).toBe(4);
    expect((await hubStatus(db, hub.hubId))?.highestContiguousSeq).toBe(4);
  });

  it('an event whose aggregate predecessor has not arrived waits (retryable) and lands after it', async () => {
    const { hub, log } = await setup();
    log.append([ev.sessionOpened('s-a')]);
    log.append([ev.paymentRecorded('s-a', 'p-a', 1000)]);
    const [opened, paid] = log.events;
    // The hub parked #1 of the session (e.g. it is dead-lettered) and sent #2 alone.
    const first = await ingestAs(db, hub, log.batch([paid!]), clock);
    expect(first.response.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'AGGREGATE_GAP',
      retryable: true,
    });
    expect(first.response.highestContiguousSeq).toBe(0);
    const second = await ingestAs(db, hub, log.batch([opened!], 0), clock);
    expect(second.response.results[0]?.status).toBe('applied');
    const third = await ingestAs(db, hub, log.batch([paid!]), clock);
    expect(third.response.results[0]?.status).toBe('applied');
    expect(third.response.highestContiguousSeq).toBe(2);
    expect((await hubStatus(db, hub.hubId))?.audit.ok).toBe(true);
  });

  it('rejects bad events as not retryable without blocking other aggregates; their own aggregate waits', async () => {
    const { hub, log } = await setup();
    log.append([ev.sessionOpened('s-good')]);
    const unknown = log.appendRaw({
      type: 'TeleportedTable',
      aggregateType: 'table',
      aggregateId: 't-9',
      data: {},
    });
    const bad = log.appendRaw({
      type: 'SessionOpened',
      aggregateType: 'session',
      aggregateId: 's-bad',
      data: { sessionId: 's-bad' },
    });
    log.append([ev.sessionClosed('s-bad', 100)]);
    log.append([ev.sessionClosed('s-good', 500)]);
    const { response } = await ingestAs(db, hub, log.batch(), clock);
    expect(
      response.results.map((r) => [
        r.status,
        r.status === 'rejected' ? r.reason : '',
        r.status === 'rejected' && r.retryable,
      ]),
    ).toEqual([
      ['applied', '', false],
      ['rejected', 'UNKNOWN_EVENT_TYPE', false],
      ['rejected', 'INVALID_EVENT', false],
      ['rejected', 'AGGREGATE_GAP', true],
      ['applied', '', false],
    ]);
    expect(response.results[2]).toMatchObject({ message: expect.stringContaining('tableId') });
    expect(unknown.seq).toBe(2);
    expect(bad.seq).toBe(3);
    // Seq 2 never landed, so the contiguous prefix stops at 1 even though seq 5 is in.
    expect(response.highestContiguousSeq).toBe(1);
    expect((await branchSales(db, hub.branchId, DAY, DAY)).totals.revenueCents).toBe(500);
  });

  it('an event the database cannot apply is undone alone and answered retryable; the rest of the batch lands', async () => {
    const { hub, log } = await setup();
    log.append([ev.sessionOpened('s-ok')]);
    // Valid by the schema, but beyond the integer column: the kind of surprise only the database finds.
    log.append([
      {
        type: 'SessionOpened',
        data: { sessionId: 's-huge', tableId: 't', guests: 3_000_000_000, openedBy: null },
      },
    ]);
    log.append([ev.sessionClosed('s-ok', 700)]);
    const { response } = await ingestAs(db, hub, log.batch(), clock);
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(response.results[1]).toMatchObject({ reason: 'INGEST_FAILED', retryable: true });
    expect(response.highestContiguousSeq).toBe(1);
    expect((await branchSales(db, hub.branchId, DAY, DAY)).totals.revenueCents).toBe(700);
  });

  it('refuses events of another branch and a reused event id or seq', async () => {
    const { hub, log } = await setup();
    log.append([ev.sessionOpened('s-1')]);
    await ingestAs(db, hub, log.batch(), clock);
    const [original] = log.events;
    const foreign = {
      ...original!,
      id: 'other-id-1',
      seq: 2,
      aggregateId: 's-2',
      data: { ...(original!.data as object), sessionId: 's-2' },
      branchId: 'elsewhere',
    };
    const reusedId = {
      ...original!,
      seq: 3,
      aggregateId: 's-3',
      data: { ...(original!.data as object), sessionId: 's-3' },
    };
    const reusedSeq = {
      ...original!,
      id: 'other-id-2',
      aggregateId: 's-4',
      data: { ...(original!.data as object), sessionId: 's-4' },
    };
    const foreignResult = await ingestAs(db, hub, log.batch([foreign], 1), clock);
    expect(foreignResult.response.results[0]).toMatchObject({ reason: 'WRONG_BRANCH', retryable: false });
    const idResult = await ingestAs(db, hub, log.batch([reusedId], 2), clock);
    expect(idResult.response.results[0]).toMatchObject({ reason: 'EVENT_ID_CONFLICT', retryable: false });
    const seqResult = await ingestAs(db, hub, log.batch([reusedSeq], 0), clock);
    expect(seqResult.response.results[0]).toMatchObject({ reason: 'SEQ_CONFLICT', retryable: false });
  });

  it("an aggregate's #1 resent under another id is refused, even when the batch guessed the aggregate new", async () => {
    // The batched path takes an aggregate that a batch starts at #1 as new without probing its head;
    // both ways that guess can be wrong must still give the per-event answers.
    const { hub, log } = await setup();
    log.append([ev.sessionOpened('s-1'), ev.sessionClosed('s-1', 0)]);
    await ingestAs(db, hub, log.batch(log.events.slice(0, 1)), clock);
    const [opened, closed] = log.events;
    const reopened = { ...opened!, id: 'other-id-3', seq: 3 };
    const alone = await ingestAs(db, hub, log.batch([reopened], 2), clock);
    expect(alone.response.results[0]).toMatchObject({ reason: 'AGGREGATE_SEQ_CONFLICT', retryable: false });
    // The batch's #1 is refused for its data, so #2 is judged against the stored #1: it lands.
    const invalid = { ...reopened, data: { sessionId: 's-1' } };
    const mixed = await ingestAs(db, hub, log.batch([closed!, invalid], 1), clock);
    expect(mixed.response.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    const again = { ...invalid, id: 'other-id-4', seq: 4 };
    const second = { ...closed!, id: 'other-id-5', seq: 5, aggregateSeq: 2 };
    const guessed = await ingestAs(db, hub, log.batch([again, second], 3), clock);
    expect(guessed.response.results).toMatchObject([
      { status: 'rejected', reason: 'INVALID_EVENT' },
      { status: 'rejected', reason: 'AGGREGATE_SEQ_CONFLICT' },
    ]);
  });

  it('refuses a batch for another hub than the key belongs to', async () => {
    const { hub, log } = await setup();
    const other = await seedHub(db, clock);
    log.append([ev.sessionOpened('s-x')]);
    await expect(ingestAs(db, { ...other, hubId: other.hubId }, log.batch(), clock)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(AppError).toBeDefined();
    void hub;
  });

  it('continues the audit chain across batches and agrees with the hub', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    await ingestAs(db, hub, log.batch(log.events.slice(0, 3)), clock);
    dinner(log, 2);
    const { response } = await ingestAs(db, hub, log.batch(log.events.slice(3)), clock);
    expect(response.highestContiguousSeq).toBe(8);
    const status = await hubStatus(db, hub.hubId);
    expect(status?.audit).toMatchObject({ ok: true, entries: 4, headHash: log.events[7]?.audit?.hash });
  });

  it('flags an audit break on the hub status when a money event differs from the hub chain', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    const payment = log.events[2]!;
    // The amount was edited after the hub hashed it: the hub's entry no longer matches the event.
    const tampered = { ...payment, data: { ...(payment.data as object), amountCents: 1 } };
    await ingestAs(db, hub, log.batch([log.events[0]!, log.events[1]!, tampered, log.events[3]!]), clock);
    const status = await hubStatus(db, hub.hubId);
    expect(status?.audit.ok).toBe(false);
    expect(status?.audit.breakAtSeq).toBe(3);
    expect(status?.audit.breakReason).toMatch(/edited/);
  });

  it('a gap filled late: the chain folds over the events stored beyond it, each event counted once', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    dinner(log, 2);
    const later = log.events.slice(4);
    // The second dinner's payment was edited after the hub hashed it; its batch lands first.
    const payment = later[2]!;
    later[2] = { ...payment, data: { ...(payment.data as object), amountCents: 1 } };
    expect((await ingestAs(db, hub, log.batch(later, 4), clock)).response.highestContiguousSeq).toBe(0);
    const { response } = await ingestAs(db, hub, log.batch(log.events.slice(0, 4), 0), clock);
    expect(response.highestContiguousSeq).toBe(8);
    const status = await hubStatus(db, hub.hubId);
    expect(status?.highestContiguousSeq).toBe(8);
    expect(status?.events).toEqual({ applied: 8, duplicate: 0, rejected: 0 });
    expect(status?.audit).toMatchObject({ ok: false, entries: 4, breakAtSeq: 7 });
  });

  it('records what the hub reports about itself and the lag in events', async () => {
    const { hub, log } = await setup();
    dinner(log, 1);
    const batch = log.batch(log.events.slice(0, 2));
    batch.hub = { headSeq: 4, backlog: 2, deadLetters: 1, oldestPendingAgeMs: 5000 };
    await ingestAs(db, hub, batch, clock);
    const status = await hubStatus(db, hub.hubId);
    expect(status).toMatchObject({
      headSeq: 4,
      highestContiguousSeq: 2,
      lagEvents: 2,
      backlog: 2,
      deadLetters: 1,
      oldestPendingAgeMs: 5000,
    });
    expect(status?.lastSeenAt).toBe(new Date(clock.nowMs()).toISOString());
  });
});
