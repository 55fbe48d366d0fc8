// The PIN login limit over HTTP: failed attempts lock an address with 429, which says when to come back
// in the body and in the standard Retry-After header; successful sign-ins do not count.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

it('locks an address after five wrong PINs with 429 and Retry-After, after any number of good ones', async () => {
  const login = (staffId: string, pin: string) => t.fetchJson('/api/auth/login', { body: { staffId, pin } });
  // startTestHub signed in every role already; a shift change signs in again.
  for (const [id, pin] of [
    ['staff-luis', '3333'],
    ['staff-sofia', '4444'],
    ['staff-jorge', '5555'],
  ] as const)
    expect((await login(id, pin)).status).toBe(200);
  for (let i = 0; i < 5; i++) expect((await login('staff-luis', '0000')).status).toBe(401);
  const locked = await login('staff-ana', '1111');
  expect(locked.status).toBe(429);
  expect(locked.body).toMatchObject({
    code: 'RATE_LIMITED',
    details: { retryAfterSeconds: expect.any(Number) },
  });
  expect(Number(locked.headers.get('retry-after'))).toBe(
    (locked.body as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds,
  );
});
