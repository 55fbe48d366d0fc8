// Correlation ids for HTTP requests: keep a caller's id when it is safe to log and echo, else make one.
import { randomUUID } from 'node:crypto';

/** Short and printable only, so a client cannot inject log lines or response headers through it. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

export function isSaneRequestId(value: string): boolean {
  return SANE_REQUEST_ID.test(value);
}

/** The caller's `x-request-id` when sane, otherwise a fresh UUID. */
export function requestIdFrom(headerValue: string | undefined): string {
  return headerValue !== undefined && isSaneRequestId(headerValue) ? headerValue : randomUUID();
}
