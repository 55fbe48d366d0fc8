// Test fixtures: a tenant, branch and hub with its first key, through the real admin functions.
import { createBranch, createHub, createTenant } from '../admin/tenant-admin.js';
import type { IssuedKey } from '../auth/hub-keys.js';
import type { Clock } from '../clock.js';
import type { CloudDb } from '../db/cloud-db.js';

export interface SeededHub extends IssuedKey {
  tenantId: string;
  branchId: string;
}

export async function seedHub(db: CloudDb, clock: Clock): Promise<SeededHub> {
  const { tenantId } = await createTenant(db, 'Grupo Test');
  const { branchId } = await createBranch(db, { tenantId, name: 'Centro' });
  const key = await createHub(db, { branchId, name: 'hub-1' }, clock);
  return { ...key, tenantId, branchId };
}
