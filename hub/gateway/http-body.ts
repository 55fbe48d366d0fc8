// Reads a uWS request body under a byte limit and parses it as JSON.
// uWS hands out chunks whose memory is reused once the callback returns, so each one is copied.
import type { HttpResponse } from 'uWebSockets.js';
import { AppError } from '../../protocol/errors.js';

export type BodyOutcome =
  | { readonly kind: 'complete'; readonly data: Buffer }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'aborted' };

export interface BodyReader {
  readonly done: Promise<BodyOutcome>;
  /** Call from the response's onAborted handler: settles `done` as aborted. */
  abort(): void;
}

const EMPTY = Buffer.alloc(0);

/** True when the client announced more bytes than allowed, so we can refuse before reading any. */
export function declaredTooLarge(contentLength: string | undefined, maxBytes: number): boolean {
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > maxBytes;
}

/**
 * Starts reading at once; must be called synchronously inside the uWS handler, or the chunks
 * that arrive before the first await are lost.
 */
export function readBody(res: HttpResponse, maxBytes: number): BodyReader {
  const chunks: Buffer[] = [];
  let received = 0;
  let settle: (outcome: BodyOutcome) => void = () => {};
  let settled = false;
  const done = new Promise<BodyOutcome>((resolve) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
  });

  res.onData((chunk, isLast) => {
    if (settled) return; // over the limit already: drop the rest until the connection closes
    received += chunk.byteLength;
    if (received > maxBytes) {
      chunks.length = 0;
      settle({ kind: 'too-large' });
      return;
    }
    if (chunk.byteLength > 0) chunks.push(Buffer.from(new Uint8Array(chunk)));
    if (isLast)
      settle({ kind: 'complete', data: chunks.length === 0 ? EMPTY : Buffer.concat(chunks, received) });
  });

  return { done, abort: () => settle({ kind: 'aborted' }) };
}

/** Empty body → undefined; anything else must be JSON. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new AppError('INVALID', 'request body is not valid JSON');
  }
}
