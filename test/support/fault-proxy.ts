// A TCP proxy between the hub's relay and the cloud that misbehaves on purpose, one connection at a time:
// refuses (the cloud is down), delays, loses the answer after the cloud committed, resets in the middle of
// an answer, delivers the request twice, holds the answer until told (to kill the hub in between), or
// carries the request at the pace of a slow uplink.
// The relay under test uses one connection per request (keepAlive off), so a fault per connection is a
// fault per request.
import { EventEmitter } from 'node:events';
import net from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop-response' }
  | { kind: 'reset-mid-response' }
  | { kind: 'duplicate' }
  | { kind: 'hold-response' }
  /** The request reaches the cloud at this many bytes a second (a slow uplink); the answer at full speed. */
  | { kind: 'throttle'; bytesPerSecond: number };

export interface FaultProxy {
  readonly port: number;
  readonly url: string;
  /** The fault for every connection from now on (drops what was queued). */
  setDefault(fault: Fault): void;
  /** Faults for the next connections, in order. */
  queue(...faults: Fault[]): void;
  /** Connections seen, by fault kind. */
  readonly stats: Record<Fault['kind'], number>;
  /** Resolves when a held answer has arrived from the cloud (the cloud has committed). */
  waitForHeld(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let fallback: Fault = { kind: 'pass' };
  const queued: Fault[] = [];
  const stats: FaultProxy['stats'] = {
    pass: 0,
    refuse: 0,
    delay: 0,
    'drop-response': 0,
    'reset-mid-response': 0,
    duplicate: 0,
    'hold-response': 0,
    throttle: 0,
  };
  const sockets = new Set<net.Socket>();
  const events = new EventEmitter();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };

  const server = net.createServer((rawClient) => {
    const client = track(rawClient);
    const fault = queued.shift() ?? fallback;
    stats[fault.kind]++;
    if (fault.kind === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = track(net.connect(target));
    const shadow = fault.kind === 'duplicate' ? track(net.connect(target)) : undefined;
    shadow?.on('data', () => {}); // the second delivery's answer goes nowhere
    const forward = fault.kind === 'throttle' ? throttled(upstream, fault.bytesPerSecond) : undefined;
    client.on('data', (d) => {
      if (forward) return forward.write(d);
      upstream.write(d);
      shadow?.write(d);
    });
    client.on('end', () => (forward ? forward.end() : upstream.end()));
    client.on('close', () => {
      upstream.destroy();
      setTimeout(() => shadow?.destroy(), 1000).unref();
    });
    let answered = false;
    upstream.on('data', (d: Buffer) => {
      switch (fault.kind) {
        case 'pass':
        case 'duplicate':
        case 'throttle':
          client.write(d);
          break;
        case 'delay':
          setTimeout(() => client.writable && client.write(d), fault.ms);
          break;
        case 'drop-response':
          client.destroy();
          upstream.destroy();
          break;
        case 'reset-mid-response':
          if (answered) break;
          answered = true;
          client.write(d.subarray(0, Math.max(1, Math.floor(d.length / 2))), () => client.resetAndDestroy());
          upstream.destroy();
          break;
        case 'hold-response':
          if (answered) break;
          answered = true;
          events.emit('held');
          break;
      }
    });
    upstream.on('end', () => {
      if (fault.kind === 'delay') setTimeout(() => client.end(), fault.ms);
      else if (fault.kind === 'pass' || fault.kind === 'duplicate' || fault.kind === 'throttle') client.end();
    });
    upstream.on('close', () => {
      if (fault.kind === 'delay') setTimeout(() => client.destroy(), fault.ms + 5);
      else if (fault.kind !== 'hold-response') client.destroy();
    });
    upstream.on('close', () => forward?.stop());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats,
    setDefault: (f) => {
      fallback = f;
      queued.length = 0;
    },
    queue: (...faults) => {
      queued.push(...faults);
    },
    waitForHeld: () => new Promise((resolve) => events.once('held', () => resolve())),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes to `to` at most `bytesPerSecond`, in slices every 20 ms. */
function throttled(to: net.Socket, bytesPerSecond: number) {
  const queue: Buffer[] = [];
  let ending = false;
  const slice = Math.max(1, Math.floor(bytesPerSecond / 50));
  const timer = setInterval(() => {
    let budget = slice;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0]!;
      const part = head.subarray(0, budget);
      if (part.length === head.length) queue.shift();
      else queue[0] = head.subarray(budget);
      budget -= part.length;
      if (to.writable) to.write(part);
    }
    if (ending && queue.length === 0) {
      clearInterval(timer);
      to.end();
    }
  }, 20);
  return {
    write: (d: Buffer) => void queue.push(d),
    end: () => void (ending = true),
    stop: () => clearInterval(timer),
  };
}
