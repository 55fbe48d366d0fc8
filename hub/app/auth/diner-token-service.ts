// Diner table tokens: a diner who joins a table by its code gets a JWT scoped to that one session.
// The token carries no expiry of its own: it dies with the session, which is checked on every use
// (and the gateway closes the diner's live sockets the moment the session closes).
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError } from '../../../protocol/errors.js';
import type { HubDatabase } from '../../store/database.js';
import { loadOrCreateJwtSecret } from '../../store/auth-store.js';
import { isSessionLive } from '../../store/live-lookups.js';
import { randomBytes } from 'node:crypto';

export interface DinerClaims {
  sessionId: string;
  dinerId: string;
}

export interface DinerTokenService {
  issue(claims: DinerClaims): Promise<string>;
  /** The diner a token speaks for, or UNAUTHENTICATED (bad token, or the session is no longer open). */
  verify(token: string): Promise<DinerClaims>;
}

const claimsSchema = z.object({ sub: z.string().min(1), sid: z.string().min(1), typ: z.literal('diner') });

/** Diner tokens are told apart from staff tokens by a distinct `typ`, so one can never pass as the other. */
export function createDinerTokenService(db: HubDatabase): DinerTokenService {
  const secret = loadOrCreateJwtSecret(db.write, () => randomBytes(32).toString('base64url'));
  const key = new Uint8Array(Buffer.from(secret, 'base64url'));
  return {
    issue: ({ sessionId, dinerId }) =>
      new SignJWT({ sid: sessionId, typ: 'diner' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(dinerId)
        .setIssuedAt()
        .sign(key),
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }));
      } catch {
        throw new AppError('UNAUTHENTICATED', 'table token is not valid');
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw new AppError('UNAUTHENTICATED', 'table token is not valid');
      if (!isSessionLive(db.read, claims.data.sid)) {
        throw new AppError('UNAUTHENTICATED', 'this table has been closed; scan the QR code again');
      }
      return { sessionId: claims.data.sid, dinerId: claims.data.sub };
    },
  };
}
