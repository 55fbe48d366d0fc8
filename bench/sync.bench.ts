// bench:sync — fills a hub with events, drains them through the real relay (hub/sync/relay.ts) and the real
// signed ingest (cloud-sync, over HTTP on loopback) into Postgres (TEST_DATABASE_URL) or embedded PGlite, and
// in the same run drains a copy the naive way: the same relay and the same ingest, one event per signed
// request, so one INSERT (with its projections, dedupe and audit step) and one commit per event. That
// peer does the same job as the measured path, without batching. For reference it also prints the rate
// of bare INSERTs into `ingested_events` (no HTTP, no projections), which no ingest could reach.
// Ends with: bench sync: events=<n> drain_per_s=<n> naive_per_s=<n> ratio=<x> lost=<n> duplicated=<n>
//
// BENCH_SYNC_EVENTS (200000), BENCH_SYNC_NAIVE_EVENTS (5000: the naive paths are slow, so they run on
// the first N events of the same log and are reported as rates), BENCH_SYNC_WINDOW (2 batches in flight).
// On Postgres the cloud runs in a child process (bench/sync-cloud-process.ts), as on its own machine;
// BENCH_PROFILE=<dir> profiles it, BENCH_PRELOAD=<module> loads an instrument into it (say, SQL timings).
import { fork } from 'node:child_process';
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
import type { RelayTuning } from '../hub/sync/relay-options.js';
import { writePairing } from '../hub/sync/sync-meta.js';

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 200_000);
const NAIVE_EVENTS = Math.min(EVENTS, Number(process.env.BENCH_SYNC_NAIVE_EVENTS ?? 5_000));
const WINDOW = Number(process.env.BENCH_SYNC_WINDOW ?? 2);
const PG_URL = process.env.TEST_DATABASE_URL;

interface Target {
  name: string;
  db: CloudDb;
  /** Set on Postgres, where the cloud runs in a process of its own (bench/sync-cloud-process.ts). */
  schema?: string;
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
      schema,
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
  // Every 10 ms: the drain time is read to that precision (the check is one indexed row lookup).
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

/** Reference only: every event a bare INSERT and its own commit, with none of the ingest's other work. */
async function bareInserts(hub: HubDatabase, n: number): Promise<number> {
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

/** The cloud service on `target`: its own process on Postgres, in this one on PGlite (one process's files). */
async function startCloud(target: Target): Promise<{ port: number; close(): Promise<void> }> {
  if (target.schema === undefined) {
    return startCloudService({
      config: parseCloudConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      dbs: { write: target.db, read: target.db, close: async () => {} },
    });
  }
  const child = fork(join(import.meta.dirname, 'sync-cloud-process.ts'), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PRELOAD ? ['--import', process.env.BENCH_PRELOAD] : []),
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    env: { ...process.env, BENCH_CLOUD_DATABASE_URL: PG_URL, BENCH_CLOUD_SCHEMA: target.schema },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`the cloud process exited with ${code}`)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

interface Drained {
  total: number;
  seconds: number;
  lost: number;
  duplicated: number;
}

/**
 * Pairs `hub` with a fresh cloud on `target`, drains its whole outbox through the real relay, and checks
 * what arrived against the hub's log: every event once.
 */
async function drainThroughRelay(
  hub: HubDatabase,
  target: Target,
  label: string,
  tuning: Partial<RelayTuning>,
): Promise<Drained> {
  const total = (hub.read.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  const { tenantId } = await createTenant(target.db, label);
  await createBranch(target.db, { tenantId, name: label, branchId: DEMO_BRANCH.branchId });
  const key = await createHub(target.db, { branchId: DEMO_BRANCH.branchId, name: label }, systemClock);
  const cloud = await startCloud(target);
  const pairing = writePairing(
    hub.write,
    { url: `http://127.0.0.1:${cloud.port}`, hubId: key.hubId, keyId: key.keyId, secret: key.secret },
    new Date(),
  );
  const relay = new Relay({
    db: hub.write,
    client: new CloudClient({ pairing }),
    logger: silentLogger(),
    tuning: { coalesceMs: 0, pollMs: 10, ...tuning },
  });
  // Whether anything is left, not how much: a count every poll would scan the outbox on the relay's thread.
  const left = hub.write.prepare('SELECT 1 FROM outbox LIMIT 1');
  const t = performance.now();
  relay.start();
  await waitUntil(() => left.get() === undefined);
  const seconds = (performance.now() - t) / 1000;
  await relay.stop();
  await cloud.close();

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
  return { total, seconds, lost, duplicated };
}

/** A fresh hub database in its own folder, filled with `n` events waiting in the outbox. */
function filledHub(n: number): { hub: HubDatabase; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-bench-sync-'));
  const hub = openDatabase({ file: join(dir, 'hub.db'), synchronous: 'NORMAL' });
  fillHub(hub, n);
  return {
    hub,
    remove: () => {
      hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const t = performance.now();
  const source = filledHub(EVENTS);
  console.log(`filled a hub with ${EVENTS} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const target = await openTarget('relay');
  console.log(
    `bench sync: cloud database ${target.name}${PG_URL ? ` (${target.db.description})` : ' (TEST_DATABASE_URL not set)'}`,
  );
  try {
    const drained = await drainThroughRelay(source.hub, target, 'Bench', { window: WINDOW });
    const drainPerS = drained.total / drained.seconds;
    console.log(
      `relay drained ${drained.total} events in ${drained.seconds.toFixed(1)} s (${WINDOW} batch(es) in flight): ${Math.round(drainPerS)}/s`,
    );

    const naiveHub = filledHub(NAIVE_EVENTS);
    const naiveTarget = await openTarget('naive');
    let naive: Drained;
    try {
      naive = await drainThroughRelay(naiveHub.hub, naiveTarget, 'Naive', {
        window: 1,
        limits: { maxEvents: 1, maxBytes: 256 * 1024 },
      });
    } finally {
      await naiveTarget.close();
    }
    const naivePerS = naive.total / naive.seconds;
    console.log(
      `naive peer: the same relay and ingest, one event per request and commit: ${naive.total} events in ${naive.seconds.toFixed(1)} s = ${Math.round(naivePerS)}/s (lost ${naive.lost}, duplicated ${naive.duplicated})`,
    );
    const bare = await bareInserts(naiveHub.hub, NAIVE_EVENTS);
    naiveHub.remove();
    console.log(
      `reference: bare INSERTs into ingested_events, one commit each, no HTTP and no projections: ${Math.round(bare)}/s`,
    );
    console.log(
      `bench sync: events=${drained.total} drain_per_s=${Math.round(drainPerS)} naive_per_s=${Math.round(naivePerS)} ratio=${(drainPerS / naivePerS).toFixed(1)} lost=${drained.lost + naive.lost} duplicated=${drained.duplicated + naive.duplicated}`,
    );
  } finally {
    await target.close();
    source.remove();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
