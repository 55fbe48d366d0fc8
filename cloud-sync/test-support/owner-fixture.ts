// A running cloud service with two tenants, their branches, hubs and owner accounts, for owner API tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBranch, createHub, createTenant } from '../admin/tenant-admin.js';
import { manualClock } from '../clock.js';
import { startCloudService, type CloudService } from '../cloud-service.js';
import { parseCloudConfig } from '../config.js';
import type { CloudDb } from '../db/cloud-db.js';
import { createOwnerAccount, type OwnerRole } from '../owner/owner-accounts.js';
import type { SeededHub } from './seed.js';

export const PASSWORD = 'correct horse battery';

export interface OwnerFixture {
  service: CloudService;
  base: string;
  clock: ReturnType<typeof manualClock>;
  dashboardDir: string;
  tenantA: string;
  tenantB: string;
  hubA1: SeededHub;
  hubA2: SeededHub;
  hubB1: SeededHub;
  close(): Promise<void>;
}

async function hubFor(db: CloudDb, clock: ReturnType<typeof manualClock>, tenantId: string, name: string) {
  const { branchId } = await createBranch(db, { tenantId, name });
  const key = await createHub(db, { branchId, name: `hub-${name}` }, clock);
  return { ...key, tenantId, branchId };
}

export async function startOwnerFixture(db: CloudDb, startMs: number): Promise<OwnerFixture> {
  const clock = manualClock(startMs);
  const dashboardDir = mkdtempSync(join(tmpdir(), 'comanda-owner-dist-'));
  mkdirSync(join(dashboardDir, 'assets'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Comanda</title>');
  writeFileSync(join(dashboardDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const config = parseCloudConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const service = await startCloudService({
    config,
    clock,
    dbs: { write: db, read: db, close: async () => {} },
    dashboardDir,
  });
  const { tenantId: tenantA } = await createTenant(db, 'Grupo Norte');
  const { tenantId: tenantB } = await createTenant(db, 'Grupo Sur');
  const hubA1 = await hubFor(db, clock, tenantA, 'Centro');
  const hubA2 = await hubFor(db, clock, tenantA, 'Puerto');
  const hubB1 = await hubFor(db, clock, tenantB, 'Rival');
  const accounts: [string, string, OwnerRole][] = [
    [tenantA, 'owner@norte.test', 'owner'],
    [tenantA, 'viewer@norte.test', 'viewer'],
    [tenantB, 'owner@sur.test', 'owner'],
    [tenantA, 'locked@norte.test', 'owner'],
  ];
  for (const [tenantId, email, role] of accounts)
    await createOwnerAccount(db, { tenantId, email, password: PASSWORD, role });
  return {
    service,
    base: `http://127.0.0.1:${service.port}`,
    clock,
    dashboardDir,
    tenantA,
    tenantB,
    hubA1,
    hubA2,
    hubB1,
    close: () => service.close(),
  };
}

/** Signs in and returns the Cookie header to send. */
export async function signIn(base: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${base}/v1/owner/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}
