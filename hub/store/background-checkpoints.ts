// Moves SQLite's WAL checkpoints off the writer's thread. By default SQLite checkpoints inside the commit
// that pushes the WAL past 1,000 pages, on the connection that commits: the writer then copies pages and
// fsyncs the main file while the commands of that batch, and every command queued behind it, wait. The
// commands bench traced its slowest steady-state acknowledgements to exactly those commits (p99 10.8 →
// 6.4 ms with checkpoints off; docs/BENCHMARKS.md). Here a worker thread with its own connection runs a
// PASSIVE checkpoint every few hundred ms: it never blocks the writer (a commit goes on appending to the
// WAL meanwhile) and SQLite restarts the WAL from its start at the next write after a complete one, so the
// file stays small. The writer keeps an automatic checkpoint at a much higher mark as a backstop: if the
// worker dies, the WAL still cannot grow without bound.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface BackgroundCheckpointOptions {
  /** How often the worker checkpoints. */
  intervalMs?: number;
  /** The writer's own wal_autocheckpoint while the worker runs (pages), the backstop. */
  backstopPages?: number;
  /** Told when a checkpoint fails (the worker goes on trying) or the worker dies. */
  onError?: (err: Error) => void;
  /** Told after every checkpoint (for a metric). */
  onReport?: (report: CheckpointReport) => void;
}

export interface CheckpointReport {
  /** WAL frames at the last checkpoint, and how many of them were in the main file after it. */
  walFrames: number;
  checkpointedFrames: number;
  /** Checkpoints run since start. */
  runs: number;
}

export interface BackgroundCheckpoints {
  /** The worker's last report (zeros until its first checkpoint). */
  last(): CheckpointReport;
  /** Stops the worker and gives the writer back SQLite's default autocheckpoint. */
  stop(): Promise<void>;
}

// Plain JavaScript evaluated in the worker, so that it loads the same way under tsx, vitest and the
// compiled build (a .ts worker file would need the TypeScript loader in the worker as well).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
let runs = 0;
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    runs++;
    parentPort.postMessage({ walFrames: r.log, checkpointedFrames: r.checkpointed, runs });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

/** Starts checkpointing `file` from a worker thread; `writer` is the hub's write connection to it. */
export function startBackgroundCheckpoints(
  writer: Database.Database,
  file: string,
  options: BackgroundCheckpointOptions = {},
): BackgroundCheckpoints {
  const { intervalMs = 250, backstopPages = 20_000, onError, onReport } = options;
  writer.pragma(`wal_autocheckpoint = ${backstopPages}`);
  let report: CheckpointReport = { walFrames: 0, checkpointedFrames: 0, runs: 0 };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: driverPath, file, intervalMs },
  });
  // The hub's exit must not wait for this thread.
  worker.unref();
  worker.on('message', (m: CheckpointReport | { error: string }) => {
    if ('error' in m) onError?.(new Error(`background checkpoint failed: ${m.error}`));
    else {
      report = m;
      onReport?.(m);
    }
  });
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (err) => onError?.(err));
  void exited.then(() => {
    if (!stopped) {
      // The backstop takes over entirely: SQLite's default mark.
      onError?.(new Error('background checkpoint worker stopped; the writer checkpoints again'));
      if (writer.open) writer.pragma('wal_autocheckpoint = 1000');
    }
  });
  return {
    last: () => report,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Held while it closes its connection: unreferenced, a process with nothing else to do would exit
      // with this promise still pending.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      if (writer.open) writer.pragma('wal_autocheckpoint = 1000');
    },
  };
}
