// Owner accounts: created by the operator CLI (and tests), looked up by email at login.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../protocol/errors.js';
import type { OwnerRole as ProtocolOwnerRole } from '../../protocol/owner-api.js';
import { isUniqueViolation, type SqlRunner } from '../db/cloud-db.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export const OWNER_ROLES = ['owner', 'viewer'] as const;
export const ownerRoleSchema = z.enum(OWNER_ROLES);
export type OwnerRole = z.infer<typeof ownerRoleSchema> & ProtocolOwnerRole;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address');

export interface OwnerAccount {
  accountId: string;
  tenantId: string;
  email: string;
  role: OwnerRole;
}

export async function createOwnerAccount(
  db: SqlRunner,
  input: { tenantId: string; email: string; password: string; role: OwnerRole },
): Promise<OwnerAccount> {
  const email = emailSchema.parse(input.email);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new AppError('INVALID', `password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  const tenant = await db.query('SELECT 1 FROM tenants WHERE id = $1', [input.tenantId]);
  if (tenant.length === 0) throw new AppError('NOT_FOUND', `no tenant ${input.tenantId}`);
  const accountId = randomUUID();
  try {
    await db.query(
      'INSERT INTO owner_accounts (id, tenant_id, email, password_hash, role) VALUES ($1, $2, $3, $4, $5)',
      [accountId, input.tenantId, email, await hashPassword(input.password), input.role],
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `an account with email ${email} exists`);
    throw err;
  }
  return { accountId, tenantId: input.tenantId, email, role: input.role };
}

export async function findAccountByEmail(
  db: SqlRunner,
  email: string,
): Promise<(OwnerAccount & { passwordHash: string }) | undefined> {
  const rows = await db.query<{
    id: string;
    tenant_id: string;
    email: string;
    role: string;
    password_hash: string;
  }>('SELECT id, tenant_id, email, role, password_hash FROM owner_accounts WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  const r = rows[0];
  if (r === undefined) return undefined;
  return {
    accountId: r.id,
    tenantId: r.tenant_id,
    email: r.email,
    role: ownerRoleSchema.parse(r.role),
    passwordHash: r.password_hash,
  };
}
