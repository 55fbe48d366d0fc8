// bench ingest — the cloud's ingest into real Postgres: 500-event batches applied with a handful of
// multi-row statements (the service's default) vs the per-event path (one INSERT and the projection
// statements per event, a savepoint each), in the same run, on a fresh schema dropped at the end.
// Every batch is checked (all applied) and the two hubs' projections are compared at the end.
// Run: npx tsx bench/ingest.bench.ts   (TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestBatchSchema, type IngestBatch } from '../protocol/sync/ingest-batch.js';
import { manualClock } from '../cloud-sync/clock.js';
import { runCloudMigrations } from '../cloud-sync/db/migrate.js';
import { dropSchema, openPostgresDb } from '../cloud-sync/db/postgres-db.js';
import { ingestBatch, type IngestMode } from '../cloud-sync/ingest/ingest-batch.js';
import { branchSales } from '../cloud-sync/read/owner-reads.js';
import { HubLogSimulator } from '../cloud-sync/test-support/hub-log-simulator.js';
import * as ev from '../cloud-sync/test-support/sample-events.js';
import { seedHub, type SeededHub } from '../cloud-sync/test-support/seed.js';
import type { CloudDb } from '../cloud-sync/db/cloud-db.js';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const NAIVE_EVENTS = Number(process.env.BENCH_NAIVE_EVENTS ?? 20_000);
const BATCH = 500;
const DAY = '2026-11-27';
const clock = manualClock(Date.parse('2026-11-27T23:00:00Z'));

/** A dinner service as the hub logs it: open, two rounds of three items, a void, pay, close. */
function service(log: HubLogSimulator, n: number): void {
  const s = `s${n}`;
  log.append([ev.sessionOpened(s, `table-${n % 40}`)]);
  for (const r of [1, 2]) {
    const rid = `${s}-r${r}`;
    log.append([
      ev.roundPlaced(
        rid,
        s,
        [
          ev.item(`${rid}-a`, `prod-${n % 37}`, 1200, 2),
          ev.item(`${rid}-b`, `prod-${(n + 5) % 37}`, 450, 1, 50),
          ev.item(`${rid}-c`, `prod-${(n + 11) % 37}`, 800, 1),
        ],
        r,
      ),
    ]);
  }
  log.append([ev.itemVoided(`${s}-r2`, `${s}-r2-c`)]);
  const total = 2 * (2400 + 500);
  log.append([ev.paymentRecorded(s, `${s}-p`, total, 300), ev.sessionClosed(s, total, 300)]);
}

function batchesOf(hub: SeededHub, count: number): IngestBatch[] {
  const log = new HubLogSimulator(hub.hubId, hub.branchId);
  for (let n = 0; log.events.length < count; n++) service(log, n);
  const events = log.events.slice(0, count);
  const out: IngestBatch[] = [];
  for (let i = 0; i < events.length; i += BATCH) {
    out.push(ingestBatchSchema.parse(log.batch(events.slice(i, i + BATCH))));
  }
  return out;
}

// On a shared machine wall time says as much about the neighbours as about the ingest, so each run
// also reports the CPU it cost: this process, and the Postgres backend serving its one connection
// (utime + stime from /proc, when Postgres runs on this machine).
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
function backendCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

async function run(
  db: CloudDb,
  mode: IngestMode,
  count: number,
  backendPid: number | undefined,
): Promise<{ perS: number; hub: SeededHub }> {
  const hub = await seedHub(db, clock);
  const batches = batchesOf(hub, count);
  const verified = { keyId: hub.keyId, hubId: hub.hubId, branchId: hub.branchId, tenantId: hub.tenantId };
  const pgBefore = backendCpuMs(backendPid);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const batch of batches) {
    const { counts } = await ingestBatch(db, verified, batch, clock, undefined, { mode });
    if (counts.applied !== batch.events.length) throw new Error(`${mode}: ${JSON.stringify(counts)}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = backendCpuMs(backendPid);
  const perS = Math.round(count / seconds);
  const nodeUs = (cpu.user + cpu.system) / count;
  const pgUs =
    pgBefore === undefined || pgAfter === undefined ? undefined : ((pgAfter - pgBefore) * 1000) / count;
  console.log(
    `${mode.padEnd(9)} events=${count} batches=${batches.length} seconds=${seconds.toFixed(2)} per_s=${perS}` +
      ` cpu_per_event: node=${nodeUs.toFixed(1)}us postgres=${pgUs === undefined ? 'n/a' : `${pgUs.toFixed(1)}us`}`,
  );
  return { perS, hub };
}

const schema = `bench_ingest_${process.pid}`;
// One connection: one Postgres backend, whose CPU the runs read.
const db = await openPostgresDb({ url: URL, schema, maxConnections: 1 });
try {
  await runCloudMigrations(db);
  const [pidRow] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  console.log(
    `postgres ${URL.replace(/\/\/[^@]*@/, '//')} schema ${schema}; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  // A short warm-up so both modes meet a JIT-compiled Node and a warm Postgres.
  await run(db, 'batched', 5 * BATCH, pidRow?.pid);
  await run(db, 'per-event', 2 * BATCH, pidRow?.pid);
  const batched = await run(db, 'batched', EVENTS, pidRow?.pid);
  const naive = await run(db, 'per-event', NAIVE_EVENTS, pidRow?.pid);
  // Same service, same per-service figures: the two hubs' projections must agree per event ingested.
  const a = await branchSales(db, batched.hub.branchId, DAY, DAY);
  const b = await branchSales(db, naive.hub.branchId, DAY, DAY);
  const perEvent = (cents: number, n: number) => Math.round((cents / n) * 1e6);
  if (EVENTS === NAIVE_EVENTS && JSON.stringify(a.totals) !== JSON.stringify(b.totals)) {
    throw new Error('batched and per-event projections differ');
  }
  console.log(
    `revenue per million events: batched=${perEvent(a.totals.revenueCents, EVENTS)} per-event=${perEvent(b.totals.revenueCents, NAIVE_EVENTS)}`,
  );
  console.log(
    `bench ingest: events=${EVENTS} batched_per_s=${batched.perS} naive_per_s=${naive.perS} ratio=${(batched.perS / naive.perS).toFixed(1)}`,
  );
} finally {
  await db.close();
  await dropSchema(URL, schema);
}
