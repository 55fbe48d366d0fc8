// Staff sign-in for the hub: PIN login (rate limited), token refresh, logout, token checks and
// the "who are you" list a shared tablet shows before asking for a PIN.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../protocol/domain-values.js';
import { AppError } from '../../../protocol/errors.js';
import { findStaffCredentials, listActiveStaff, type LoginStaff } from '../../store/auth-store.js';
import type { StaffView } from '../../domain/views.js';
import type { HubDatabase } from '../../store/database.js';
import { loadStaff } from '../../store/queries/view-loaders.js';
import { createLoginRateLimiter, type LoginRateLimiterOptions } from './login-rate-limiter.js';
import { hashPin, verifyPin } from './pin-hash.js';
import { createTokenService, type StaffActor } from './token-service.js';

export interface AuthServiceOptions {
  db: HubDatabase;
  now?: () => Date;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  /** Login limits; the defaults are 5 attempts a minute per staff member and per address. */
  loginLimits?: Omit<LoginRateLimiterOptions, 'now'>;
}

export interface SignedInStaff {
  id: string;
  name: string;
  role: Role;
  sectorIds: string[];
}

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO-8601). */
  expiresAt: string;
  staff: SignedInStaff;
}

export interface LoginInput {
  staffId: string;
  pin: string;
  remoteAddress: string;
}

export interface AuthService {
  login(input: LoginInput): Promise<AuthSession>;
  refresh(input: { refreshToken: string }): Promise<AuthSession>;
  logout(input: { accessToken: string; refreshToken?: string }): Promise<void>;
  verify(accessToken: string): Promise<StaffActor>;
  /** Call when a staff member is disabled or their PIN or role changes: every session of theirs ends. */
  revokeAllForStaff(staffId: string): void;
  listLoginStaff(): LoginStaff[];
}

/** One message for every failed login, so a stranger cannot learn which staff ids exist or are disabled. */
const WRONG_STAFF_OR_PIN = 'wrong staff or PIN';

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { db, now = () => new Date() } = options;
  const tokens = createTokenService({
    db,
    now,
    accessTtlSeconds: options.accessTtlSeconds,
    refreshTtlSeconds: options.refreshTtlSeconds,
  });
  const limiter = createLoginRateLimiter({ ...options.loginLimits, now });
  // An unknown staff id still pays for one argon2 verify, so the answer takes as long as a wrong PIN.
  // Hashed once, up front, so not even the first unknown id answers faster.
  const decoyHash = hashPin(`decoy-${randomUUID()}`);

  async function openSession(staff: StaffView): Promise<AuthSession> {
    const issued = await tokens.issueSession({ id: staff.id, role: staff.role });
    return {
      ...issued,
      staff: { id: staff.id, name: staff.name, role: staff.role, sectorIds: staff.sectorIds },
    };
  }

  return {
    async login({ staffId, pin, remoteAddress }) {
      // Charged before the slow PIN check, so parallel guesses are counted as they arrive.
      const keys = [`staff:${staffId}`, `addr:${remoteAddress}`];
      const attempt = limiter.hit(keys);
      const credentials = findStaffCredentials(db.read, staffId);
      const pinOk = await verifyPin(credentials?.pinHash ?? (await decoyHash), pin);
      // Read again after the await: the staff member may have been disabled while argon2 ran.
      const staff = loadStaff(db.read, staffId);
      if (!credentials || !pinOk || !staff?.active) throw new AppError('UNAUTHENTICATED', WRONG_STAFF_OR_PIN);
      limiter.forgive(keys, attempt);
      return openSession(staff);
    },

    async refresh({ refreshToken }) {
      const staffId = tokens.redeemRefreshToken(refreshToken);
      // The role and sectors come from the staff row now, so a change made during the shift is picked up.
      const staff = loadStaff(db.read, staffId);
      if (!staff?.active) {
        tokens.revokeAllForStaff(staffId);
        throw new AppError('UNAUTHENTICATED', 'this staff member can no longer sign in');
      }
      return openSession(staff);
    },

    logout: (input) => tokens.revokeSession(input),
    verify: (accessToken) => tokens.verifyAccessToken(accessToken),
    revokeAllForStaff: (staffId) => tokens.revokeAllForStaff(staffId),
    listLoginStaff: () => listActiveStaff(db.read),
  };
}
