// SQL for staff sign-in state: refresh tokens, per-staff "not before" marks and the JWT signing secret.
// These are operational rows, not events: they never reach the event log, the outbox or the cloud.
import type Database from 'better-sqlite3';
import type { Role } from '../../protocol/domain-values.js';
import type { WriteDb } from './database.js';
import { stmt } from './statements.js';

export interface RefreshTokenRow {
  id: string;
  staffId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

interface RawRefreshTokenRow {
  id: string;
  staff_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

const toRow = (r: RawRefreshTokenRow): RefreshTokenRow => ({
  id: r.id,
  staffId: r.staff_id,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function insertRefreshToken(db: WriteDb, row: Omit<RefreshTokenRow, 'revokedAt'>): void {
  stmt(
    db,
    'INSERT INTO refresh_token (id, staff_id, token_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)',
  ).run(row.id, row.staffId, row.tokenHash, row.createdAt, row.expiresAt);
}

/**
 * Any row with this hash, spent or expired included. `revokedAt` is set only when a token is spent
 * by rotation, so a hit with it set means the token was presented twice: the theft signal.
 */
export function findRefreshTokenByHash(db: WriteDb, tokenHash: string): RefreshTokenRow | undefined {
  const r = stmt(db, 'SELECT * FROM refresh_token WHERE token_hash = ?').get(tokenHash) as
    RawRefreshTokenRow | undefined;
  return r && toRow(r);
}

/** A token that is neither spent nor past its expiry at `nowIso`. ISO-8601 UTC strings compare as times. */
export function findActiveRefreshToken(
  db: WriteDb,
  tokenHash: string,
  nowIso: string,
): RefreshTokenRow | undefined {
  const r = stmt(
    db,
    'SELECT * FROM refresh_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?',
  ).get(tokenHash, nowIso) as RawRefreshTokenRow | undefined;
  return r && toRow(r);
}

/**
 * Rotation: marks the token spent but keeps the row, so presenting it again is recognised as reuse.
 * Returns false when it was already spent, so two racing redemptions cannot both win.
 */
export function spendRefreshToken(db: WriteDb, id: string, nowIso: string): boolean {
  return (
    stmt(db, 'UPDATE refresh_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(nowIso, id)
      .changes === 1
  );
}

/**
 * Logout and sign-out-everywhere delete rather than mark: a token presented after them is simply
 * unknown. Marking would make a tablet's late retry look like theft and end the person's new session.
 */
export function deleteRefreshToken(db: WriteDb, id: string): boolean {
  return stmt(db, 'DELETE FROM refresh_token WHERE id = ?').run(id).changes === 1;
}

export function deleteRefreshTokensOfStaff(db: WriteDb, staffId: string): number {
  return stmt(db, 'DELETE FROM refresh_token WHERE staff_id = ?').run(staffId).changes;
}

export function deleteExpiredRefreshTokens(db: WriteDb, nowIso: string): number {
  return stmt(db, 'DELETE FROM refresh_token WHERE expires_at <= ?').run(nowIso).changes;
}

const JWT_SECRET_KEY = 'jwt_secret';
const NOT_BEFORE_PREFIX = 'auth_not_before:';

/**
 * The hub's JWT signing secret, created on first call with `generate()` and kept from then on,
 * so tokens issued before a restart stay valid after it. INSERT OR IGNORE makes the first write win.
 */
export function loadOrCreateJwtSecret(db: WriteDb, generate: () => string): string {
  stmt(db, 'INSERT OR IGNORE INTO hub_meta (key, value) VALUES (?, ?)').run(JWT_SECRET_KEY, generate());
  const r = stmt(db, 'SELECT value FROM hub_meta WHERE key = ?').get(JWT_SECRET_KEY) as { value: string };
  return r.value;
}

/** Access tokens of this staff member issued before this second (epoch seconds) are void. Any handle: a read. */
export function loadStaffNotBefore(db: Database.Database, staffId: string): number | undefined {
  const r = stmt(db, 'SELECT value FROM hub_meta WHERE key = ?').get(NOT_BEFORE_PREFIX + staffId) as
    { value: string } | undefined;
  return r ? Number(r.value) : undefined;
}

export function saveStaffNotBefore(db: WriteDb, staffId: string, epochSeconds: number): void {
  stmt(
    db,
    'INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(NOT_BEFORE_PREFIX + staffId, String(epochSeconds));
}

export interface StaffCredentials {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  pinHash: string;
}

/** The one read that sees a PIN hash; views (loadStaff) never carry it. Any handle: reads only. */
export function findStaffCredentials(db: Database.Database, staffId: string): StaffCredentials | undefined {
  const r = stmt(db, 'SELECT id, name, role, active, pin_hash FROM staff WHERE id = ?').get(staffId) as
    { id: string; name: string; role: Role; active: number; pin_hash: string } | undefined;
  return r && { id: r.id, name: r.name, role: r.role, active: r.active === 1, pinHash: r.pin_hash };
}

export interface LoginStaff {
  id: string;
  name: string;
  role: Role;
}

export function listActiveStaff(db: Database.Database): LoginStaff[] {
  return stmt(
    db,
    'SELECT id, name, role FROM staff WHERE active = 1 ORDER BY name, id',
  ).all() as LoginStaff[];
}
