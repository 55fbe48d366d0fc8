// Access and refresh tokens against a real hub SQLite file, with a hand-moved clock.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../protocol/errors.js';
import { createHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { openDatabase, type HubDatabase } from '../../store/database.js';
import { createTokenService } from './token-service.js';

const WAITER = { id: 'staff-luis', role: 'WAITER' } as const;

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

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hubSecret = (db: HubDatabase) =>
  (db.write.prepare("SELECT value FROM hub_meta WHERE key = 'jwt_secret'").get() as { value: string }).value;

let fixtures: HubFixture[] = [];
afterEach(() => {
  for (const f of fixtures) f.close();
  fixtures = [];
});

async function setup(options: { accessTtlSeconds?: number } = {}) {
  const f = await createHubFixture({ demo: false });
  fixtures.push(f);
  const clock = manualClock();
  const tokens = createTokenService({ db: f.db, now: clock.now, ...options });
  return { f, clock, tokens };
}

describe('access tokens', () => {
  it('verify to the staff actor they were issued for, until 15 minutes have passed', async () => {
    const { clock, tokens } = await setup();
    const { accessToken, expiresAt } = await tokens.issueSession(WAITER);
    expect(expiresAt).toBe('2025-06-01T12:15:00.000Z');
    clock.advance(15 * 60 - 1);
    expect(await tokens.verifyAccessToken(accessToken)).toEqual({
      kind: 'staff',
      staffId: 'staff-luis',
      role: 'WAITER',
    });
    clock.advance(1);
    const err = await refusal(tokens.verifyAccessToken(accessToken));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toBe('access token has expired');
  });

  it('follow a configured lifetime', async () => {
    const { clock, tokens } = await setup({ accessTtlSeconds: 60 });
    const { accessToken } = await tokens.issueSession(WAITER);
    clock.advance(60);
    expect((await refusal(tokens.verifyAccessToken(accessToken))).message).toBe('access token has expired');
  });

  it('are refused when their claims were edited, even by one field', async () => {
    const { tokens } = await setup();
    const { accessToken } = await tokens.issueSession(WAITER);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${b64({ ...claims, role: 'ADMIN' })}.${signature}`;
    const err = await refusal(tokens.verifyAccessToken(forged));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toBe('access token signature is invalid');
  });

  it('are refused when signed by another hub', async () => {
    const { tokens } = await setup();
    const other = await setup();
    const { accessToken } = await other.tokens.issueSession(WAITER);
    expect((await refusal(tokens.verifyAccessToken(accessToken))).message).toBe(
      'access token signature is invalid',
    );
  });

  it('are refused unsigned (alg none)', async () => {
    const { tokens } = await setup();
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'staff-ana', role: 'ADMIN', typ: 'staff' })}.`;
    expect((await refusal(tokens.verifyAccessToken(unsigned))).message).toBe('access token is malformed');
  });

  it('signed with the hub key but not for staff are refused', async () => {
    const { f, clock, tokens } = await setup();
    const key = new Uint8Array(Buffer.from(hubSecret(f.db), 'base64url'));
    const iat = Math.floor(clock.now().getTime() / 1000);
    const dinerToken = await new SignJWT({ role: 'WAITER', typ: 'diner' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-luis')
      .setJti('j-1')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .sign(key);
    expect((await refusal(tokens.verifyAccessToken(dinerToken))).message).toBe(
      'access token claims are invalid',
    );
  });

  it('random garbage is always refused as UNAUTHENTICATED and never throws anything else', async () => {
    const { tokens } = await setup();
    const { accessToken } = await tokens.issueSession(WAITER);
    const signedPart = accessToken.slice(0, accessToken.lastIndexOf('.'));
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/);
    const garbage = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.tuple(segment, segment, segment).map((parts) => parts.join('.')),
      fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([at, text]) => {
        // An edit anywhere in the signed header and payload must break the signature.
        const i = at % signedPart.length;
        return `${signedPart.slice(0, i)}${text}${signedPart.slice(i + 1)}${accessToken.slice(signedPart.length)}`;
      }),
      fc.string({ minLength: 5000, maxLength: 6000 }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, async (token) => {
        fc.pre(token !== accessToken);
        const err = await refusal(tokens.verifyAccessToken(token));
        expect(err.code).toBe('UNAUTHENTICATED');
        const refreshErr = await refusal(() => tokens.redeemRefreshToken(token));
        expect(refreshErr.code).toBe('UNAUTHENTICATED');
      }),
      { numRuns: 400 },
    );
  });
});

describe('refresh tokens', () => {
  it('can be spent once; spending one again signs the staff member out everywhere', async () => {
    const { clock, tokens } = await setup();
    const first = await tokens.issueSession(WAITER);
    expect(tokens.redeemRefreshToken(first.refreshToken)).toBe('staff-luis');
    clock.advance(5);
    const second = await tokens.issueSession(WAITER);
    clock.advance(5);
    const err = await refusal(() => tokens.redeemRefreshToken(first.refreshToken));
    expect(err.message).toMatch(/already used/);
    expect((await refusal(() => tokens.redeemRefreshToken(second.refreshToken))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await refusal(tokens.verifyAccessToken(second.accessToken))).message).toBe(
      'access token has been revoked',
    );
  });

  it('expire after a 12-hour shift without alarming anyone', async () => {
    const { clock, tokens } = await setup();
    const early = await tokens.issueSession(WAITER);
    const late = await tokens.issueSession(WAITER);
    clock.advance(12 * 3600 - 1);
    tokens.redeemRefreshToken(late.refreshToken);
    clock.advance(1);
    expect((await refusal(() => tokens.redeemRefreshToken(early.refreshToken))).message).toBe(
      'refresh token has expired',
    );
  });

  it('are stored only as hashes', async () => {
    const { f, tokens } = await setup();
    const { refreshToken } = await tokens.issueSession(WAITER);
    const rows = f.db.write.prepare('SELECT * FROM refresh_token').all();
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });
});

describe('revocation', () => {
  it('a logged-out access token is refused at once, and so is its refresh token', async () => {
    const { tokens } = await setup();
    const session = await tokens.issueSession(WAITER);
    const other = await tokens.issueSession(WAITER);
    await tokens.revokeSession({ accessToken: session.accessToken, refreshToken: session.refreshToken });
    expect((await refusal(tokens.verifyAccessToken(session.accessToken))).message).toBe(
      'access token has been revoked',
    );
    expect((await refusal(() => tokens.redeemRefreshToken(session.refreshToken))).code).toBe(
      'UNAUTHENTICATED',
    );
    // Logging out one tablet, even a late retry of its spent refresh token, leaves the person's other tablet signed in.
    expect((await tokens.verifyAccessToken(other.accessToken)).staffId).toBe('staff-luis');
  });

  it('logout still revokes the refresh token when the access token has already expired', async () => {
    const { clock, tokens } = await setup();
    const session = await tokens.issueSession(WAITER);
    clock.advance(3600);
    await tokens.revokeSession({ accessToken: session.accessToken, refreshToken: session.refreshToken });
    expect((await refusal(() => tokens.redeemRefreshToken(session.refreshToken))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it("logout leaves another staff member's refresh token alone", async () => {
    const { tokens } = await setup();
    const luis = await tokens.issueSession(WAITER);
    const ana = await tokens.issueSession({ id: 'staff-ana', role: 'ADMIN' });
    await tokens.revokeSession({ accessToken: luis.accessToken, refreshToken: ana.refreshToken });
    expect(tokens.redeemRefreshToken(ana.refreshToken)).toBe('staff-ana');
  });

  it('revoking all of a staff member voids earlier tokens but not a session opened in the same instant after it', async () => {
    const { tokens } = await setup();
    const before = await tokens.issueSession(WAITER);
    const ana = await tokens.issueSession({ id: 'staff-ana', role: 'ADMIN' });
    tokens.revokeAllForStaff('staff-luis');
    const after = await tokens.issueSession(WAITER);
    expect((await refusal(tokens.verifyAccessToken(before.accessToken))).message).toBe(
      'access token has been revoked',
    );
    expect((await refusal(() => tokens.redeemRefreshToken(before.refreshToken))).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await tokens.verifyAccessToken(after.accessToken)).staffId).toBe('staff-luis');
    expect((await tokens.verifyAccessToken(ana.accessToken)).staffId).toBe('staff-ana');
  });
});

describe('across a restart', () => {
  it('the signing secret and the revocations survive reopening the database file', async () => {
    const f = await createHubFixture({ demo: false });
    const clock = manualClock();
    try {
      const tokens = createTokenService({ db: f.db, now: clock.now });
      const kept = await tokens.issueSession(WAITER);
      const revoked = await tokens.issueSession({ id: 'staff-ana', role: 'ADMIN' });
      tokens.revokeAllForStaff('staff-ana');
      const secret = hubSecret(f.db);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      f.db.close();

      const reopened = openDatabase({ file: f.db.file });
      try {
        expect(hubSecret(reopened)).toBe(secret);
        const after = createTokenService({ db: reopened, now: clock.now });
        expect(await after.verifyAccessToken(kept.accessToken)).toEqual({
          kind: 'staff',
          staffId: 'staff-luis',
          role: 'WAITER',
        });
        expect((await refusal(after.verifyAccessToken(revoked.accessToken))).message).toBe(
          'access token has been revoked',
        );
        expect(after.redeemRefreshToken(kept.refreshToken)).toBe('staff-luis');
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(f.dir, { recursive: true, force: true });
    }
  });
});
