// Staff sign-in end to end on the demo branch: PINs, rate limits, refresh, logout, revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../protocol/errors.js';
import { ADMIN, createHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { DEMO_STAFF } from '../demo-branch.js';
import { createAuthService } from './auth-service.js';

function manualClock(startIso = '2025-06-01T12:00:00.000Z') {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (seconds: number) => void (t += seconds * 1000) };
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

// One demo branch for the file: its argon2 hashes are the slow part. Each test takes its own
// auth service (own clock, own limiter) and its own staff or addresses where state could leak.
let f: HubFixture;
beforeAll(async () => {
  f = await createHubFixture();
});
afterAll(() => f.close());

function setup() {
  const clock = manualClock();
  return { clock, auth: createAuthService({ db: f.db, now: clock.now }) };
}

describe('PIN login', () => {
  it.each(DEMO_STAFF.map((s) => [s.staffId, s.role, s.pin] as const))(
    '%s (%s) signs in with their demo PIN and the token verifies to them',
    async (staffId, role, pin) => {
      const { auth } = setup();
      const session = await auth.login({ staffId, pin, remoteAddress: '10.0.0.2' });
      expect(await auth.verify(session.accessToken)).toEqual({ kind: 'staff', staffId, role });
      expect(session.staff).toMatchObject({ id: staffId, role });
      expect(session.expiresAt).toBe('2025-06-01T12:15:00.000Z');
    },
  );

  it("a waiter's session carries their name and sectors", async () => {
    const { auth } = setup();
    const session = await auth.login({ staffId: 'staff-luis', pin: '3333', remoteAddress: '10.0.0.2' });
    expect(session.staff).toEqual({
      id: 'staff-luis',
      name: 'Luis',
      role: 'WAITER',
      sectorIds: ['sector-salon'],
    });
  });

  it('a wrong PIN, an unknown staff id and a disabled staff member all get the same answer', async () => {
    const { auth } = setup();
    await f.ok(ADMIN, {
      type: 'CreateStaff',
      payload: { staffId: 'staff-gone', name: 'Gone', role: 'WAITER', pin: '7777' },
    });
    await f.ok(ADMIN, { type: 'UpdateStaff', payload: { staffId: 'staff-gone', active: false } });
    const attempts = [
      { staffId: 'staff-luis', pin: '0000' },
      { staffId: 'staff-nobody', pin: '3333' },
      { staffId: 'staff-gone', pin: '7777' },
    ];
    for (const [i, a] of attempts.entries()) {
      const err = await refusal(auth.login({ ...a, remoteAddress: `10.0.1.${i}` }));
      expect(err.toBody()).toEqual({ code: 'UNAUTHENTICATED', message: 'wrong staff or PIN' });
    }
    expect(auth.listLoginStaff().map((s) => s.id)).not.toContain('staff-gone');
  });

  it('the sixth attempt on one staff member within a minute is refused, from any address, until the window passes', async () => {
    const { clock, auth } = setup();
    for (let i = 0; i < 5; i++) {
      await refusal(auth.login({ staffId: 'staff-marta', pin: '9999', remoteAddress: `10.0.2.${i}` }));
      clock.advance(1);
    }
    const err = await refusal(
      auth.login({ staffId: 'staff-marta', pin: '2222', remoteAddress: '10.0.2.99' }),
    );
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.details).toEqual({ retryAfterSeconds: 55 });
    clock.advance(55);
    const session = await auth.login({ staffId: 'staff-marta', pin: '2222', remoteAddress: '10.0.2.99' });
    expect((await auth.verify(session.accessToken)).staffId).toBe('staff-marta');
  });

  it('the sixth attempt from one address within a minute is refused, whichever staff it names, until the window passes', async () => {
    const { clock, auth } = setup();
    const staffIds = DEMO_STAFF.map((s) => s.staffId);
    for (const staffId of staffIds)
      await refusal(auth.login({ staffId, pin: '0000', remoteAddress: '10.0.3.1' }));
    const err = await refusal(auth.login({ staffId: 'staff-ana', pin: '1111', remoteAddress: '10.0.3.1' }));
    expect(err.code).toBe('RATE_LIMITED');
    // Another tablet is not held back by this one, even for the same people.
    await auth.login({ staffId: 'staff-ana', pin: '1111', remoteAddress: '10.0.3.2' });
    clock.advance(60);
    await auth.login({ staffId: 'staff-ana', pin: '1111', remoteAddress: '10.0.3.1' });
  });

  it('only failed attempts count: a shared tablet where the whole shift signs in within a minute is not locked out', async () => {
    const { auth } = setup();
    for (let round = 0; round < 2; round++)
      for (const s of DEMO_STAFF)
        await auth.login({ staffId: s.staffId, pin: s.pin, remoteAddress: '10.0.5.1' });
    // Five wrong PINs from that tablet still lock it, whoever they name.
    for (const s of DEMO_STAFF)
      await refusal(auth.login({ staffId: s.staffId, pin: '0000', remoteAddress: '10.0.5.1' }));
    const err = await refusal(auth.login({ staffId: 'staff-ana', pin: '1111', remoteAddress: '10.0.5.1' }));
    expect(err.code).toBe('RATE_LIMITED');
  });

  it('lists the active staff for the "who are you" screen, without secrets', async () => {
    const { auth } = setup();
    const listed = auth.listLoginStaff();
    for (const s of DEMO_STAFF) expect(listed).toContainEqual({ id: s.staffId, name: s.name, role: s.role });
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(['id', 'name', 'role']);
  });
});

describe('sessions', () => {
  it('refresh rotates: the old refresh token stops working, and reusing it ends the new session too', async () => {
    const { clock, auth } = setup();
    const first = await auth.login({ staffId: 'staff-sofia', pin: '4444', remoteAddress: '10.0.4.1' });
    clock.advance(600);
    const second = await auth.refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.staff.id).toBe('staff-sofia');
    expect((await auth.verify(second.accessToken)).staffId).toBe('staff-sofia');

    clock.advance(1);
    expect((await refusal(auth.refresh({ refreshToken: first.refreshToken }))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(auth.refresh({ refreshToken: second.refreshToken }))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(auth.verify(second.accessToken))).message).toBe('access token has been revoked');
  });

  it('an expired access token is refused, and refresh gives a fresh one', async () => {
    const { clock, auth } = setup();
    const session = await auth.login({ staffId: 'staff-jorge', pin: '5555', remoteAddress: '10.0.5.1' });
    clock.advance(15 * 60);
    expect((await refusal(auth.verify(session.accessToken))).message).toBe('access token has expired');
    const renewed = await auth.refresh({ refreshToken: session.refreshToken });
    expect(await auth.verify(renewed.accessToken)).toEqual({
      kind: 'staff',
      staffId: 'staff-jorge',
      role: 'KITCHEN',
    });
  });

  it('logout takes effect at once: the access token is refused right after, and the refresh token too', async () => {
    const { auth } = setup();
    const session = await auth.login({ staffId: 'staff-luis', pin: '3333', remoteAddress: '10.0.6.1' });
    await auth.logout({ accessToken: session.accessToken, refreshToken: session.refreshToken });
    expect((await refusal(auth.verify(session.accessToken))).message).toBe('access token has been revoked');
    expect((await refusal(auth.refresh({ refreshToken: session.refreshToken }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('revokeAllForStaff refuses every earlier token of that person and no one else’s', async () => {
    const { clock, auth } = setup();
    const tablet = await auth.login({ staffId: 'staff-marta', pin: '2222', remoteAddress: '10.0.7.1' });
    const office = await auth.login({ staffId: 'staff-marta', pin: '2222', remoteAddress: '10.0.7.2' });
    const other = await auth.login({ staffId: 'staff-jorge', pin: '5555', remoteAddress: '10.0.7.3' });
    clock.advance(30);
    auth.revokeAllForStaff('staff-marta');
    for (const s of [tablet, office]) {
      expect((await refusal(auth.verify(s.accessToken))).message).toBe('access token has been revoked');
      expect((await refusal(auth.refresh({ refreshToken: s.refreshToken }))).code).toBe('UNAUTHENTICATED');
    }
    expect((await auth.verify(other.accessToken)).staffId).toBe('staff-jorge');
    // Signing in again straight away works.
    const again = await auth.login({ staffId: 'staff-marta', pin: '2222', remoteAddress: '10.0.7.1' });
    expect((await auth.verify(again.accessToken)).staffId).toBe('staff-marta');
  });

  it('a staff member disabled during the shift cannot refresh', async () => {
    const { auth } = setup();
    await f.ok(ADMIN, {
      type: 'CreateStaff',
      payload: { staffId: 'staff-temp', name: 'Temp', role: 'WAITER', pin: '8888' },
    });
    const session = await auth.login({ staffId: 'staff-temp', pin: '8888', remoteAddress: '10.0.8.1' });
    await f.ok(ADMIN, { type: 'UpdateStaff', payload: { staffId: 'staff-temp', active: false } });
    const err = await refusal(auth.refresh({ refreshToken: session.refreshToken }));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect((await refusal(auth.verify(session.accessToken))).message).toBe('access token has been revoked');
  });
});
