// bench:ws server process: runs the real hub (uWS) or the peer (node:http + ws) over the same app layer
// on a fresh demo database, and answers the orchestrator over IPC (tokens, memory, expected seqs).
// Started by bench/ws.bench.ts with --expose-gc so memory is measured after a full collection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../hub/config.js';
import { startHub } from '../hub/hub-runtime.js';
import { CommandBus } from '../hub/app/command-bus.js';
import { bootstrapBranch } from '../hub/app/bootstrap.js';
import { prepareCommand } from '../hub/app/prepare-command.js';
import { createAuthService } from '../hub/app/auth/auth-service.js';
import { openDatabase, type HubDatabase } from '../hub/store/database.js';
import { silentLogger } from '../hub/observability/logger.js';
import type { LiveCore } from '../hub/gateway/ws/live-core.js';
import { startPeerServer } from './ws-peer-server.js';

const impl = process.argv.includes('--impl=ws') ? 'ws' : 'uws';
const dir = mkdtempSync(join(tmpdir(), `comanda-bench-ws-${impl}-`));
const logger = silentLogger();

let db: HubDatabase;
let core: LiveCore;
let port: number;
let stop: () => Promise<void>;

if (impl === 'uws') {
  // NORMAL, as config.ts allows for benchmarks: this disk's fsync (2–8 ms here, shared with other
  // work) would otherwise dominate a figure that is about the WebSocket fan-out.
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      COMANDA_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      COMANDA_SYNCHRONOUS: 'NORMAL',
    },
    [],
  );
  const hub = await startHub(config, logger);
  ({ db, port } = hub);
  core = hub.server.live.core;
  stop = hub.stop;
} else {
  db = openDatabase({ file: join(dir, 'hub.db'), synchronous: 'NORMAL' });
  const bus = new CommandBus({ db, logger, prepare: prepareCommand });
  await bootstrapBranch(bus, { demo: true });
  const peer = await startPeerServer({ db, bus, auth: createAuthService({ db }), logger });
  ({ core, port } = peer);
  stop = async () => {
    await peer.close();
    await bus.drain();
    db.close();
  };
}

const auth = createAuthService({ db, loginLimits: { limit: 1000 } });
const tokens = {
  ADMIN: (await auth.login({ staffId: 'staff-ana', pin: '1111', remoteAddress: 'bench-1' })).accessToken,
  KITCHEN: (await auth.login({ staffId: 'staff-jorge', pin: '5555', remoteAddress: 'bench-2' })).accessToken,
};

// Bench-only instrument: how long the post-commit publish step (ring, feeds, send/queue to every
// subscriber, backpressure check) takes in JS, apart from the kernel writes and scheduling.
const publishMs: number[] = [];
const writtenMs: number[] = [];
{
  const proto = Object.getPrototypeOf(core) as { onCommitted: (e: unknown) => void };
  const orig = proto.onCommitted;
  proto.onCommitted = function (this: unknown, e: unknown) {
    const t = performance.now();
    orig.call(this, e);
    publishMs.push(performance.now() - t);
    // uWS writes the queued topic messages to every subscriber's socket when the loop iteration ends;
    // the next setImmediate runs after those writes, so this is commit → last byte handed to the kernel.
    setImmediate(() => writtenMs.push(performance.now() - t));
  };
}
const gc = (globalThis as { gc?: () => void }).gc;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, connections: core.connectionCount };
}

function expected(topics: string[], afterSeq: number, upTo: number): number[] {
  const wanted = new Set(topics);
  const rows = db.read
    .prepare('SELECT seq, topics FROM event WHERE seq > ? AND seq <= ? ORDER BY seq')
    .all(afterSeq, upTo) as Array<{
    seq: number;
    topics: string;
  }>;
  return rows.filter((r) => (JSON.parse(r.topics) as string[]).some((t) => wanted.has(t))).map((r) => r.seq);
}

const lastSeq = () => (db.read.prepare('SELECT max(seq) AS s FROM event').get() as { s: number }).s;

process.on('message', (msg: { id: number; cmd: string; args?: Record<string, unknown> }) => {
  const reply = (body: unknown) => process.send!({ id: msg.id, body });
  switch (msg.cmd) {
    case 'memory':
      return reply(memory());
    case 'cpu':
      return reply(process.cpuUsage());
    case 'publishMs':
      return reply(publishMs.splice(0));
    case 'writtenMs':
      return reply(writtenMs.splice(0));
    case 'lastSeq':
      return reply(lastSeq());
    case 'expected': {
      const a = msg.args as { sets: string[][]; afterSeq: number; upTo: number };
      return reply(a.sets.map((s) => expected(s, a.afterSeq, a.upTo)));
    }
    case 'stop':
      void stop().then(() => {
        rmSync(dir, { recursive: true, force: true });
        reply(true);
        process.exit(0);
      });
      return;
  }
});

process.send!({ ready: true, impl, port, tokens, dbFile: db.file });
