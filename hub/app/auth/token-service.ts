// Staff tokens: short-lived HS256 access JWTs that every request carries, and opaque refresh tokens
// that last one shift, are stored only as sha256 hashes and are replaced on every use.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { roleSchema, type Role } from '../../../protocol/domain-values.js';
import { AppError } from '../../../protocol/errors.js';
import type { Actor } from '../../../protocol/events/event.js';
import {
  deleteExpiredRefreshTokens,
  findActiveRefreshToken,
  findRefreshTokenByHash,
  insertRefreshToken,
  loadOrCreateJwtSecret,
  loadStaffNotBefore,
  deleteRefreshToken,
  deleteRefreshTokensOfStaff,
  saveStaffNotBefore,
  spendRefreshToken,
} from '../../store/auth-store.js';
import type { HubDatabase } from '../../store/database.js';
import { createAccessDenyList } from './access-deny-list.js';

export const DEFAULT_ACCESS_TTL_SECONDS = 15 * 60;
/** One shift: a waiter signs in once per shift on a tablet. */
export const DEFAULT_REFRESH_TTL_SECONDS = 12 * 60 * 60;
/** Ours are ~300 characters; anything far longer is refused before it costs a parse. */
const MAX_TOKEN_LENGTH = 4096;
const SECRET_BYTES = 32;

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export interface TokenServiceOptions {
  db: HubDatabase;
  now: () => Date;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO-8601); the client refreshes before then. */
  expiresAt: string;
}

export interface TokenService {
  issueSession(staff: { id: string; role: Role }): Promise<SessionTokens>;
  /** The actor an access token speaks for, or UNAUTHENTICATED saying why it was refused. */
  verifyAccessToken(token: string): Promise<StaffActor>;
  /** Spends a refresh token (it can never be used again) and returns its staff id. */
  redeemRefreshToken(refreshToken: string): string;
  /** Logout: the access token stops working at once; the refresh token, if given and the same staff's, is revoked. */
  revokeSession(input: { accessToken: string; refreshToken?: string }): Promise<void>;
  /** Voids every refresh token and every access token issued so far to this staff member. */
  revokeAllForStaff(staffId: string): void;
}

const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  role: roleSchema,
  jti: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  typ: z.literal('staff'),
});
type AccessClaims = z.infer<typeof accessClaimsSchema>;

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createTokenService(options: TokenServiceOptions): TokenService {
  const {
    db,
    now,
    accessTtlSeconds = DEFAULT_ACCESS_TTL_SECONDS,
    refreshTtlSeconds = DEFAULT_REFRESH_TTL_SECONDS,
  } = options;
  if (!(
    Number.isInteger(accessTtlSeconds) &&
    accessTtlSeconds > 0 &&
    Number.isInteger(refreshTtlSeconds) &&
    refreshTtlSeconds > 0
  )) {
    throw new RangeError('token lifetimes must be positive whole seconds');
  }
  const key = signingKey(db);
  const denyList = createAccessDenyList(now);
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const notBefore = (staffId: string) => loadStaffNotBefore(db.read, staffId) ?? 0;

  function revokeAllForStaff(staffId: string): void {
    const at = now();
    db.write.transaction(() => {
      deleteRefreshTokensOfStaff(db.write, staffId);
      // Never lowered: a clock stepped back must not bring earlier revoked tokens back to life.
      const previous = loadStaffNotBefore(db.write, staffId) ?? 0;
      saveStaffNotBefore(db.write, staffId, Math.max(previous, Math.floor(at.getTime() / 1000) + 1));
    })();
  }

  /** Checks signature, expiry and shape; revocation is the caller's concern. */
  async function readClaims(
    token: string,
    { allowExpired }: { allowExpired: boolean },
  ): Promise<AccessClaims> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw unauthenticated('access token is malformed');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now() }));
    } catch (err) {
      // The signature is checked before the claims, so an expired token's payload is still genuine.
      if (err instanceof joseErrors.JWTExpired && allowExpired) payload = err.payload;
      else throw refusal(err);
    }
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthenticated('access token claims are invalid');
    return claims.data;
  }

  return {
    async issueSession(staff) {
      const at = now();
      const refreshToken = randomBytes(32).toString('base64url');
      db.write.transaction(() => {
        // Housekeeping rides along with an insert the writer makes anyway: no timer, one commit.
        deleteExpiredRefreshTokens(db.write, at.toISOString());
        insertRefreshToken(db.write, {
          id: randomUUID(),
          staffId: staff.id,
          tokenHash: sha256(refreshToken),
          createdAt: at.toISOString(),
          expiresAt: new Date(at.getTime() + refreshTtlSeconds * 1000).toISOString(),
        });
      })();
      // iat has one-second resolution and revokeAllForStaff voids the whole current second; a
      // session issued in that same second (a re-login right after a PIN reset) starts at the
      // not-before mark instead, at most one second ahead, so it is not caught by its own revocation.
      const iat = Math.max(nowSeconds(), notBefore(staff.id));
      const exp = iat + accessTtlSeconds;
      const accessToken = await new SignJWT({ role: staff.role, typ: 'staff' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(staff.id)
        .setJti(randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { accessToken, refreshToken, expiresAt: new Date(exp * 1000).toISOString() };
    },

    async verifyAccessToken(token) {
      const claims = await readClaims(token, { allowExpired: false });
      if (denyList.has(claims.jti) || claims.iat < notBefore(claims.sub)) {
        throw unauthenticated('access token has been revoked');
      }
      return { kind: 'staff', staffId: claims.sub, role: claims.role };
    },

    redeemRefreshToken(refreshToken) {
      if (
        typeof refreshToken !== 'string' ||
        refreshToken.length === 0 ||
        refreshToken.length > MAX_TOKEN_LENGTH
      ) {
        throw unauthenticated('refresh token is not valid');
      }
      const nowIso = now().toISOString();
      const row = findRefreshTokenByHash(db.write, sha256(refreshToken));
      if (!row) throw unauthenticated('refresh token is not valid');
      // An expired token is harmless whoever holds it, so it is refused without alarm.
      if (row.expiresAt <= nowIso) throw unauthenticated('refresh token has expired');
      if (row.revokedAt !== null || !spendRefreshToken(db.write, row.id, nowIso)) {
        // Each refresh token is spent once. A second use means two parties hold it (one of them
        // a thief), and we cannot tell which: sign both out.
        revokeAllForStaff(row.staffId);
        throw unauthenticated(
          'refresh token was already used; every session of this staff member has been signed out',
        );
      }
      return row.staffId;
    },

    async revokeSession({ accessToken, refreshToken }) {
      const claims = await readClaims(accessToken, { allowExpired: true });
      denyList.deny(claims.jti, claims.exp);
      if (refreshToken === undefined) return;
      const nowIso = now().toISOString();
      const row = findActiveRefreshToken(db.write, sha256(refreshToken), nowIso);
      // Someone else's refresh token is left alone: logout only ends the caller's own session.
      if (row && row.staffId === claims.sub) deleteRefreshToken(db.write, row.id);
    },

    revokeAllForStaff,
  };
}

function refusal(err: unknown): unknown {
  if (err instanceof joseErrors.JWTExpired) return unauthenticated('access token has expired');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed)
    return unauthenticated('access token signature is invalid');
  // Every other jose error here (bad base64, bad JSON, wrong alg, bad claim types) comes from the
  // token text alone: our key and options are fixed. Anything that is not jose's is a bug of ours
  // and goes up unchanged, to become INTERNAL at the edge.
  if (err instanceof joseErrors.JOSEError) return unauthenticated('access token is malformed');
  return err;
}

function signingKey(db: HubDatabase): Uint8Array {
  const secret = loadOrCreateJwtSecret(db.write, () => randomBytes(SECRET_BYTES).toString('base64url'));
  const key = new Uint8Array(Buffer.from(secret, 'base64url'));
  if (key.length < SECRET_BYTES)
    throw new Error(`hub_meta.jwt_secret is damaged: ${key.length} bytes, need ${SECRET_BYTES}`);
  return key;
}
