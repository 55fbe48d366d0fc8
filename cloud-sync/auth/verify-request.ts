// Checks a hub's signed request: headers, 5-minute window, key state, HMAC (constant time), then nonce.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../protocol/errors.js';
import {
  canonicalRequest,
  NONCE_PATTERN,
  SIGNATURE_WINDOW_MS,
  SIGNING_HEADERS,
} from '../../protocol/sync/request-signing.js';
import type { Clock } from '../clock.js';
import { keyStateAt, type KeyLookup, type StoredKey } from './hub-keys.js';
import type { NonceStore } from './nonce-store.js';

export const AUTH_FAILURES = [
  'MISSING_HEADER',
  'BAD_TIMESTAMP',
  'TIMESTAMP_OUT_OF_WINDOW',
  'BAD_NONCE',
  'UNKNOWN_KEY',
  'KEY_EXPIRED',
  'KEY_REVOKED',
  'BAD_SIGNATURE',
  'REPLAYED_NONCE',
] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];

function refuse(reason: AuthFailure, message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, { reason });
}

export interface SignedRequest {
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Uint8Array;
}

export interface VerifierDeps {
  findKey: KeyLookup;
  nonces: NonceStore;
  clock: Clock;
  windowMs?: number;
}

export type VerifiedHub = Pick<StoredKey, 'keyId' | 'hubId' | 'branchId' | 'tenantId'>;

/** Returns who signed, or throws UNAUTHENTICATED with `details.reason` saying exactly what failed. */
export async function verifySignedRequest(req: SignedRequest, deps: VerifierDeps): Promise<VerifiedHub> {
  const windowMs = deps.windowMs ?? SIGNATURE_WINDOW_MS;
  const header = (name: string): string => {
    const value = req.headers[name];
    if (value === undefined || value === '') throw refuse('MISSING_HEADER', `missing header ${name}`);
    return value;
  };
  const keyId = header(SIGNING_HEADERS.keyId);
  const timestampText = header(SIGNING_HEADERS.timestamp);
  const nonce = header(SIGNING_HEADERS.nonce);
  const signature = header(SIGNING_HEADERS.signature);

  if (!/^\d{1,16}$/.test(timestampText)) {
    throw refuse('BAD_TIMESTAMP', `${SIGNING_HEADERS.timestamp} must be Unix milliseconds`);
  }
  const timestampMs = Number(timestampText);
  const now = deps.clock.nowMs();
  const skew = timestampMs - now;
  if (Math.abs(skew) > windowMs) {
    const direction = skew < 0 ? 'old' : 'far in the future';
    throw refuse(
      'TIMESTAMP_OUT_OF_WINDOW',
      `request timestamp is ${Math.round(Math.abs(skew) / 1000)} s ${direction}; allowed skew is ${windowMs / 1000} s (check the hub's clock)`,
    );
  }
  if (!NONCE_PATTERN.test(nonce))
    throw refuse('BAD_NONCE', 'nonce must be 16-128 letters, digits, "-" or "_"');

  const key = await deps.findKey(keyId);
  if (key === undefined) throw refuse('UNKNOWN_KEY', `unknown key id ${keyId.slice(0, 64)}`);
  const state = keyStateAt(key, now);
  if (state === 'revoked') throw refuse('KEY_REVOKED', `key ${keyId} was revoked`);
  if (state === 'expired')
    throw refuse('KEY_EXPIRED', `key ${keyId} expired after rotation; use the hub's new key`);

  const bodyHash = createHash('sha256').update(req.rawBody).digest('hex');
  const canonical = canonicalRequest(
    { method: req.method, path: req.path, keyId, timestampMs, nonce },
    bodyHash,
  );
  const expected = createHmac('sha256', Buffer.from(key.signingKeyHash, 'hex')).update(canonical).digest();
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  // Length first (it is public: always 32 bytes), then a constant-time compare of the bytes.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw refuse('BAD_SIGNATURE', 'signature does not match the request (body, path, headers or key differ)');
  }
  // Only a correctly signed request may use up a nonce, so strangers cannot fill the store.
  const fresh = await deps.nonces.claim(keyId, nonce, timestampMs + windowMs, now);
  if (!fresh) throw refuse('REPLAYED_NONCE', 'nonce already used: this request was replayed');

  return { keyId: key.keyId, hubId: key.hubId, branchId: key.branchId, tenantId: key.tenantId };
}
