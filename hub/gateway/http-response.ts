// Writes responses to uWS: corked, never after an abort, and honouring backpressure for big bodies.
import type { Span } from '@opentelemetry/api';
import { STATUS_CODES } from 'node:http';
import type { HttpResponse } from 'uWebSockets.js';

/** Shared between the abort handler and the code that answers later. */
export interface ResponseState {
  aborted: boolean;
  /** Set once a response has been started, so nothing writes twice. */
  answered: boolean;
  /** A HEAD request: headers only, whatever the body (uWS would otherwise send it and break keep-alive). */
  readonly head: boolean;
}

export interface Outgoing {
  status: number;
  headers: Record<string, string>;
  /** Omitted for 204/304 and HEAD. */
  body?: Buffer | string;
  /** For HEAD: the length the GET would have sent. */
  headLength?: number;
  /**
   * Close after answering, e.g. when the rest of an oversize body is still on the wire. Only honoured
   * with a body: endWithoutBody must get no arguments at all (an explicit `undefined` length is read
   * as a huge number by the native binding), so it cannot take the close flag.
   */
  closeConnection?: boolean;
}

/** What the adapter reports per response; `route` is the pattern, `started` a performance.now(). */
export interface FinishInfo {
  method: string;
  route: string;
  started: number;
  /** The request's trace span, ended with the response. */
  span?: Span;
}

/** Sends `out` and, when it went out, reports it to the server's onResponse hook. */
export type Finish = (res: HttpResponse, state: ResponseState, out: Outgoing, info: FinishInfo) => void;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function newResponseState(method = 'GET'): ResponseState {
  return { aborted: false, answered: false, head: method.toUpperCase() === 'HEAD' };
}

function statusLine(status: number): string {
  const reason = STATUS_CODES[status];
  return reason === undefined ? String(status) : `${status} ${reason}`;
}

/** Returns false when nothing was written because the client is gone or an answer was already sent. */
export function send(res: HttpResponse, state: ResponseState, out: Outgoing): boolean {
  if (state.aborted || state.answered) return false;
  state.answered = true;
  res.cork(() => {
    res.writeStatus(statusLine(out.status));
    for (const [name, value] of Object.entries(out.headers)) res.writeHeader(name, value);
    const headLength = state.head && out.body !== undefined ? Buffer.byteLength(out.body) : out.headLength;
    if (headLength !== undefined) {
      // Not endWithoutBody(headLength): in this uWS build that leaves the response open, waiting for
      // the announced bytes, and the keep-alive connection stalls. Announce the length by hand instead.
      res.writeHeader('Content-Length', String(headLength));
      res.endWithoutBody();
    } else if (out.body === undefined) {
      res.endWithoutBody();
    } else if (out.closeConnection) {
      res.end(out.body, true);
    } else {
      sendWithBackpressure(res, state, typeof out.body === 'string' ? Buffer.from(out.body) : out.body);
    }
  });
  return true;
}

/** tryEnd writes what the socket takes now; onWritable resumes from the offset uWS reports. */
function sendWithBackpressure(res: HttpResponse, state: ResponseState, body: Buffer): void {
  const startOffset = res.getWriteOffset();
  const [ok, done] = res.tryEnd(body, body.length);
  if (ok || done) return;
  res.onWritable((offset) => {
    if (state.aborted) return true;
    const [retryOk] = res.tryEnd(body.subarray(offset - startOffset), body.length);
    return retryOk;
  });
}
