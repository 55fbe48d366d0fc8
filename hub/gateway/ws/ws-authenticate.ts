// Turns the token presented at upgrade into a Principal: a staff JWT, a diner table token or a paired
// device token. Every refusal is an AppError whose code becomes the HTTP status of the refused upgrade.
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { AppError } from '../../../protocol/errors.js';
import type { HubDatabase } from '../../store/database.js';
import { loadStaff } from '../../store/queries/view-loaders.js';
import type { DinerTokenService } from '../../app/auth/diner-token-service.js';
import { isDeviceToken, type DeviceTokenService } from '../../app/auth/device-token-service.js';
import type { Authenticator } from '../api-route.js';
import { principalKeys, type Principal } from './principal.js';
import { PrincipalCache } from './principal-cache.js';

export interface WsAuthDeps {
  db: HubDatabase;
  staff: Authenticator;
  diners: DinerTokenService;
  devices: DeviceTokenService;
}

export interface WsAuthenticator {
  (token: string | undefined): Promise<Principal>;
  /** Drops cached resolutions filed under a revocation key (see `principalKeys`). */
  forget(key: string): void;
}

/** Covers a reconnect storm. Revocation (logout, staff change, session end, re-pairing) clears entries at
 * once; a revocation with no event (a stolen refresh token detected) reaches new upgrades within this. */
const CACHE_TTL_MS = 60_000;

/** A diner JWT says so in its payload; anything else that looks like a JWT is tried as staff. */
function jwtType(token: string): string | undefined {
  try {
    const typ = decodeJwt(token).typ;
    return typeof typ === 'string' ? typ : undefined;
  } catch {
    return undefined;
  }
}

export function createWsAuthenticator(deps: WsAuthDeps): WsAuthenticator {
  const cache = new PrincipalCache(CACHE_TTL_MS);
  const authenticate = async (token: string | undefined): Promise<Principal> => {
    if (!token) {
      throw new AppError('UNAUTHENTICATED', 'missing token: send "Authorization: Bearer <token>" or ?token=');
    }
    const cached = cache.get(token);
    if (cached) return cached;
    const principal = await resolve(deps, token);
    cache.set(token, principal, principalKeys(principal));
    return principal;
  };
  return Object.assign(authenticate, { forget: (key: string) => cache.forgetKey(key) });
}

async function resolve(deps: WsAuthDeps, token: string): Promise<Principal> {
  {
    if (!token) {
      throw new AppError('UNAUTHENTICATED', 'missing token: send "Authorization: Bearer <token>" or ?token=');
    }
    if (isDeviceToken(token)) {
      const d = deps.devices.verify(token);
      return {
        kind: 'device',
        actor: { kind: 'device', deviceId: d.deviceId },
        deviceId: d.deviceId,
        deviceKind: d.kind,
        station: d.station,
      };
    }
    if (jwtType(token) === 'diner') {
      const d = await deps.diners.verify(token);
      return {
        kind: 'diner',
        actor: { kind: 'diner', sessionId: d.sessionId, dinerId: d.dinerId },
        sessionId: d.sessionId,
        dinerId: d.dinerId,
      };
    }
    const actor = await deps.staff.verify(token);
    if (actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED', 'not a staff token');
    const staff = loadStaff(deps.db.read, actor.staffId);
    if (!staff?.active) throw new AppError('UNAUTHENTICATED', 'this staff member can no longer sign in');
    const exp = decodeJwt(token).exp ?? 0;
    return {
      kind: 'staff',
      actor: { kind: 'staff', staffId: staff.id, role: staff.role },
      role: staff.role,
      sectorIds: staff.sectorIds,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: exp,
    };
  }
}
