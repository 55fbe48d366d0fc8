// Hub API keys: issue, rotate with a 24 h overlap, revoke now, and look up for signature checks.
import { randomBytes } from 'node:crypto';
import { deriveSigningKey } from '../../protocol/sync/request-signing.js';
import type { Clock } from '../clock.js';
import { toIso, type CloudDb, type SqlRunner } from '../db/cloud-db.js';

/** How long a rotated-out key keeps working, so a hub can pick up its new key without a gap. */
export const KEY_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export interface IssuedKey {
  hubId: string;
  keyId: string;
  /** Shown once, never stored: the hub signs with it. */
  secret: string;
}

export type KeyState = 'active' | 'expired' | 'revoked';

export interface StoredKey {
  keyId: string;
  hubId: string;
  branchId: string;
  tenantId: string;
  signingKeyHash: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function keyStateAt(key: Pick<StoredKey, 'expiresAt' | 'revokedAt'>, nowMs: number): KeyState {
  if (key.revokedAt !== null && Date.parse(key.revokedAt) <= nowMs) return 'revoked';
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= nowMs) return 'expired';
  return 'active';
}

const isoAt = (ms: number) => new Date(ms).toISOString();

/** Inserts a fresh key for the hub. Runs inside the caller's transaction. */
export async function issueKey(tx: SqlRunner, hubId: string, clock: Clock): Promise<IssuedKey> {
  const keyId = `ck_${randomBytes(12).toString('hex')}`;
  const secret = `cks_${randomBytes(32).toString('base64url')}`;
  await tx.query(
    'INSERT INTO hub_api_keys (key_id, hub_id, signing_key_hash, created_at) VALUES ($1, $2, $3, $4)',
    [keyId, hubId, await deriveSigningKey(secret), isoAt(clock.nowMs())],
  );
  return { hubId, keyId, secret };
}

export interface RotationResult {
  issued: IssuedKey;
  /** Keys that now stop at `expiresAt` (24 h from the rotation, or sooner if they already ended sooner). */
  retiring: { keyId: string; expiresAt: string }[];
}

/** Issues a new key; every key still working keeps working for 24 h more at most, then stops. */
export async function rotateKey(db: CloudDb, hubId: string, clock: Clock): Promise<RotationResult> {
  return db.transaction(async (tx) => {
    const now = clock.nowMs();
    const hub = await tx.query('SELECT id FROM hubs WHERE id = $1 FOR UPDATE', [hubId]);
    if (hub.length === 0) throw new Error(`no hub ${hubId}`);
    // A key already retiring sooner keeps its earlier end: rotating twice never extends a key.
    await tx.query(
      `UPDATE hub_api_keys SET expires_at = $2
        WHERE hub_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [hubId, isoAt(now + KEY_ROTATION_OVERLAP_MS)],
    );
    const retiring = await tx.query<{ key_id: string; expires_at: unknown }>(
      `SELECT key_id, expires_at FROM hub_api_keys
        WHERE hub_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at`,
      [hubId, isoAt(now)],
    );
    const issued = await issueKey(tx, hubId, clock);
    return {
      issued,
      retiring: retiring.map((r) => ({ keyId: r.key_id, expiresAt: toIso(r.expires_at) ?? '' })),
    };
  });
}

/** Stops a key at once (a leaked key). Returns false when there is no such key. */
export async function revokeKey(db: CloudDb, keyId: string, clock: Clock): Promise<boolean> {
  const rows = await db.query(
    'UPDATE hub_api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL RETURNING key_id',
    [keyId, isoAt(clock.nowMs())],
  );
  if (rows.length > 0) return true;
  return (await db.query('SELECT 1 FROM hub_api_keys WHERE key_id = $1', [keyId])).length > 0;
}

interface KeyRow {
  key_id: string;
  hub_id: string;
  branch_id: string;
  tenant_id: string;
  signing_key_hash: string;
  created_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
}

const KEY_SELECT = `SELECT k.key_id, k.hub_id, h.branch_id, b.tenant_id, k.signing_key_hash, k.created_at, k.expires_at, k.revoked_at
  FROM hub_api_keys k JOIN hubs h ON h.id = k.hub_id JOIN branches b ON b.id = h.branch_id`;

function rowToKey(r: KeyRow): StoredKey {
  return {
    keyId: r.key_id,
    hubId: r.hub_id,
    branchId: r.branch_id,
    tenantId: r.tenant_id,
    signingKeyHash: r.signing_key_hash,
    createdAt: toIso(r.created_at) ?? '',
    expiresAt: toIso(r.expires_at),
    revokedAt: toIso(r.revoked_at),
  };
}

export async function findKey(db: SqlRunner, keyId: string): Promise<StoredKey | undefined> {
  const rows = await db.query<KeyRow>(`${KEY_SELECT} WHERE k.key_id = $1`, [keyId]);
  return rows[0] === undefined ? undefined : rowToKey(rows[0]);
}

export async function listKeys(db: SqlRunner, hubId: string): Promise<StoredKey[]> {
  const rows = await db.query<KeyRow>(`${KEY_SELECT} WHERE k.hub_id = $1 ORDER BY k.created_at`, [hubId]);
  return rows.map(rowToKey);
}

/** Where a key is looked up on each signed request; a cache can wrap it later. */
export type KeyLookup = (keyId: string) => Promise<StoredKey | undefined>;
