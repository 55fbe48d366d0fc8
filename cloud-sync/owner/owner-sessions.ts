// Dashboard sessions: an opaque random id in an httpOnly SameSite=Lax cookie, stored as its sha256.
// Chosen over a JWT because a session must end the moment the owner logs out or an operator removes the
// account or changes its role, and the role is read fresh on every request; that costs one primary-key
// lookup per request, which the dashboard's request rate makes negligible. A JWT would need a deny-list
// for the same guarantees.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { SqlRunner } from '../db/cloud-db.js';
import { ownerRoleSchema, type OwnerAccount } from './owner-accounts.js';

export const SESSION_COOKIE = 'comanda_owner';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

export async function createSession(db: SqlRunner, accountId: string, clock: Clock): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const now = clock.nowMs();
  await db.query(
    'INSERT INTO owner_sessions (id_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashId(id), accountId, new Date(now).toISOString(), new Date(now + SESSION_TTL_MS).toISOString()],
  );
  // Expired rows of this account go now: no sweeper process needed.
  await db.query('DELETE FROM owner_sessions WHERE account_id = $1 AND expires_at < $2', [
    accountId,
    new Date(now).toISOString(),
  ]);
  return id;
}

export async function sessionAccount(
  db: SqlRunner,
  id: string,
  clock: Clock,
): Promise<OwnerAccount | undefined> {
  const rows = await db.query<{ id: string; tenant_id: string; email: string; role: string }>(
    `SELECT a.id, a.tenant_id, a.email, a.role FROM owner_sessions s JOIN owner_accounts a ON a.id = s.account_id
      WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [hashId(id), new Date(clock.nowMs()).toISOString()],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  return { accountId: r.id, tenantId: r.tenant_id, email: r.email, role: ownerRoleSchema.parse(r.role) };
}

export async function deleteSession(db: SqlRunner, id: string): Promise<void> {
  await db.query('DELETE FROM owner_sessions WHERE id_hash = $1', [hashId(id)]);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** `secure` when the dashboard is served over HTTPS (behind the load balancer); plain HTTP on a LAN works too. */
export function sessionCookie(id: string, options: { secure: boolean; maxAgeMs?: number }): string {
  const maxAge = Math.floor((options.maxAgeMs ?? SESSION_TTL_MS) / 1000);
  return [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
