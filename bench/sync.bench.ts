// bench:sync — fills a hub with events, drains them through the real relay (hub/sync/relay.ts) and the real
// signed ingest (cloud-sync, over HTTP on loopback) into Postgres (TEST_DATABASE_URL) or embedded PGlite, and
// in the same run pushes a copy through a naive ingest that writes one INSERT (one commit) per event.
// Ends with: bench sync: events=<n> drain_per_s=<n> naive_per_s=<n> ratio=<x> lost=<n> duplicated=<n>
//
// BENCH_SYNC_EVENTS (200000), BENCH_SYNC_NAIVE_EVENTS (5000: the naive path is slow, so it runs on the
// first N events of the same log and is reported as a rate), BENCH_SYNC_WINDOW (2 batches in flight).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBranch, createHub, createTenant } from '../cloud-sync/admin/tenant-admin.js';
import { systemClock } from '../cloud-sync/clock.js';
import { startCloudService } from '../cloud-sync/cloud-service.js';
import { parseCloudConfig } from '../cloud-sync/config.js';
import { toNumber, type CloudDb } from '../cloud-sync/db/cloud-db.js';
import { runCloudMigrations } from '../cloud-sync/db/migrate.js';
import { openPgliteDb } from '../cloud-sync/db/pglite-db.js';
import { dropSchema, openPostgresDb } from '../cloud-sync/db/postgres-db.js';
import { CommandBus } from '../hub/app/command-bus.js';
import { DEMO_BRANCH } from '../hub/app/demo-branch.js';
import { silentLogger } from '../hub/observability/logger.js';
import { openDatabase, type HubDatabase } from '../hub/store/database.js';
import { CloudClient } from '../hub/sync/cloud-client.js';
import { Relay } from '../hub/sync/relay.js';
import { writePairing } from '../hub/sync/sync-meta.js';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 200_000);
const NAIVE_EVENTS = Math.min(EVENTS, Number(process.env.BENCH_SYNC_NAIVE_EVENTS ?? 5_000));
const WINDOW = Number(process.env.BENCH_SYNC_WINDOW ?? 2);
const PG_URL = process.env.TEST_DATABASE_URL;

interface Target {
  name: string;
  db: CloudDb;
  close(): Promise<void>;
}

async function openTarget(label: string): Promise<Target> {
  if (PG_URL) {
    const schema = `bench_sync_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
    const db = await openPostgresDb({ url: PG_URL, schema, maxConnections: 8 });
    await runCloudMigrations(db);
    return {
      name: 'postgres',
      db,
      close: async () => {
        await db.close();
        await dropSchema(PG_URL, schema);
      },
    };
  }
  const db = await openPgliteDb();
  await runCloudMigrations(db);
  return { name: 'pglite', db, close: () => db.close() };
}

/** Writes `n` events and their outbox rows straight into the hub's tables (real schema), in big transactions. */
function fillHub(hub: HubDatabase, n: number): void {
  const bus = new CommandBus({ db: hub, logger: silentLogger() });
  bus.initializeBranch(DEMO_BRANCH);
  const branchId = DEMO_BRANCH.branchId;
  const insertEvent = hub.write.prepare(
    `INSERT INTO event (seq, id, branch_id, aggregate_type, aggregate_id, aggregate_seq, type, data, command_id, actor, request_id, occurred_at, tx_id, topics)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, NULL, ?, ?, '[]')`,
  );
  const insertOutbox = hub.write.prepare(
    `INSERT INTO outbox (event_seq, event_id, aggregate_key, tx_id, status, attempts) VALUES (?, ?, ?, ?, 'pending', 0)`,
  );
  const actor = JSON.stringify({ kind: 'staff', staffId: 'staff-luis', role: 'WAITER' });
  const occurredAt = new Date().toISOString();
  let seq = (hub.write.prepare('SELECT max(seq) AS s FROM event').get() as { s: number }).s;
  const item = (itemId: string, productId: string) => ({
    itemId,
    productId,
    name: { es: 'Caña', en: 'Beer' },
    unitPriceCents: 300,
    qty: 2,
    modifiers: [],
    notes: '',
    dinerId: null,
    seat: null,
    course: 'drink',
    station: 'bar',
    taxRateBp: 1000,
    allergens: [],
    addedBy: 'staff-luis',
  });
  const write = hub.write.transaction((pairs: number, first: number) => {
    for (let i = first; i < first + pairs; i++) {
      const sessionId = `s-${i}`;
      const roundId = `r-${i}`;
      const txId = seq + 1;
      const opened = { sessionId, tableId: `table-${(i % 14) + 1}`, guests: 2, openedBy: 'staff-luis' };
      const placed = {
        roundId,
        sessionId,
        number: 1,
        source: 'STAFF',
        createdBy: 'staff-luis',
        items: [item(`i-${i}-1`, 'prod-cana'), item(`i-${i}-2`, 'prod-croquetas')],
        needsConfirmation: false,
        firedItemIds: [`i-${i}-1`, `i-${i}-2`],
        heldItemIds: [],
      };
      for (const [type, aggType, aggId, data] of [
        ['SessionOpened', 'session', sessionId, opened],
        ['RoundPlaced', 'round', roundId, placed],
      ] as const) {
        seq++;
        const id = `ev-${i}-${type === 'SessionOpened' ? 'o' : 'p'}`;
        insertEvent.run(
          seq,
          id,
          branchId,
          aggType,
          aggId,
          type,
          JSON.stringify(data),
          `cmd-${i}`,
          actor,
          occurredAt,
          txId,
        );
        insertOutbox.run(seq, id, `${aggType}:${aggId}`, txId);
      }
    }
  });
  const pairs = Math.ceil((n - 1) / 2);
  for (let done = 0; done < pairs; done += 10_000) write(Math.min(10_000, pairs - done), done);
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 100));
}

/** The baseline: every event its own INSERT and its own commit, the way an ingest without batching writes. */
async function naiveIngest(hub: HubDatabase, n: number): Promise<number> {
  const target = await openTarget('naive');
  try {
    const { tenantId } = await createTenant(target.db, 'Naive');
    await createBranch(target.db, { tenantId, name: 'Naive', branchId: DEMO_BRANCH.branchId });
    const { hubId } = await createHub(
      target.db,
      { branchId: DEMO_BRANCH.branchId, name: 'naive' },
      systemClock,
    );
    const rows = hub.read.prepare('SELECT * FROM event ORDER BY seq LIMIT ?').all(n) as Array<
      Record<string, unknown>
    >;
    const started = performance.now();
    for (const r of rows) {
      await target.db.query(
        `INSERT INTO ingested_events (hub_id, event_id, seq, branch_id, aggregate_type, aggregate_id, aggregate_seq, type, tx_id, data, actor, command_id, request_id, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14)`,
        [
          hubId,
          r.id,
          r.seq,
          r.branch_id,
          r.aggregate_type,
          r.aggregate_id,
          r.aggregate_seq,
          r.type,
          r.tx_id,
          r.data,
          r.actor,
          r.command_id,
          r.request_id,
          r.occurred_at,
        ],
      );
    }
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-sync-'));
  const hub = openDatabase({ file: join(dir, 'hub.db'), synchronous: 'NORMAL' });
  const target = await openTarget('relay');
  console.log(
    `bench sync: cloud database ${target.name}${PG_URL ? ` (${target.db.description})` : ' (TEST_DATABASE_URL not set)'}`,
  );
  try {
    let t = performance.now();
    fillHub(hub, EVENTS);
    const total = (hub.read.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    console.log(`filled the hub with ${total} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const { tenantId } = await createTenant(target.db, 'Bench');
    await createBranch(target.db, { tenantId, name: 'Bench', branchId: DEMO_BRANCH.branchId });
    const key = await createHub(target.db, { branchId: DEMO_BRANCH.branchId, name: 'bench' }, systemClock);
    const cloud = await startCloudService({
      config: parseCloudConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      dbs: { write: target.db, read: target.db, close: async () => {} },
    });
    const pairing = writePairing(
      hub.write,
      { url: `http://127.0.0.1:${cloud.port}`, hubId: key.hubId, keyId: key.keyId, secret: key.secret },
      new Date(),
    );
    const relay = new Relay({
      db: hub.write,
      client: new CloudClient({ pairing }),
      logger: silentLogger(),
      tuning: { coalesceMs: 0, pollMs: 10, window: WINDOW },
    });
    const outbox = hub.write.prepare('SELECT count(*) AS n FROM outbox');
    t = performance.now();
    relay.start();
    await waitUntil(() => (outbox.get() as { n: number }).n === 0);
    const drainSeconds = (performance.now() - t) / 1000;
    await relay.stop();
    await cloud.close();
    const drainPerS = total / drainSeconds;
    console.log(
      `relay drained ${total} events in ${drainSeconds.toFixed(1)} s (${WINDOW} batch(es) in flight)`,
    );

    const hubIds = new Set(
      (hub.read.prepare('SELECT id FROM event').all() as Array<{ id: string }>).map((r) => r.id),
    );
    const cloudRows = await target.db.query<{ event_id: string }>(
      'SELECT event_id FROM ingested_events WHERE hub_id = $1',
      [key.hubId],
    );
    const cloudIds = new Set(cloudRows.map((r) => r.event_id));
    const lost = [...hubIds].filter((id) => !cloudIds.has(id)).length;
    const [counts] = await target.db.query<{ n: unknown; d: unknown }>(
      'SELECT count(*) AS n, count(DISTINCT (event_id, seq)) AS d FROM ingested_events WHERE hub_id = $1',
      [key.hubId],
    );
    const duplicated = toNumber(counts?.n) - toNumber(counts?.d) + (cloudRows.length - cloudIds.size);

    console.log(`naive ingest: one INSERT per event over the first ${NAIVE_EVENTS} events …`);
    const naivePerS = await naiveIngest(hub, NAIVE_EVENTS);
    console.log(
      `bench sync: events=${total} drain_per_s=${Math.round(drainPerS)} naive_per_s=${Math.round(naivePerS)} ratio=${(drainPerS / naivePerS).toFixed(1)} lost=${lost} duplicated=${duplicated}`,
    );
  } finally {
    await target.close();
    hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
