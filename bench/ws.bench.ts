// bench:ws — the live LAN feed under load, on uWS (the hub) and on the node:http + ws peer over the
// same app layer, in one run. Clients live in separate processes (open files are capped at 20,000 per
// process here). Scenarios: hold N connections (memory per connection); fan-out latency from an HTTP
// round submit to its arrival at 2,000 subscribers; a storm of 10,000 clients resuming at once.
//   npx tsx bench/ws.bench.ts --connections 15000 [--fanout 2000] [--fanout-processes 1] [--storm 10000] [--rounds 100]
// The fan-out subscribers sit in one client process by default: more processes, each woken by the hub's
// sends, get scheduled onto the hub's core and preempt it mid-fan-out (p99 36.8 ms with four, 22–25 with one).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createTokenService } from '../hub/app/auth/token-service.js';
import { openDatabase } from '../hub/store/database.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '15000' },
    fanout: { type: 'string', default: '2000' },
    storm: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '100' },
    processes: { type: 'string' },
    'fanout-processes': { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const N = Number(values.connections);
const FANOUT = Number(values.fanout);
const STORM = Number(values.storm);
const ROUNDS = Number(values.rounds);
const PROCS = Number(values.processes ?? Math.max(4, Math.ceil(Math.max(N, STORM) / 4000)));
const FANOUT_PROCS = Math.min(PROCS, Number(values['fanout-processes']));
const here = import.meta.dirname;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function issueTokens(dbFile: string, count: number): Promise<string[]> {
  const db = openDatabase({ file: dbFile, synchronous: 'NORMAL' });
  const issuer = createTokenService({ db, now: () => new Date() });
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push((await issuer.issueSession({ id: 'staff-jorge', role: 'KITCHEN' })).accessToken);
  db.close();
  return out;
}

let nextId = 0;
function call<T>(child: ChildProcess, cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  const id = ++nextId;
  return new Promise((resolve) => {
    const onMessage = (m: { id?: number; body?: unknown }) => {
      if (m.id !== id) return;
      child.off('message', onMessage);
      resolve(m.body as T);
    };
    child.on('message', onMessage);
    child.send({ id, cmd, args });
  });
}

function start(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; ready: Record<string, unknown> }> {
  const child = fork(join(here, script), args, {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_PROFILE && script.includes('server')
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wsprof']
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: Record<string, unknown>) => resolve({ child, ready: m }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Figures {
  impl: string;
  connections: number;
  bytesPerConn: number;
  heapPerConn: number;
  fanoutP50: number;
  fanoutP99: number;
  fanoutMax: number;
  fanoutSamples: number;
  stormSeconds: number;
  stormFailed: number;
  missing: number;
  duplicated: number;
}

/**
 * Each phase (and each implementation) dials from its own loopback addresses, one per client process:
 * the TIME_WAIT sockets one phase leaves behind (tens of thousands) must not slow the next one's
 * connects, just as a floor's tablets are distinct hosts. Each run picks its own third octet too, so a
 * run started within a minute of the last one does not meet that run's TIME_WAIT sockets either.
 */
const RUN_OCTET = 10 * Math.floor(Math.random() * 25);
const addressOf = (impl: 'uws' | 'ws', phase: number, proc: number) =>
  `127.${impl === 'uws' ? 1 : 2}.${RUN_OCTET + phase}.${2 + proc}`;

async function runImpl(impl: 'uws' | 'ws'): Promise<Figures> {
  const server = await start('ws-bench-server.ts', [`--impl=${impl}`]);
  const { port, tokens } = server.ready as { port: number; tokens: { ADMIN: string; KITCHEN: string } };
  const url = `ws://127.0.0.1:${port}/ws`;
  const base = `http://127.0.0.1:${port}`;
  const clients = await Promise.all(
    Array.from({ length: PROCS }, () => start('ws-bench-client.ts', [])),
  ).then((list) => list.map((c) => c.child));
  const all = <T>(cmd: string, args: (i: number) => Record<string, unknown> = () => ({})) =>
    Promise.all(clients.map((c, i) => call<T>(c, cmd, args(i))));
  const post = async (
    body: unknown,
  ): Promise<{ ok: boolean; seq: number; data: Record<string, unknown> }> => {
    const res = await fetch(`${base}/api/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.ADMIN}` },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; seq: number; data: Record<string, unknown> };
  };
  let cmd = 0;
  const command = (type: string, payload: unknown) =>
    post({ commandId: `bench-ws-${impl}-${++cmd}`, type, payload });
  // One token per simulated device, handed to the client processes in slices.
  // Issued here, on a second connection to the server's database (same signing secret), so their
  // cost and garbage stay out of the server's CPU and memory figures.
  const deviceTokens = await issueTokens(server.ready.dbFile as string, Math.max(N, FANOUT, STORM));
  const slice = (i: number, n: number) => {
    const offset = split(Math.max(N, FANOUT, STORM), PROCS)
      .slice(0, i)
      .reduce((a, b) => a + b, 0);
    return deviceTokens.slice(offset, offset + n);
  };
  const sessions: string[] = [];
  for (const tableId of ['table-1', 'table-2', 'table-9', 'table-10']) {
    sessions.push((await command('OpenSession', { tableId, guests: 2 })).data.sessionId as string);
  }

  // 1. Hold N authenticated, subscribed connections. Memory per connection is the marginal cost
  // between holding half of them and holding all (after a full GC), so start-up allocations and
  // allocator warm-up do not count as per-connection memory.
  type Mem = { rss: number; heapUsed: number; connections: number };
  const share = split(N, PROCS);
  const openShare = (part: 0 | 1) =>
    all<{ opened: number; failed: number }>('open', (i) => {
      const n = part === 0 ? Math.floor(share[i]! / 2) : share[i]! - Math.floor(share[i]! / 2);
      const skip = part === 0 ? 0 : Math.floor(share[i]! / 2);
      return {
        url,
        localAddress: addressOf(impl, 1, i),
        tokens: slice(i, share[i]!).slice(skip, skip + n),
        topicSets: Array.from({ length: n }, () => ['kitchen:grill', 'menu']),
      };
    });
  const m0 = await call<Mem>(server.child, 'memory');
  await openShare(0);
  await sleep(500);
  const mHalf = await call<Mem>(server.child, 'memory');
  await openShare(1);
  await sleep(500);
  const mFull = await call<Mem>(server.child, 'memory');
  const added = Math.max(1, mFull.connections - mHalf.connections);
  const held = mFull.connections;
  // RSS over all N from the idle server: the marginal half-to-full RSS swings with what the
  // allocator hands back, so it is printed for reference only.
  const bytesPerConn = (mFull.rss - m0.rss) / Math.max(1, held);
  const marginalRss = (mFull.rss - mHalf.rss) / added;
  const heapPerConn = (mFull.heapUsed - mHalf.heapUsed) / added;
  console.log(
    `[${impl}] held ${held}/${N} connections: rss ${(m0.rss / 1e6).toFixed(0)} → ${(mFull.rss / 1e6).toFixed(0)} MB = ${bytesPerConn.toFixed(0)} B/conn; ` +
      `marginal ${mHalf.connections}→${mFull.connections}: rss ${marginalRss.toFixed(0)} B/conn, JS heap ${heapPerConn.toFixed(0)} B/conn`,
  );
  await all('reset');

  // 2. Fan-out: an HTTP round submit until its ticket reaches every one of FANOUT subscribers, held by
  // the first FANOUT_PROCS client processes (2,000 sockets fit one process's open-file cap).
  const fanoutShare = (i: number) => (i < FANOUT_PROCS ? split(FANOUT, FANOUT_PROCS)[i]! : 0);
  await all('open', (i) => ({
    url,
    localAddress: addressOf(impl, 2, i),
    tokens: slice(i, fanoutShare(i)),
    topicSets: Array.from({ length: fanoutShare(i) }, () => ['kitchen:grill']),
  }));
  await all('track', () => ({ on: true }));
  const sent: Array<{ from: number; to: number; at: number }> = [];
  // CPU of every process over the rounds: where the fan-out's time goes (server user/sys, clients).
  type Cpu = { user: number; system: number };
  const cpuAll = async () => ({
    server: await call<Cpu>(server.child, 'cpu'),
    clients: await all<Cpu>('cpu'),
  });
  const cpu0 = await cpuAll();
  const wall0 = now();
  const acks: number[] = [];
  let prev = (
    await command('PlaceRound', { sessionId: sessions[0], items: [{ productId: 'prod-agua', qty: 1 }] })
  ).seq;
  for (let r = 0; r < ROUNDS; r++) {
    const at = now();
    const res = await command('PlaceRound', {
      sessionId: sessions[r % sessions.length],
      items: [{ productId: 'prod-bravas', qty: 1 }],
    });
    acks.push(now() - at);
    sent.push({ from: prev, to: res.seq, at });
    prev = res.seq;
    await sleep(20);
  }
  const cpu1 = await cpuAll();
  const wallMs = now() - wall0;
  await sleep(1000);
  const perRound = (a: Cpu, b: Cpu) => ({
    user: (b.user - a.user) / 1000 / ROUNDS,
    system: (b.system - a.system) / 1000 / ROUNDS,
  });
  const srv = perRound(cpu0.server, cpu1.server);
  const cli = cpu0.clients.map((c, i) => perRound(c, cpu1.clients[i]!));
  const cliUser = cli.reduce((a, c) => a + c.user, 0);
  const cliSys = cli.reduce((a, c) => a + c.system, 0);
  console.log(
    `[${impl}] CPU per round (ms): server user ${srv.user.toFixed(2)} sys ${srv.system.toFixed(2)}; ` +
      `${clients.length} client processes user ${cliUser.toFixed(2)} sys ${cliSys.toFixed(2)}; ` +
      `wall per round ${(wallMs / ROUNDS).toFixed(2)} ms (2 cores = ${((2 * wallMs) / ROUNDS).toFixed(1)} core-ms)`,
  );
  const perProc = await all<Array<[number, number[]]>>('arrivals');
  const arrivals = new Map<number, number[]>();
  for (const list of perProc)
    for (const [seq, times] of list) arrivals.set(seq, [...(arrivals.get(seq) ?? []), ...times]);
  const latencies: number[] = [];
  for (const s of sent) {
    for (let q = s.from + 1; q <= s.to; q++) for (const t of arrivals.get(q) ?? []) latencies.push(t - s.at);
  }
  latencies.sort((a, b) => a - b);
  // Per client process: if the server wrote one process's sockets after another's, the last process's
  // latencies sit apart from the others' (the order of the writes, not the hub's speed, sets the tail).
  const perProcP50 = perProc
    .filter((list) => list.length > 0)
    .map((list) => {
      const own = new Map(list);
      const mine: number[] = [];
      for (const s of sent)
        for (let q = s.from + 1; q <= s.to; q++) for (const t of own.get(q) ?? []) mine.push(t - s.at);
      return percentile(
        mine.sort((a, b) => a - b),
        50,
      ).toFixed(1);
    });
  console.log(`[${impl}] fan-out p50 per client process (ms): ${perProcP50.join(' / ')}`);

  const fanout = {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
  acks.sort((a, b) => a - b);
  const pub = (await call<number[]>(server.child, 'publishMs')).sort((a, b) => a - b);
  const written = (await call<number[]>(server.child, 'writtenMs')).sort((a, b) => a - b);
  console.log(
    `[${impl}] publish step per commit: p50 ${percentile(pub, 50).toFixed(2)} ms, max ${pub.at(-1)?.toFixed(2)} ms (${pub.length} commits); ` +
      `commit → written to every socket: p50 ${percentile(written, 50).toFixed(2)} ms, p99 ${percentile(written, 99).toFixed(2)} ms`,
  );
  console.log(
    `[${impl}] fan-out to ${FANOUT} subscribers, ${ROUNDS} rounds: ${latencies.length} deliveries (want ${FANOUT * ROUNDS}); p50 ${fanout.p50.toFixed(2)} ms, p99 ${fanout.p99.toFixed(2)} ms, max ${fanout.max.toFixed(2)} ms; HTTP ack p50 ${percentile(acks, 50).toFixed(2)} ms`,
  );
  await all('track', () => ({ on: false }));
  await all('reset');

  // 3. Storm: STORM clients drop, service goes on, all reconnect and resume at the same moment.
  const sets = [['kitchen:grill'], ['expo'], ['kitchen:bar', 'menu']];
  await all('open', (i) => ({
    url,
    localAddress: addressOf(impl, 3, i),
    tokens: slice(i, split(STORM, PROCS)[i]!),
    topicSets: Array.from({ length: split(STORM, PROCS)[i]! }, (_, k) => sets[k % sets.length]!),
  }));
  const before = await call<number>(server.child, 'lastSeq');
  await all('drop');
  for (let r = 0; r < 40; r++) {
    await command('PlaceRound', {
      sessionId: sessions[r % sessions.length],
      items: [
        { productId: 'prod-bravas', qty: 1 },
        { productId: 'prod-cana', qty: 1 },
      ],
    });
  }
  const end = await call<number>(server.child, 'lastSeq');
  const lists = await call<number[][]>(server.child, 'expected', { sets, afterSeq: before, upTo: end });
  const expected = Object.fromEntries(sets.map((s, i) => [s.join('|'), lists[i]!]));
  const storm = await all<{
    started: number;
    finished: number;
    failed: number;
    setbacks: { resync: number; error: number; closed: number };
    missing: number;
    duplicated: number;
  }>('storm', () => ({ url, expected }));
  const stormSeconds =
    (Math.max(...storm.map((s) => s.finished)) - Math.min(...storm.map((s) => s.started))) / 1000;
  const missing = storm.reduce((a, s) => a + s.missing, 0);
  const duplicated = storm.reduce((a, s) => a + s.duplicated, 0);
  const stormFailed = storm.reduce((a, s) => a + s.failed, 0);
  // Attempts that had to be retried, and why: the storm's time is mostly theirs when it runs long.
  const setbacks = storm.reduce(
    (a, s) => ({
      resync: a.resync + s.setbacks.resync,
      error: a.error + s.setbacks.error,
      closed: a.closed + s.setbacks.closed,
    }),
    { resync: 0, error: 0, closed: 0 },
  );
  console.log(
    `[${impl}] storm: ${STORM} clients resumed ${end - before} events' worth in ${stormSeconds.toFixed(2)} s; failed ${stormFailed}, missing ${missing}, duplicated ${duplicated}; ` +
      `retried after resync ${setbacks.resync}, error ${setbacks.error}, close ${setbacks.closed}`,
  );
  await all('reset');

  for (const c of clients) c.kill();
  await call(server.child, 'stop');
  return {
    impl,
    connections: held,
    bytesPerConn,
    heapPerConn,
    fanoutP50: fanout.p50,
    fanoutP99: fanout.p99,
    fanoutMax: fanout.max,
    fanoutSamples: latencies.length,
    stormSeconds,
    stormFailed,
    missing,
    duplicated,
  };
}

console.log(
  `bench ws: ${N} connections, ${FANOUT} fan-out subscribers (in ${FANOUT_PROCS} of them), ${STORM} storm clients, ` +
    `${PROCS} client processes; 2 cores shared by server, clients and orchestrator as the scheduler places them`,
);
const uwsFigures = values.only === 'ws' ? undefined : await runImpl('uws');
const peer = values.only === 'uws' ? undefined : await runImpl('ws');
const f = (x: number | undefined, d = 2) => (x === undefined || Number.isNaN(x) ? 'NaN' : x.toFixed(d));
console.log(
  `bench ws: connections=${uwsFigures?.connections ?? 0} bytes_per_conn=${f(uwsFigures?.bytesPerConn, 0)} peer_bytes_per_conn=${f(peer?.bytesPerConn, 0)} ` +
    `fanout_p99_ms=${f(uwsFigures?.fanoutP99)} peer_fanout_p99_ms=${f(peer?.fanoutP99)} storm_resume_s=${f(uwsFigures?.stormSeconds)} ` +
    `missing=${uwsFigures?.missing ?? 0} duplicated=${uwsFigures?.duplicated ?? 0}`,
);
process.exit(0);
