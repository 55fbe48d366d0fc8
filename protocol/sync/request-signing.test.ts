// The Web Crypto signer must produce exactly what a plain node:crypto HMAC over the documented string gives.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  deriveSigningKey,
  newNonce,
  NONCE_PATTERN,
  signRequest,
  SIGNING_HEADERS,
} from './request-signing.js';

describe('request signing', () => {
  it('signs method, path, key id, timestamp, nonce and body hash, one per line, with the derived key', async () => {
    const body = '{"hello":"mundo ñ"}';
    const headers = await signRequest({
      method: 'post',
      path: '/v1/ingest',
      keyId: 'ck_1',
      secret: 'cks_secret',
      body,
      nowMs: 1_800_000_000_000,
      nonce: 'nonce-0123456789abcdef',
    });
    const key = createHash('sha256').update('comanda-hub-key:v1:cks_secret').digest();
    const canonical = `COMANDA-HMAC-SHA256\nPOST\n/v1/ingest\nck_1\n1800000000000\nnonce-0123456789abcdef\n${createHash('sha256').update(body).digest('hex')}`;
    expect(headers[SIGNING_HEADERS.signature]).toBe(
      createHmac('sha256', key).update(canonical).digest('hex'),
    );
    expect(headers[SIGNING_HEADERS.timestamp]).toBe('1800000000000');
    expect(await deriveSigningKey('cks_secret')).toBe(key.toString('hex'));
  });

  it('gives a different string when any signed part changes', () => {
    const parts = { method: 'POST', path: '/v1/ingest', keyId: 'k', timestampMs: 1, nonce: 'n' };
    const base = canonicalRequest(parts, 'h');
    expect(canonicalRequest({ ...parts, path: '/v1/ingest2' }, 'h')).not.toBe(base);
    expect(canonicalRequest({ ...parts, nonce: 'm' }, 'h')).not.toBe(base);
    expect(canonicalRequest(parts, 'g')).not.toBe(base);
  });

  it('makes fresh nonces the verifier accepts', () => {
    const a = newNonce();
    expect(a).toMatch(NONCE_PATTERN);
    expect(newNonce()).not.toBe(a);
  });
});
