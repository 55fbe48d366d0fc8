// Revocation reaches live sockets at once: logout, a disabled staff member, reassigned sectors and a
// closed table session close the matching sockets with a reason; the token then fails at upgrade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';
import { connect, subscribed } from './support/ws-client.js';
import { createAuthService, type AuthService } from '../hub/app/auth/auth-service.js';
import { ACTORS, joinCodeOf, newCommandId, run } from './support/live-service.js';

let t: HubUnderTest;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.stop());

// A second auth service on the hub's database signs tokens the hub accepts (same secret), without
// running into the login rate limit of 127.0.0.1 that the test hub's own sign-ins already used.
let auth: AuthService;
async function login(staffId: string, pin: string): Promise<string> {
  auth ??= createAuthService({ db: t.hub.db });
  return (await auth.login({ staffId, pin, remoteAddress: `test-${staffId}` })).accessToken;
}

const refusedStatus = (token: string) =>
  connect(t.hub.port, token).then(
    async (s) => {
      await s.close();
      return 101;
    },
    (err: { status: number }) => err.status,
  );

describe('revocation', () => {
  it('logout closes the sockets opened with that token, and only those', async () => {
    const mine = await login('staff-luis', '3333');
    const other = await login('staff-luis', '3333');
    const a = await subscribed(t.hub.port, mine);
    const b = await subscribed(t.hub.port, other);
    const r = await t.fetchJson('/api/auth/logout', { token: mine, body: {} });
    expect(r.status).toBe(204);
    expect(await a.closed).toEqual({ code: 4001, reason: 'signed out' });
    expect(b.ws.readyState).toBe(b.ws.OPEN);
    expect(await refusedStatus(mine)).toBe(401);
    await b.close();
  });

  it('disabling a staff member closes their sockets and refuses their token', async () => {
    await run(t.hub, ACTORS.ADMIN, 'CreateStaff', {
      staffId: 'staff-temp',
      name: 'Temp',
      role: 'KITCHEN',
      pin: '9090',
    });
    const token = await login('staff-temp', '9090');
    const s = await subscribed(t.hub.port, token);
    await run(t.hub, ACTORS.ADMIN, 'UpdateStaff', { staffId: 'staff-temp', active: false });
    expect((await s.closed).code).toBe(4001);
    expect(await refusedStatus(token)).toBe(401);
  });

  it('reassigning a waiter’s sectors makes their sockets reconnect with the new permissions', async () => {
    const token = await login('staff-sofia', '4444');
    const s = await subscribed(t.hub.port, token);
    await run(t.hub, ACTORS.ADMIN, 'AssignSectors', { staffId: 'staff-sofia', sectorIds: ['sector-salon'] });
    expect((await s.closed).code).toBe(4010);
    const again = await connect(t.hub.port, token);
    const welcome = await again.next((f) => f.type === 'welcome');
    expect(welcome).toMatchObject({ principal: { sectorIds: ['sector-salon'] } });
    await again.close();
  });

  it('a diner’s socket gets the closing event, then closes; the table token is dead after', async () => {
    const { sessionId } = (await run(t.hub, ACTORS.ADMIN, 'OpenSession', {
      tableId: 'table-3',
      guests: 2,
    })) as {
      sessionId: string;
    };
    const join = await t.fetchJson('/api/diner/join', {
      body: { commandId: newCommandId('join'), joinCode: joinCodeOf(t.hub, 'table-3') },
    });
    const token = (join.body as { token: string }).token;
    const s = await subscribed(t.hub.port, token);
    await run(t.hub, ACTORS.MANAGER, 'VoidSession', { sessionId, reason: 'left without ordering' });
    expect((await s.closed).code).toBe(4001);
    expect(s.events().some((e) => e.event.type === 'SessionVoided')).toBe(true);
    expect(await refusedStatus(token)).toBe(401);
  });
});
