// `npm run cloud:demo` on a fresh clone: a hub started once, an embedded cloud that does not exist yet.
// The script must leave an owner who can sign in and a hub paired with a hub id the cloud knows; run
// again it must change nothing (a new hub id would strand the events already sent under the old one).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCloudDatabases } from '../cloud-sync/db/open-cloud-db.js';
import { findAccountByEmail } from '../cloud-sync/owner/owner-accounts.js';
import { verifyPassword } from '../cloud-sync/owner/passwords.js';
import { loadConfig } from '../hub/config.js';
import { startHub } from '../hub/hub-runtime.js';
import { silentLogger } from '../hub/observability/logger.js';
import { createMetrics } from '../hub/observability/metrics.js';
import { openDatabase } from '../hub/store/database.js';
import { readPairing } from '../hub/sync/sync-meta.js';

const dir = mkdtempSync(join(tmpdir(), 'comanda-demo-cloud-'));
const hubDir = join(dir, 'hub');
const cloudDir = join(dir, 'cloud');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demo(dataDir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo-cloud.ts'],
      {
        env: {
          ...process.env,
          COMANDA_DATA_DIR: dataDir,
          COMANDA_CLOUD_DATA_DIR: cloudDir,
          PORT: '18090',
          DATABASE_URL: '',
        },
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('npm run cloud:demo', () => {
  it('says to start the hub first when there is no hub database', async () => {
    const r = await demo(join(dir, 'no-hub-here'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('run `npm start` once first');
  });

  it('pairs the demo hub and makes an owner who can sign in; a second run changes nothing', async () => {
    const hub = await startHub(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', COMANDA_DATA_DIR: hubDir }, []),
      silentLogger(),
      {
        metrics: createMetrics({ defaults: false }),
      },
    );
    await hub.stop();

    const first = await demo(hubDir);
    expect(first.code, first.out).toBe(0);
    const password = /password: (\S+)/.exec(first.out)?.[1];
    expect(password).toBeDefined();
    expect(first.out).toContain('paired the hub with http://localhost:18090');

    const second = await demo(hubDir);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('already paired');
    expect(second.out).toContain('exists');
    expect(second.out).not.toContain('password:');

    const hubDb = openDatabase({ file: join(hubDir, 'hub.db') });
    const pairing = readPairing(hubDb.write);
    hubDb.close();
    const dbs = await openCloudDatabases({ dataDir: cloudDir });
    try {
      const hubs = await dbs.write.query<{ id: string }>(
        "SELECT id FROM hubs WHERE branch_id = 'branch-demo'",
      );
      expect(hubs.map((h) => h.id)).toEqual([pairing?.hubId]);
      expect(pairing?.url).toBe('http://localhost:18090');
      const owner = await findAccountByEmail(dbs.write, 'owner@comanda.demo');
      expect(owner?.role).toBe('owner');
      expect(await verifyPassword(owner?.passwordHash, password!)).toBe(true);
    } finally {
      await dbs.close();
    }
  });
});
