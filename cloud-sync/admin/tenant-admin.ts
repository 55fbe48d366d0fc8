// Operator actions on tenants, branches and hubs; the CLI and tests call these, never raw SQL.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../protocol/errors.js';
import { GENESIS_HASH } from '../../protocol/audit-entry.js';
import { issueKey, type IssuedKey } from '../auth/hub-keys.js';
import type { Clock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';

export async function createTenant(db: CloudDb, name: string): Promise<{ tenantId: string }> {
  const tenantId = randomUUID();
  await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenantId, name]);
  return { tenantId };
}

/** `branchId` may be given so the cloud's branch id equals the id the hub already uses for its branch. */
export async function createBranch(
  db: CloudDb,
  input: { tenantId: string; name: string; branchId?: string },
): Promise<{ branchId: string }> {
  const branchId = input.branchId ?? randomUUID();
  const tenant = await db.query('SELECT 1 FROM tenants WHERE id = $1', [input.tenantId]);
  if (tenant.length === 0) throw new AppError('NOT_FOUND', `no tenant ${input.tenantId}`);
  await db.query('INSERT INTO branches (id, tenant_id, name) VALUES ($1, $2, $3)', [
    branchId,
    input.tenantId,
    input.name,
  ]);
  return { branchId };
}

/** A hub with its cursor, status row and first key, in one transaction. */
export async function createHub(
  db: CloudDb,
  input: { branchId: string; name: string },
  clock: Clock,
): Promise<IssuedKey> {
  return db.transaction(async (tx) => {
    const branch = await tx.query('SELECT 1 FROM branches WHERE id = $1', [input.branchId]);
    if (branch.length === 0) throw new AppError('NOT_FOUND', `no branch ${input.branchId}`);
    const hubId = randomUUID();
    await tx.query('INSERT INTO hubs (id, branch_id, name) VALUES ($1, $2, $3)', [
      hubId,
      input.branchId,
      input.name,
    ]);
    await tx.query('INSERT INTO ingest_cursors (hub_id, audit_head_hash) VALUES ($1, $2)', [
      hubId,
      GENESIS_HASH,
    ]);
    await tx.query('INSERT INTO hub_status (hub_id) VALUES ($1)', [hubId]);
    return issueKey(tx, hubId, clock);
  });
}
