// Signed HTTP calls from the hub to its cloud. Each attempt is signed afresh (new timestamp and nonce:
// the cloud refuses a spent nonce even when the first attempt never reached its database).
//
// Clock skew: the cloud accepts timestamps within ±5 min of its own clock, and a hub's clock can be far
// off (no NTP behind a restaurant's router). So the client signs with the hub clock plus an offset it
// learns from the cloud's `Date` header: on every answer when the two disagree by more than 30 s, and at
// once on a 401 TIMESTAMP_OUT_OF_WINDOW, after which that request is retried immediately, once.
import http from 'node:http';
import https from 'node:https';
import { signRequest } from '../../protocol/sync/request-signing.js';
import type { Pairing } from './sync-meta.js';

export interface CloudAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface CloudClientOptions {
  pairing: Pairing;
  /** The hub's wall clock, ms (injected by tests to skew it). */
  now?: () => number;
  timeoutMs?: number;
  /** Keep connections open between batches (the default); tests of the fault proxy turn it off. */
  keepAlive?: boolean;
}

/** A failure to get any answer: refused, reset, timed out. Always worth retrying. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** The connection to the cloud was open: a time-out then means a slow link, not a missing one. */
    readonly connected = false,
  ) {
    super(message);
  }
}

const SKEW_TOLERANCE_MS = 30_000;

export class CloudClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly now: () => number;
  private readonly active = new Set<http.ClientRequest>();
  private closed = false;
  /** Added to the hub clock when signing: cloud time minus hub time, as far as we know. */
  clockOffsetMs = 0;

  constructor(private readonly options: CloudClientOptions) {
    this.base = new URL(options.pairing.url);
    this.now = options.now ?? Date.now;
    const keepAlive = options.keepAlive ?? true;
    this.agent =
      this.base.protocol === 'https:'
        ? new https.Agent({ keepAlive, maxSockets: 4 })
        : new http.Agent({ keepAlive, maxSockets: 4 });
  }

  get pairing(): Pairing {
    return this.options.pairing;
  }

  /** The deadline of one call, from sending to the whole answer. */
  get timeoutMs(): number {
    return this.options.timeoutMs ?? 30_000;
  }

  /** A signed request; retried once at once when the cloud says our timestamp is out of its window. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: string; body?: string; requestId?: string; headers?: Record<string, string> } = {},
  ): Promise<CloudAnswer> {
    const first = await this.sendOnce(method, path, options);
    if (first.status === 401 && authFailureReason(first) === 'TIMESTAMP_OUT_OF_WINDOW') {
      this.learnOffset(first, true);
      return this.sendOnce(method, path, options);
    }
    return first;
  }

  private async sendOnce(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: string; body?: string; requestId?: string; headers?: Record<string, string> },
  ): Promise<CloudAnswer> {
    const body = options.body ?? '';
    const { pairing } = this.options;
    const headers: Record<string, string> = await signRequest({
      method,
      path,
      keyId: pairing.keyId,
      secret: pairing.secret,
      body,
      nowMs: Math.round(this.now() + this.clockOffsetMs),
    });
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.requestId) headers['x-request-id'] = options.requestId;
    // Trace context (traceparent) of the relay's span, when traced.
    Object.assign(headers, options.headers);
    headers['content-length'] = String(Buffer.byteLength(body));
    if (this.options.keepAlive === false) headers.connection = 'close';
    const sentAt = this.now();
    const answer = await this.roundTrip(
      method,
      path + (options.query ? `?${options.query}` : ''),
      headers,
      body,
    );
    this.learnOffset(answer, false, sentAt);
    return answer;
  }

  /** Cloud time (Date header, 1 s resolution, so +500 ms) minus the hub time halfway through the call. */
  private learnOffset(answer: CloudAnswer, force: boolean, sentAt?: number): void {
    const date = answer.headers.date ? Date.parse(answer.headers.date) : NaN;
    if (Number.isNaN(date)) return;
    const received = this.now();
    const hubMid = sentAt === undefined ? received : (sentAt + received) / 2;
    const measured = date + 500 - hubMid;
    if (force || Math.abs(measured - this.clockOffsetMs) > SKEW_TOLERANCE_MS) {
      this.clockOffsetMs = Math.abs(measured) > SKEW_TOLERANCE_MS || force ? measured : 0;
    }
  }

  private roundTrip(
    method: string,
    pathAndQuery: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<CloudAnswer> {
    if (this.closed) return Promise.reject(new TransportError('the sync client is closed'));
    const url = new URL(pathAndQuery, this.base);
    const transport = url.protocol === 'https:' ? https : http;
    const timeoutMs = this.timeoutMs;
    return new Promise<CloudAnswer>((resolve, reject) => {
      let connected = false;
      const timedOut = () =>
        req.destroy(new TransportError('the cloud did not answer in time', 'ETIMEDOUT', connected));
      // A deadline for the whole call, not only for an idle socket: a cloud that trickles bytes forever
      // must not hold the relay.
      const deadline = setTimeout(timedOut, timeoutMs);
      const req = transport.request(
        url,
        { method, headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            this.active.delete(req);
            clearTimeout(deadline);
            if (!res.complete) return reject(new TransportError('the answer was cut off', 'ECONNRESET'));
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', (err: NodeJS.ErrnoException) => {
            this.active.delete(req);
            clearTimeout(deadline);
            reject(new TransportError(err.message, err.code));
          });
        },
      );
      this.active.add(req);
      req.on('socket', (socket) => {
        // A kept-alive socket is open already; a new one opens (or not) later.
        if (!socket.connecting) connected = true;
        else socket.once('connect', () => (connected = true));
      });
      req.on('timeout', timedOut);
      req.on('error', (err: NodeJS.ErrnoException) => {
        this.active.delete(req);
        clearTimeout(deadline);
        reject(err instanceof TransportError ? err : new TransportError(err.message, err.code));
      });
      req.end(body);
    });
  }

  /** Aborts calls in flight (their events stay in the outbox and are sent again later). */
  close(): void {
    this.closed = true;
    for (const req of this.active)
      req.destroy(new TransportError('the sync client was stopped', 'ECANCELED'));
    this.active.clear();
    this.agent.destroy();
  }
}

/** `details.reason` of a cloud 401 (cloud-sync/auth/verify-request.ts), if the body says. */
export function authFailureReason(answer: CloudAnswer): string | undefined {
  try {
    const body = JSON.parse(answer.body) as { details?: { reason?: unknown } };
    return typeof body.details?.reason === 'string' ? body.details.reason : undefined;
  } catch {
    return undefined;
  }
}

/** A short description of an error answer for status and logs: `401 KEY_EXPIRED: key … expired`. */
export function describeAnswer(answer: CloudAnswer): string {
  try {
    const body = JSON.parse(answer.body) as {
      code?: string;
      message?: string;
      details?: { reason?: string };
    };
    const code = body.details?.reason ?? body.code ?? '';
    return `${answer.status} ${code}${body.message ? `: ${body.message}` : ''}`.slice(0, 500);
  } catch {
    return `${answer.status} ${answer.body.slice(0, 200)}`;
  }
}

/** Retry-After in ms (seconds or an HTTP date), capped at 10 minutes. */
export function retryAfterMs(answer: CloudAnswer, nowMs: number): number | undefined {
  const value = answer.headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - nowMs;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), 10 * 60_000);
}
