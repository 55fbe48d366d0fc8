// Waiting for one hub process to become ready: its "listening" line gives the port, then
// /readyz is polled until it answers 200. The hub answers 503 while it starts and drains.
import http from 'node:http';
import type { HubProcess } from './hub-process.js';

export interface ReadinessOptions {
  /** The host the hub was told to listen on (HOST); absent means every interface. */
  readonly host: string | undefined;
  /** Date.now() value by which the hub must be ready. */
  readonly deadline: number;
  readonly pollMs: number;
  /** Stops the wait early (for instance when stop() was called); the wait then returns null. */
  readonly cancelled: () => boolean;
}

/** The hub's port once /readyz said 200; null if the process exited or the wait was cancelled; throws on timeout. */
export async function waitUntilReady(hub: HubProcess, options: ReadinessOptions): Promise<number | null> {
  const gone = (): boolean => hub.exit !== undefined || options.cancelled();
  let port: number;
  try {
    port = await withDeadline(hub.listening, options.deadline, 'hub did not announce its port in time');
  } catch (error) {
    if (gone()) return null;
    throw error;
  }
  const url = `${hubBaseUrl(options.host, port)}/readyz`;
  while (!gone()) {
    const status = await httpStatus(url, Math.max(1, Math.min(1_000, options.deadline - Date.now())));
    if (status === 200) return gone() ? null : port;
    if (Date.now() >= options.deadline) throw new Error('hub did not answer /readyz with 200 in time');
    await sleep(options.pollMs);
  }
  return null;
}

/** The URL the shell uses to reach the hub: loopback when the hub listens on every interface. */
export function hubBaseUrl(host: string | undefined, port: number): string {
  if (host === undefined || host === '' || host === '0.0.0.0' || host === '::')
    return `http://127.0.0.1:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

// One probe, one connection, closed by us. Asking for keep-alive stops the hub from closing
// first: the side that closes first keeps the connection's TIME_WAIT/FIN_WAIT state, and if
// that side is the hub and the hub is then killed, the orphaned socket can hold the hub's
// port for up to a minute, so a restart on the same port would fail until it expires.
export function httpStatus(url: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(
      url,
      { agent: false, timeout: timeoutMs, headers: { connection: 'keep-alive' } },
      (response) => {
        const status = response.statusCode ?? null;
        response.on('end', () => {
          request.destroy();
          resolve(status);
        });
        response.resume();
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
    request.on('close', () => resolve(null)); // no-op once resolved; covers a response cut short
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withDeadline<T>(promise: Promise<T>, deadline: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
