// Signed requests against real keys in the database: accepted, and every way to get it wrong refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../protocol/sync/request-signing.js';
import { manualClock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';
import { seedHub, type SeededHub } from '../test-support/seed.js';
import { findKey, KEY_ROTATION_OVERLAP_MS, revokeKey, rotateKey } from './hub-keys.js';
import { memoryNonceStore } from './nonce-store.js';
import { verifySignedRequest } from './verify-request.js';

const T0 = Date.parse('2026-11-27T21:00:00Z');
const MINUTE = 60_000;
const PATH = '/v1/ingest';
const BODY = '{"events":[]}';

describe.each(DB_TARGETS)('signed request verification on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
  });
  afterAll(() => opened?.close());

  function verifier(clock = manualClock(T0)) {
    const nonces = memoryNonceStore();
    return {
      clock,
      verify: (headers: Record<string, string>, body = BODY, path = PATH) =>
        verifySignedRequest(
          { method: 'POST', path, headers, rawBody: new TextEncoder().encode(body) },
          { findKey: (id) => findKey(db, id), nonces, clock },
        ),
    };
  }

  const sign = (
    key: { keyId: string; secret: string },
    nowMs: number,
    extra: { body?: string; nonce?: string } = {},
  ) =>
    signRequest({
      method: 'POST',
      path: PATH,
      keyId: key.keyId,
      secret: key.secret,
      body: extra.body ?? BODY,
      nowMs,
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
    });

  let hub: SeededHub;
  beforeAll(async () => {
    hub = await seedHub(db, manualClock(T0));
  });

  it('accepts a correctly signed request and says which hub sent it', async () => {
    const v = verifier();
    await expect(v.verify(await sign(hub, T0))).resolves.toMatchObject({
      hubId: hub.hubId,
      branchId: hub.branchId,
      keyId: hub.keyId,
    });
  });

  it('refuses the same request replayed inside the window', async () => {
    const v = verifier();
    const headers = await sign(hub, T0);
    await v.verify(headers);
    await expect(v.verify(headers)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'REPLAYED_NONCE' },
    });
  });

  it.each([
    ['10 minutes behind', -10 * MINUTE],
    ['10 minutes ahead', 10 * MINUTE],
  ])('refuses a timestamp %s of the cloud clock, and accepts 4 minutes of skew', async (_label, skew) => {
    const v = verifier();
    await expect(v.verify(await sign(hub, T0 + skew))).rejects.toMatchObject({
      details: { reason: 'TIMESTAMP_OUT_OF_WINDOW' },
    });
    await expect(v.verify(await sign(hub, T0 + Math.sign(skew) * 4 * MINUTE))).resolves.toBeDefined();
  });

  it('refuses a tampered body, a changed path and a wrong secret', async () => {
    const v = verifier();
    await expect(v.verify(await sign(hub, T0), '{"events":[1]}')).rejects.toMatchObject({
      details: { reason: 'BAD_SIGNATURE' },
    });
    await expect(v.verify(await sign(hub, T0), BODY, '/v1/other')).rejects.toMatchObject({
      details: { reason: 'BAD_SIGNATURE' },
    });
    await expect(
      v.verify(await sign({ keyId: hub.keyId, secret: 'cks_not-the-secret' }, T0)),
    ).rejects.toMatchObject({
      details: { reason: 'BAD_SIGNATURE' },
    });
  });

  it('refuses an unknown key id and missing headers with a clear message', async () => {
    const v = verifier();
    await expect(v.verify(await sign({ keyId: 'ck_nobody', secret: 'x' }, T0))).rejects.toMatchObject({
      details: { reason: 'UNKNOWN_KEY' },
      message: expect.stringContaining('ck_nobody'),
    });
    await expect(v.verify({})).rejects.toMatchObject({
      details: { reason: 'MISSING_HEADER' },
      message: expect.stringContaining('x-comanda-key-id'),
    });
  });

  it('keeps an old key working for 24 h after rotation, then refuses it; the new key works', async () => {
    const own = await seedHub(db, manualClock(T0));
    const clock = manualClock(T0);
    const { issued, retiring } = await rotateKey(db, own.hubId, clock);
    expect(retiring).toEqual([
      { keyId: own.keyId, expiresAt: new Date(T0 + KEY_ROTATION_OVERLAP_MS).toISOString() },
    ]);
    const v = verifier(clock);
    clock.set(T0 + KEY_ROTATION_OVERLAP_MS - MINUTE);
    await expect(v.verify(await sign(own, clock.nowMs()))).resolves.toMatchObject({ hubId: own.hubId });
    clock.set(T0 + KEY_ROTATION_OVERLAP_MS + MINUTE);
    await expect(v.verify(await sign(own, clock.nowMs()))).rejects.toMatchObject({
      details: { reason: 'KEY_EXPIRED' },
    });
    await expect(v.verify(await sign(issued, clock.nowMs()))).resolves.toMatchObject({
      hubId: own.hubId,
      keyId: issued.keyId,
    });
  });

  it('a second rotation does not extend a key already retiring', async () => {
    const own = await seedHub(db, manualClock(T0));
    const clock = manualClock(T0);
    await rotateKey(db, own.hubId, clock);
    clock.advance(12 * 60 * MINUTE);
    const second = await rotateKey(db, own.hubId, clock);
    const original = second.retiring.find((k) => k.keyId === own.keyId);
    expect(original?.expiresAt).toBe(new Date(T0 + KEY_ROTATION_OVERLAP_MS).toISOString());
  });

  it('a revoked key stops at once', async () => {
    const own = await seedHub(db, manualClock(T0));
    const clock = manualClock(T0);
    const v = verifier(clock);
    await expect(v.verify(await sign(own, T0))).resolves.toBeDefined();
    expect(await revokeKey(db, own.keyId, clock)).toBe(true);
    await expect(v.verify(await sign(own, T0))).rejects.toMatchObject({ details: { reason: 'KEY_REVOKED' } });
  });
});

describe('nonce store', () => {
  it('forgets a nonce once its window has passed', async () => {
    const store = memoryNonceStore();
    expect(await store.claim('k', 'n', 100, 0)).toBe(true);
    expect(await store.claim('k', 'n', 100, 50)).toBe(false);
    expect(await store.claim('other-key', 'n', 100, 50)).toBe(true);
    expect(await store.claim('k', 'n', 300, 150)).toBe(true);
  });
});
