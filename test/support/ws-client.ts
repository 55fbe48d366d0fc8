// A real WebSocket client (the `ws` package) for tests against the hub's /ws endpoint: collects frames
// and waits for the ones a test expects.
import WebSocket from 'ws';
import type { ServerMessage } from '../../protocol/ws-messages.js';

type Frame = ServerMessage;
type EventFrame = Extract<Frame, { type: 'event' }>;

export interface TestSocket {
  ws: WebSocket;
  frames: Frame[];
  events(): EventFrame[];
  seqs(): number[];
  send(message: unknown): void;
  /** Resolves with the first frame (from `from` on) matching `pred`. */
  next<T = Frame>(pred: (f: Frame) => boolean, from?: number): Promise<T>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export function wsUrl(port: number, token?: string): string {
  return `ws://127.0.0.1:${port}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

export function connect(
  port: number,
  token: string | undefined,
  options: { header?: boolean } = {},
): Promise<TestSocket> {
  const ws = options.header
    ? new WebSocket(wsUrl(port), { headers: { authorization: `Bearer ${token}` } })
    : new WebSocket(wsUrl(port, token));
  const frames: Frame[] = [];
  const waiters: Array<{ pred: (f: Frame) => boolean; from: number; resolve: (f: Frame) => void }> = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (frames.length - 1 >= w.from && w.pred(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  const socket: TestSocket = {
    ws,
    frames,
    events: () => frames.filter((f): f is EventFrame => f.type === 'event'),
    seqs: () => socket.events().map((e) => e.seq),
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: <T>(pred: (f: Frame) => boolean, from = 0) =>
      new Promise<T>((resolve) => {
        const hit = frames.slice(from).find(pred);
        if (hit) return resolve(hit as T);
        waiters.push({ pred, from, resolve: resolve as (f: Frame) => void });
      }),
    closed,
    close: async () => {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`upgrade refused ${res.statusCode}`), { status: res.statusCode, body }),
        ),
      );
    });
  });
}

/** Connects, waits for the welcome, subscribes and waits until the replay is done. */
export async function subscribed(
  port: number,
  token: string,
  sub: { topics?: string[]; afterSeq?: number } = {},
): Promise<TestSocket> {
  const s = await connect(port, token);
  // A socket cut before the answer would otherwise leave the caller waiting for ever.
  const cut = s.closed.then(({ code }) => Promise.reject(new Error(`closed (${code}) while subscribing`)));
  await Promise.race([s.next((f) => f.type === 'welcome'), cut]);
  s.send({ type: 'subscribe', ...sub });
  await Promise.race([
    s.next((f) => f.type === 'subscribed' || f.type === 'error' || f.type === 'resync'),
    cut,
  ]);
  return s;
}
