// bench:commands — rounds through the app layer with group commit, and with one transaction per command.
// Both on a real SQLite file with synchronous=FULL. Prints each run, then one summary line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { commandSchema } from '../protocol/commands/command.js';
import { CommandBus } from '../hub/app/command-bus.js';
import { bootstrapBranch } from '../hub/app/bootstrap.js';
import { prepareCommand } from '../hub/app/prepare-command.js';
import { openDatabase } from '../hub/store/database.js';
import { silentLogger } from '../hub/observability/logger.js';
import type { Actor } from '../protocol/events/event.js';

const WAITER: Actor = { kind: 'staff', staffId: 'staff-luis', role: 'WAITER' };
const FLAT_OUT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const STEADY_RATE = 500;
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 6);

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
  const bus = new CommandBus({ db, logger: silentLogger(), prepare: prepareCommand, mode });
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
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / STEADY_RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(submit(i).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  await bus.drain();
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
