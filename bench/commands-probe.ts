// A CPU probe for the write path (not a benchmark with a peer): pre-parsed PlaceRound commands in batches
// of 64 through CommandBus.execute, so each batch is one transaction. It reports CPU per round from
// process.cpuUsage, which stays meaningful on a shared machine where wall-clock time does not.
// COMANDA_PROBE_SYNC=FULL|NORMAL (NORMAL by default: takes fsync out), PROBE_ROUNDS, PROBE_BATCH.
// Profile with: node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/commands-probe.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSchema, type Command } from '../protocol/commands/command.js';
import { CommandBus } from '../hub/app/command-bus.js';
import { bootstrapBranch } from '../hub/app/bootstrap.js';
import { prepareCommand } from '../hub/app/prepare-command.js';
import { openDatabase } from '../hub/store/database.js';
import { silentLogger } from '../hub/observability/logger.js';
import type { Actor } from '../protocol/events/event.js';
import Database from 'better-sqlite3';

// PROBE_SQL=1: time every prepared statement's run/get/all/iterate, by SQL text (adds ~0.2 µs a call).
const sqlTimes = new Map<string, { calls: number; ns: bigint }>();
if (process.env.PROBE_SQL === '1') {
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const s = prepare.call(this, sql) as Database.Statement;
    for (const m of ['run', 'get', 'all'] as const) {
      const orig = s[m].bind(s) as (...a: unknown[]) => unknown;
      (s as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t = process.hrtime.bigint();
        try {
          return orig(...a);
        } finally {
          const e = sqlTimes.get(sql) ?? { calls: 0, ns: 0n };
          e.calls++;
          e.ns += process.hrtime.bigint() - t;
          sqlTimes.set(sql, e);
        }
      };
    }
    return s;
  } as typeof prepare;
}

const WAITER: Actor = { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' };
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 3000);
const BATCH = Number(process.env.PROBE_BATCH ?? 64);
const SYNC = process.env.COMANDA_PROBE_SYNC === 'FULL' ? 'FULL' : 'NORMAL';
const WARMUP = Number(process.env.PROBE_WARMUP ?? 1000);

// PROBE_PHASES=1: split each batch into the commands' own work and the rest (BEGIN, COMMIT, WAL writes).
const phases = { batches: 0, batchNs: 0n, commandNs: 0n, maxBatchNs: 0n };
if (process.env.PROBE_PHASES === '1') {
  const proto = CommandBus.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const [name, key] of [
    ['runOne', 'commandNs'],
    ['commitBatch', 'batchNs'],
  ] as const) {
    const orig = proto[name]!;
    proto[name] = function (this: unknown, ...a: unknown[]) {
      const t = process.hrtime.bigint();
      try {
        return orig.apply(this, a);
      } finally {
        const d = process.hrtime.bigint() - t;
        phases[key] += d;
        if (name === 'commitBatch') {
          phases.batches++;
          if (d > phases.maxBatchNs) phases.maxBatchNs = d;
        }
      }
    };
  }
}

/** CPU time of this process's main thread alone (GC helpers and the threadpool left out), in ns. */
const mainThreadNs = () =>
  Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'comanda-probe-'));
  const db = openDatabase({ file: join(dir, 'hub.db'), synchronous: SYNC });
  // PROBE_DROP_INDEXES=a,b: what a schema without those indexes would cost (a throwaway file; no migration).
  for (const index of (process.env.PROBE_DROP_INDEXES ?? '').split(',').filter(Boolean)) {
    db.write.exec(`DROP INDEX ${index}`);
  }
  // PROBE_SCHEMA_SQL='…': any other schema experiment on the throwaway file (e.g. a partial index).
  if (process.env.PROBE_SCHEMA_SQL) db.write.exec(process.env.PROBE_SCHEMA_SQL);
  // PROBE_AUTOCHECKPOINT=0 measures the write path without SQLite's checkpoints inside commits.
  if (process.env.PROBE_AUTOCHECKPOINT)
    db.write.pragma(`wal_autocheckpoint = ${Number(process.env.PROBE_AUTOCHECKPOINT)}`);
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand });
  await bootstrapBranch(bus, { demo: true });
  const sessions: string[] = [];
  for (let t = 1; t <= 8; t++) {
    const r = await bus.execute(
      commandSchema.parse({
        commandId: `open-${t}`,
        type: 'OpenSession',
        payload: { tableId: `table-${t}`, guests: 4 },
      }),
      { actor: WAITER, requestId: null },
    );
    if (!r.ok) throw new Error(r.error.message);
    sessions.push(r.data.sessionId as string);
  }
  let n = 0;
  const commands = (count: number): Command[] =>
    Array.from({ length: count }, () =>
      commandSchema.parse({
        commandId: `probe-${++n}`,
        type: 'PlaceRound',
        payload: {
          sessionId: sessions[n % sessions.length],
          items: [
            { productId: 'prod-cana', qty: 2 },
            { productId: 'prod-croquetas', qty: 1, notes: 'sin cebolla' },
            { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'medium' }] },
          ],
        },
      }),
    );
  const run = async (list: Command[]) => {
    for (let i = 0; i < list.length; i += BATCH) {
      const results = await Promise.all(
        list.slice(i, i + BATCH).map((c) => bus.execute(c, { actor: WAITER, requestId: null })),
      );
      const bad = results.find((r) => !r.ok);
      if (bad && !bad.ok) throw new Error(`${bad.error.code} ${bad.error.message}`);
    }
  };
  await run(commands(WARMUP));
  const list = commands(ROUNDS);
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadNs();
  const t0 = performance.now();
  sqlTimes.clear();
  Object.assign(phases, { batches: 0, batchNs: 0n, commandNs: 0n, maxBatchNs: 0n });
  await run(list);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const mainUs = (mainThreadNs() - main0) / 1000 / ROUNDS;
  console.log(
    `probe sync=${SYNC} rounds=${ROUNDS} batch=${BATCH}: main thread=${mainUs.toFixed(1)} µs/round user=${(cpu.user / ROUNDS).toFixed(1)} µs/round ` +
      `system=${(cpu.system / ROUNDS).toFixed(1)} µs/round wall=${((wall * 1000) / ROUNDS).toFixed(1)} µs/round`,
  );
  if (phases.batches > 0) {
    const us = (ns: bigint) => (Number(ns) / 1000 / ROUNDS).toFixed(1);
    console.log(
      `phases: commands ${us(phases.commandNs)} µs/round, rest of batch (begin/commit) ${us(phases.batchNs - phases.commandNs)} µs/round, ` +
        `slowest batch ${(Number(phases.maxBatchNs) / 1e6).toFixed(2)} ms`,
    );
  }
  const sorted = [...sqlTimes].sort((a, b) => Number(b[1].ns - a[1].ns));
  let sum = 0;
  for (const [sql, t] of sorted) {
    const us = Number(t.ns) / 1000 / ROUNDS;
    sum += us;
    console.log(
      `${us.toFixed(1).padStart(7)} µs/round ${(t.calls / ROUNDS).toFixed(2).padStart(5)}×  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
  }
  if (sorted.length > 0) console.log(`${sum.toFixed(1).padStart(7)} µs/round in prepared statements`);
  if (process.env.PROBE_KEEP) {
    console.log('db at', join(dir, 'hub.db'));
    await bus.drain();
    db.checkpoint();
    db.close();
    return;
  }
  await bus.drain();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
