// In-band re-auth: a socket takes a fresh token without reconnecting and keeps its feed; the old
// token's logout no longer closes it; a token for someone else is refused. Device unpair closes the
// device's sockets at once (4001) and its token stops opening new ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService, type AuthService } from '../hub/app/auth/auth-service.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { connect, subscribed } from './support/ws-client.js';
import { ACTORS, newCommandId, serveTable } from './support/live-service.js';

let t: HubUnderTest;
let auth: AuthService;
beforeAll(async () => {
  t = await startTestHub();
  auth = createAuthService({ db: t.hub.db });
});
afterAll(() => t.stop());

// Sign-ins on a second auth service (same secret) so the hub's login rate limit for 127.0.0.1 is not hit.
const login = async (staffId: string, pin: string) =>
  (await auth.login({ staffId, pin, remoteAddress: `reauth-${staffId}` })).accessToken;

const refused = (token: string) =>
  connect(t.hub.port, token).then(
    async (s) => {
      await s.close();
      return 101;
    },
    (err: { status: number }) => err.status,
  );

describe('in-band re-auth', () => {
  it('a fresh token over the open socket keeps the feed going, with no reconnect', async () => {
    const first = await login('staff-luis', '3333');
    const s = await subscribed(t.hub.port, first);
    const fresh = await login('staff-luis', '3333');
    const mark = s.frames.length;
    s.send({ type: 'auth', token: fresh });
    const ack = await s.next<{ type: 'authenticated'; expiresAt: number | null }>(
      (f) => f.type === 'authenticated',
      mark,
    );
    expect(ack.expiresAt).toBeGreaterThan(Date.now() / 1000);
    // Logging the old token out no longer closes this socket: it answers to the new one now.
    expect((await t.fetchJson('/api/auth/logout', { token: first, body: {} })).status).toBe(204);
    await serveTable(t.hub, 'table-2', ACTORS.LUIS);
    await s.next((f) => f.type === 'event' && f.event.type === 'RoundPlaced', mark);
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    // And logging the new one out does.
    await t.fetchJson('/api/auth/logout', { token: fresh, body: {} });
    expect(await s.closed).toEqual({ code: 4001, reason: 'signed out' });
  });

  it('a token for someone else is refused and the socket stays as it was', async () => {
    const s = await subscribed(t.hub.port, await login('staff-luis', '3333'));
    const mark = s.frames.length;
    s.send({ type: 'auth', token: await login('staff-sofia', '4444') });
    const err = await s.next<{ type: 'error'; code: string }>((f) => f.type === 'error', mark);
    expect(err.code).toBe('FORBIDDEN');
    s.send({ type: 'auth', token: 'not-a-token' });
    const bad = await s.next<{ type: 'error'; code: string }>((f) => f.type === 'error', mark + 1);
    expect(bad.code).toBe('UNAUTHENTICATED');
    s.send({ type: 'ping', id: 'still-here' });
    await s.next((f) => f.type === 'pong');
    await s.close();
  });
});

describe('device unpair', () => {
  it('closes the device’s sockets at once and its token opens no more', async () => {
    const paired = await t.fetchJson('/api/devices/pair', {
      token: t.tokens.MANAGER,
      body: { commandId: newCommandId('pair'), kind: 'KDS', name: 'Grill screen', station: 'grill' },
    });
    const { deviceId, token } = paired.body as { deviceId: string; token: string };
    const a = await subscribed(t.hub.port, token);
    const b = await subscribed(t.hub.port, token);
    const started = Date.now();
    const r = await t.fetchJson(`/api/devices/${deviceId}/unpair`, { token: t.tokens.MANAGER, body: {} });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deviceId, revokedTokens: 1, closedSockets: 2 });
    for (const s of [a, b])
      expect(await s.closed).toEqual({ code: 4001, reason: 'device unpaired; pair it again to use it' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await refused(token)).toBe(401);
  });

  it('is for managers only, and an unknown device is 404', async () => {
    const waiter = await t.fetchJson('/api/devices/x/unpair', { token: t.tokens.WAITER, body: {} });
    expect(waiter.status).toBe(403);
    const unknown = await t.fetchJson('/api/devices/no-such-device/unpair', {
      token: t.tokens.ADMIN,
      body: {},
    });
    expect(unknown.status).toBe(404);
  });
});
