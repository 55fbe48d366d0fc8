// bench:commands — rounds through the app layer with group commit, and with one transaction per command.
// Both on a real SQLite file with synchronous=FULL. Prints each run, then one summary line.
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { PerformanceObserver, constants as perfConstants, type PerformanceEntry } from 'node:perf_hooks';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { commandSchema } from '../protocol/commands/command.js';
import { CommandBus } from '../hub/app/command-bus.js';
import { bootstrapBranch } from '../hub/app/bootstrap.js';
import { prepareCommand } from '../hub/app/prepare-command.js';
import { openDatabase } from '../hub/store/database.js';
import { startBackgroundCheckpoints } from '../hub/store/background-checkpoints.js';
import { silentLogger } from '../hub/observability/logger.js';
import type { Actor } from '../protocol/events/event.js';

const WAITER: Actor = { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' };
const FLAT_OUT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const STEADY_RATE = 500;
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 6);
/** BENCH_TRACE=1: explain the slowest steady-state latencies (batches, checkpoints, GC, late client timers). */
const TRACE = process.env.BENCH_TRACE === '1';
/**
 * Checkpoints run from a worker thread, as in the hub (hub/store/background-checkpoints.ts). For an
 * experiment: BENCH_AUTOCHECKPOINT=n runs them on the writer instead, SQLite's way, at n pages (1000 is
 * SQLite's default; 0 = none during the run).
 */
const AUTOCHECKPOINT = process.env.BENCH_AUTOCHECKPOINT;
/** BENCH_CHECKPOINT_MS: the background checkpoints' interval, for an experiment (default: the hub's). */
const CHECKPOINT_MS = process.env.BENCH_CHECKPOINT_MS ? Number(process.env.BENCH_CHECKPOINT_MS) : undefined;

interface BatchTrace {
  start: number;
  end: number;
  size: number;
  /** SQLite ran a WAL checkpoint at the end of this batch's commit. */
  checkpoint: boolean;
  /** ms the main thread ran on a CPU during the batch. */
  cpu: number;
  /** ms it was runnable but waited for a CPU (the machine's other work). */
  runQueue: number;
}

/** Linux's per-thread schedstat: ns on a CPU, ns runnable but waiting for one. What is left is I/O wait. */
function schedstat(): [number, number] {
  try {
    const [cpu, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return [Number(cpu) / 1e6, Number(wait) / 1e6];
  } catch {
    return [0, 0];
  }
}

interface Sample {
  due: number;
  sent: number;
  acked: number;
}

/**
 * Records every batch's time span and whether it checkpointed. SQLite bumps the WAL header's checkpoint
 * counter when it restarts the WAL, at the first write after a complete checkpoint: so a bump seen during
 * batch n means the checkpoint ran at the end of batch n-1's commit.
 */
function traceBatches(bus: CommandBus, walFile: string): BatchTrace[] {
  const batches: BatchTrace[] = [];
  const header = Buffer.alloc(16);
  const walSeq = () => {
    try {
      const fd = openSync(walFile, 'r');
      try {
        return readSync(fd, header, 0, 16, 0) === 16 ? header.readUInt32BE(12) : -1;
      } finally {
        closeSync(fd);
      }
    } catch {
      return -1;
    }
  };
  const target = bus as unknown as { commitBatch: (...args: unknown[]) => unknown };
  const commitBatch = target.commitBatch.bind(bus);
  target.commitBatch = (...args: unknown[]) => {
    const before = walSeq();
    const [cpu0, wait0] = schedstat();
    const start = performance.now();
    try {
      return commitBatch(...args);
    } finally {
      const end = performance.now();
      const [cpu1, wait1] = schedstat();
      const after = walSeq();
      if (before !== after && batches.length > 0) batches[batches.length - 1]!.checkpoint = true;
      batches.push({
        start,
        end,
        size: (args[0] as unknown[]).length,
        checkpoint: false,
        cpu: cpu1 - cpu0,
        runQueue: wait1 - wait0,
      });
    }
  };
  return batches;
}

/**
 * For the slowest 1 % of the steady run: how its wait splits into its client's timer firing late, batches
 * that ran a checkpoint, other batches, and GC pauses (GC runs inside those batches, so it is not extra).
 */
function explainSlowest(
  mode: string,
  samples: Sample[],
  batches: BatchTrace[],
  gcs: PerformanceEntry[],
): void {
  const wait = (s: Sample) => s.acked - s.due;
  const slow = [...samples].sort((a, b) => wait(b) - wait(a)).slice(0, Math.ceil(samples.length / 100));
  const overlap = (a0: number, a1: number, b0: number, b1: number) =>
    Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  let late = 0;
  let inCheckpoint = 0;
  let inOther = 0;
  let inGc = 0;
  let total = 0;
  // Time inside batches, split the way the kernel saw the main thread: running, waiting for a CPU, blocked.
  let onCpu = 0;
  let runQueue = 0;
  let blocked = 0;
  for (const s of slow) {
    total += wait(s);
    late += Math.max(0, s.sent - s.due);
    for (const b of batches) {
      const t = overlap(s.due, s.acked, b.start, b.end);
      if (t === 0) continue;
      if (b.checkpoint) inCheckpoint += t;
      else inOther += t;
      const span = Math.max(b.end - b.start, 1e-9);
      onCpu += (t * Math.min(b.cpu, span)) / span;
      runQueue += (t * Math.min(b.runQueue, span - Math.min(b.cpu, span))) / span;
      blocked += (t * Math.max(0, span - b.cpu - b.runQueue)) / span;
    }
    for (const g of gcs) inGc += overlap(s.due, s.acked, g.startTime, g.startTime + g.duration);
  }
  const steady = batches.filter((b) => b.start >= (samples[0]?.due ?? 0));
  const sizes = steady.map((b) => b.size).sort((a, b) => a - b);
  const ms = steady.map((b) => b.end - b.start).sort((a, b) => a - b);
  const ckpt = steady
    .filter((b) => b.checkpoint)
    .map((b) => b.end - b.start)
    .sort((a, b) => a - b);
  const kind = (g: PerformanceEntry) => (g as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  const pct = (x: number) => `${((100 * x) / Math.max(total, 1e-9)).toFixed(0)}%`;
  console.log(
    `trace ${mode}: ${steady.length} batches, size p50=${percentile(sizes, 50)} max=${sizes[sizes.length - 1] ?? 0};` +
      ` batch ms p50=${percentile(ms, 50).toFixed(2)} p99=${percentile(ms, 99).toFixed(2)} max=${(ms[ms.length - 1] ?? 0).toFixed(2)};` +
      ` ${ckpt.length} checkpointing batches ms p50=${percentile(ckpt, 50).toFixed(2)} max=${(ckpt[ckpt.length - 1] ?? 0).toFixed(2)};` +
      ` GC pauses >2 ms: ${gcs.filter((g) => g.duration > 2).length} (major ${gcs.filter((g) => kind(g) === perfConstants.NODE_PERFORMANCE_GC_MAJOR).length}), longest ${Math.max(0, ...gcs.map((g) => g.duration)).toFixed(2)} ms`,
  );
  console.log(
    `trace ${mode}: slowest 1% (${slow.length}, mean ${(total / Math.max(1, slow.length)).toFixed(2)} ms): client timer late ${pct(late)},` +
      ` in checkpointing batches ${pct(inCheckpoint)}, in other batches ${pct(inOther)} (GC inside them ${pct(inGc)});` +
      ` inside batches the writer was on a CPU ${pct(onCpu)}, waiting for a CPU ${pct(runQueue)}, blocked in I/O (fsync) ${pct(blocked)}`,
  );
}

interface RunFigures {
  mode: 'group' | 'single';
  perSecond: number;
  steadyP50: number;
  steadyP99: number;
  steadyMax: number;
}

let seq = 0;
const roundCommand = (sessionId: string) =>
  commandSchema.parse({
    commandId: `bench-${process.pid}-${++seq}`,
    type: 'PlaceRound',
    payload: {
      sessionId,
      items: [
        { productId: 'prod-cana', qty: 2 },
        { productId: 'prod-croquetas', qty: 1, notes: 'sin cebolla' },
        { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'medium' }] },
      ],
    },
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function runMode(mode: 'group' | 'single'): Promise<RunFigures> {
  const dir = mkdtempSync(join(tmpdir(), `comanda-bench-${mode}-`));
  const db = openDatabase({ file: join(dir, 'hub.db'), synchronous: 'FULL' });
  const checkpoints =
    AUTOCHECKPOINT === undefined
      ? startBackgroundCheckpoints(db.write, db.file, { intervalMs: CHECKPOINT_MS })
      : undefined;
  if (AUTOCHECKPOINT !== undefined) db.write.pragma(`wal_autocheckpoint = ${Number(AUTOCHECKPOINT)}`);
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand, mode });
  const batches = TRACE ? traceBatches(bus, join(dir, 'hub.db-wal')) : [];
  const gcs: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  if (TRACE) gcObserver.observe({ entryTypes: ['gc'] });
  await bootstrapBranch(bus, { demo: true });
  const sessions: string[] = [];
  for (const tableId of [
    'table-1',
    'table-2',
    'table-3',
    'table-4',
    'table-5',
    'table-6',
    'table-7',
    'table-8',
  ]) {
    const r = await bus.execute(
      commandSchema.parse({
        commandId: `open-${mode}-${tableId}`,
        type: 'OpenSession',
        payload: { tableId, guests: 4 },
      }),
      { actor: WAITER, requestId: null },
    );
    if (!r.ok) throw new Error(r.error.message);
    sessions.push(r.data.sessionId as string);
  }
  const submit = async (i: number) => {
    const r = await bus.execute(roundCommand(sessions[i % sessions.length]!), {
      actor: WAITER,
      requestId: null,
    });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  };

  // Flat out: many tablets sending at once, each waiting for its acknowledgement before the next.
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < FLAT_OUT_ROUNDS) await submit(next++);
    }),
  );
  const perSecond = FLAT_OUT_ROUNDS / ((performance.now() - started) / 1000);

  // Steady: a dinner rush at a fixed arrival rate; latency from arrival to acknowledgement.
  const total = STEADY_RATE * STEADY_SECONDS;
  const latencies: number[] = [];
  const samples: Sample[] = [];
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / STEADY_RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inflight.push(
      submit(i).then(() => {
        const acked = performance.now();
        latencies.push(acked - due);
        if (TRACE) samples.push({ due, sent, acked });
      }),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  if (TRACE) {
    gcObserver.disconnect();
    explainSlowest(
      mode,
      samples,
      batches,
      gcs.filter((g) => g.startTime >= t0),
    );
  }
  await bus.drain();
  await checkpoints?.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    perSecond,
    steadyP50: percentile(latencies, 50),
    steadyP99: percentile(latencies, 99),
    steadyMax: latencies[latencies.length - 1] ?? 0,
  };
}

async function main() {
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`,
  );
  console.log(
    `flat out: ${FLAT_OUT_ROUNDS} rounds from ${CLIENTS} concurrent clients; steady: ${STEADY_RATE} rounds/s for ${STEADY_SECONDS} s`,
  );
  const single = await runMode('single');
  const group = await runMode('group');
  for (const r of [group, single]) {
    console.log(
      `${r.mode.padEnd(6)} flat_out=${r.perSecond.toFixed(0)} rounds/s  steady@${STEADY_RATE}/s p50=${r.steadyP50.toFixed(2)} ms p99=${r.steadyP99.toFixed(2)} ms max=${r.steadyMax.toFixed(2)} ms`,
    );
  }
  console.log(
    `bench commands: group_per_s=${group.perSecond.toFixed(0)} single_per_s=${single.perSecond.toFixed(0)} ratio=${(group.perSecond / single.perSecond).toFixed(2)} p99_ms=${group.steadyP99.toFixed(2)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
