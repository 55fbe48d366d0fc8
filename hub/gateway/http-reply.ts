// Turns a handler's reply, or whatever it threw, into the bytes and headers that go on the wire.
// Only AppError messages reach clients; anything else is logged and answered as a bare INTERNAL.
import type { Logger } from 'pino';
import { AppError, HTTP_STATUS, type ErrorBody, type ErrorCode } from '../../protocol/errors.js';
import type { HttpReply } from './http-types.js';
import { JSON_CONTENT_TYPE, type Outgoing } from './http-response.js';

/** uWS writes these itself; a handler setting them would corrupt the framing. */
const RESERVED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'date',
  'x-request-id',
]);

/** API data is live; tablets must never show a cached order list. */
const API_CACHE_CONTROL = 'no-store';

export function baseHeaders(requestId: string): Record<string, string> {
  return { 'X-Request-ID': requestId };
}

export function errorOutgoing(requestId: string, body: ErrorBody, closeConnection = false): Outgoing {
  // An error that says when to come back (a rate limit) says it in the standard header too.
  const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return {
    status: HTTP_STATUS[body.code],
    headers: {
      ...baseHeaders(requestId),
      'Content-Type': JSON_CONTENT_TYPE,
      'Cache-Control': API_CACHE_CONTROL,
      ...(typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {}),
    },
    body: JSON.stringify(body),
    closeConnection,
  };
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { code, message };
}

/** An AppError keeps its code and message; anything else is logged with its cause and hidden. */
export function thrownToOutgoing(err: unknown, requestId: string, log: Logger): Outgoing {
  if (err instanceof AppError) {
    if (err.code === 'INTERNAL') log.error({ err }, 'route answered INTERNAL');
    return errorOutgoing(requestId, err.toBody());
  }
  log.error({ err }, 'unhandled error in route handler');
  return errorOutgoing(requestId, errorBody('INTERNAL', 'internal error'));
}

function checkedHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw new Error(`handler may not set header ${name}`);
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) {
      throw new Error(`handler set an invalid header ${JSON.stringify(name)}`);
    }
    out[name] = value;
  }
  return out;
}

/** Throws on a malformed reply (bad status, reserved header, body JSON cannot encode): a bug, so a 500. */
export function replyToOutgoing(reply: HttpReply, requestId: string): Outgoing {
  const hasContent = reply.raw !== undefined || reply.body !== undefined;
  const status = reply.status ?? (hasContent ? 200 : 204);
  if (!Number.isInteger(status) || status < 200 || status > 599)
    throw new Error(`handler replied status ${status}`);
  const extra = checkedHeaders(reply.headers);
  const headers: Record<string, string> = { ...baseHeaders(requestId), 'Cache-Control': API_CACHE_CONTROL };
  let body: Buffer | string | undefined;
  if (reply.raw !== undefined) {
    headers['Content-Type'] = reply.raw.contentType;
    body = reply.raw.data;
  } else if (reply.body !== undefined) {
    headers['Content-Type'] = JSON_CONTENT_TYPE;
    const json: unknown = JSON.stringify(reply.body);
    if (typeof json !== 'string') throw new Error('reply body does not encode as JSON');
    body = json;
  }
  // Handler headers win over the defaults (e.g. a cacheable catalog), compared case-insensitively.
  for (const name of Object.keys(extra)) {
    for (const existing of Object.keys(headers)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    }
  }
  const noBody = status === 204 || status === 304;
  return { status, headers: { ...headers, ...extra }, body: noBody ? undefined : (body ?? '') };
}
