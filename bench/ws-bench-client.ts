// bench:ws client process: holds a share of the benchmark's WebSocket clients (one process cannot
// hold them all: open files are capped at 20,000 per process here) and reports to the orchestrator.
import { performance } from 'node:perf_hooks';
import { openLeanSocket, type LeanSocket } from './ws-lean-client.js';

interface Client {
  token: string;
  localAddress: string;
  topics: string[];
  lastSeq: number;
  ws: LeanSocket | undefined;
  seqs: number[];
}

let clients: Client[] = [];
/** Why attempts to open failed (a retry follows), by cause: resync or error frames, closes before subscribed. */
let setbacks = { resync: 0, error: 0, closed: 0 };
/** seq → arrival times (ms, on the shared high-resolution clock) at every tracking client. */
let arrivals = new Map<number, number[]>();
let tracking = false;
const now = () => performance.timeOrigin + performance.now();

/** Like a real tablet: a failed connect is retried after a short random pause, a few times. */
async function openWithRetry(url: string, c: Client, afterSeq: number | undefined): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await open(url, c, afterSeq)) return true;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * (attempt + 1)));
  }
  return false;
}

const EVENT_PREFIX = Buffer.from('{"type":"event","seq":');

/** The seq of an event frame, read straight from the bytes; -1 for any other frame. */
function eventSeq(payload: Buffer): number {
  // Cheap peek: parsing every frame would measure the client, not the server.
  if (
    payload.length <= EVENT_PREFIX.length ||
    payload.compare(EVENT_PREFIX, 0, EVENT_PREFIX.length, 0, EVENT_PREFIX.length) !== 0
  )
    return -1;
  let seq = 0;
  for (let i = EVENT_PREFIX.length; i < payload.length; i++) {
    const digit = payload[i]! - 48;
    if (digit < 0 || digit > 9) break;
    seq = seq * 10 + digit;
  }
  return seq;
}

function open(url: string, c: Client, afterSeq: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (!done) {
        done = true;
        resolve(ok);
      }
    };
    const ws = openLeanSocket(
      url,
      { token: c.token, localAddress: c.localAddress },
      {
        onOpen: () => undefined,
        onClose: () => {
          if (!done) setbacks.closed++;
          finish(false);
        },
        onText: (payload) => {
          const seq = eventSeq(payload);
          if (seq >= 0) {
            c.seqs.push(seq);
            c.lastSeq = seq;
            if (tracking) {
              let list = arrivals.get(seq);
              if (!list) arrivals.set(seq, (list = []));
              list.push(now());
            }
            return;
          }
          const frame = JSON.parse(payload.toString()) as { type: string; lastSeq?: number };
          if (frame.type === 'welcome') {
            ws.sendText(
              JSON.stringify({
                type: 'subscribe',
                topics: c.topics,
                ...(afterSeq === undefined ? {} : { afterSeq }),
              }),
            );
          } else if (frame.type === 'subscribed') {
            if (afterSeq === undefined) c.lastSeq = frame.lastSeq ?? 0;
            finish(true);
          } else if (frame.type === 'resync' || frame.type === 'error') {
            if (!done) setbacks[frame.type]++;
            finish(false);
            ws.terminate(); // a tablet told to resync reconnects afresh
          }
        },
      },
    );
    c.ws = ws;
  });
}

async function inBatches<T>(items: T[], size: number, fn: (t: T) => Promise<boolean>): Promise<number> {
  let failed = 0;
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.all(items.slice(i, i + size).map(fn));
    failed += results.filter((r) => !r).length;
  }
  return failed;
}

function closeAll(): void {
  for (const c of clients) c.ws?.terminate();
}

type Msg = { id: number; cmd: string; args: Args };
interface Args {
  url: string;
  tokens: string[];
  /** Source address for this batch: each phase dials from its own, as distinct devices would. */
  localAddress: string;
  topicSets: string[][];
  on: boolean;
  expected: Record<string, number[]>;
}

process.on('message', (msg: Msg) => {
  const reply = (body: unknown) => process.send!({ id: msg.id, body });
  const a = msg.args;
  void (async () => {
    switch (msg.cmd) {
      case 'open': {
        // Ramp in batches: this measures holding connections, not the kernel's SYN backlog.
        const fresh: Client[] = a.topicSets.map((topics, i) => ({
          token: a.tokens[i % a.tokens.length]!,
          localAddress: a.localAddress,
          topics,
          lastSeq: 0,
          ws: undefined,
          seqs: [],
        }));
        clients.push(...fresh);
        const failed = await inBatches(fresh, 250, (c) => openWithRetry(a.url, c, undefined));
        return reply({ opened: fresh.length - failed, failed });
      }
      case 'track':
        tracking = Boolean(a.on);
        if (tracking) arrivals = new Map();
        return reply(true);
      case 'arrivals':
        return reply([...arrivals.entries()]);
      case 'cpu':
        return reply(process.cpuUsage());
      case 'drop':
        closeAll();
        for (const c of clients) c.seqs = [];
        return reply(true);
      case 'reset':
        closeAll();
        clients = [];
        return reply(true);
      case 'storm': {
        // Every client reconnects at the same moment and resumes from the last seq it saw.
        const expected = a.expected;
        setbacks = { resync: 0, error: 0, closed: 0 };
        const started = now();
        const results = await Promise.all(
          clients.map((c) => {
            c.seqs = [];
            return openWithRetry(a.url, c, c.lastSeq);
          }),
        );
        const failed = results.filter((r) => !r).length;
        // Replay frames are already in (they precede `subscribed`); count what each client got.
        let missing = 0;
        let duplicated = 0;
        for (const c of clients) {
          const want = expected[c.topics.join('|')] ?? [];
          const got = new Set(c.seqs);
          duplicated += c.seqs.length - got.size;
          for (const s of want) if (!got.has(s)) missing++;
        }
        return reply({ started, finished: now(), failed, missing, duplicated, setbacks });
      }
    }
  })();
});

process.send!({ ready: true });
