// `npm run cloud:demo`: the owners' dashboard on a fresh clone in one step. In the cloud's database it
// creates the demo hub's tenant and branch (same branch id as the hub), a hub key and an owner account;
// in the hub's SQLite file it stores the pairing, which a running hub picks up within seconds. Then
// `npm run cloud` and sign in at http://localhost:8090/ with the printed email and password.
//
// No fixed password: one is generated and printed unless --password is given, so a demo left running
// on a reachable machine does not open with a known login. A second run changes nothing already made
// (an existing pairing or account is reported, not replaced): a new hub id would make the cloud wait
// for events the hub has already sent under the old one.
//
// The cloud must be stopped while this runs on embedded PGlite (one process per data directory); the
// hub may run (SQLite WAL).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBranch, createHub, createTenant } from '../cloud-sync/admin/tenant-admin.js';
import { systemClock } from '../cloud-sync/clock.js';
import { parseCloudConfig } from '../cloud-sync/config.js';
import { openCloudDatabases } from '../cloud-sync/db/open-cloud-db.js';
import { createOwnerAccount, findAccountByEmail } from '../cloud-sync/owner/owner-accounts.js';
import { DEMO_BRANCH } from '../hub/app/demo-branch.js';
import { loadConfig } from '../hub/config.js';
import { openDatabase } from '../hub/store/database.js';
import { readPairing, writePairing } from '../hub/sync/sync-meta.js';

const USAGE = `usage: npm run cloud:demo -- [--email <email>] [--password <10+ characters>] [--url <cloud url>]
  Start the hub once first (npm start) so its database and demo restaurant exist; stop the cloud.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string', default: 'owner@comanda.demo' },
      password: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const cloudConfig = parseCloudConfig(process.env);
  const url = values.url ?? `http://localhost:${cloudConfig.PORT}`;
  const hubConfig = loadConfig(process.env, []);
  if (!existsSync(hubConfig.dbFile))
    throw new Error(`no hub database at ${hubConfig.dbFile}: run \`npm start\` once first\n${USAGE}`);

  const dbs = await openCloudDatabases({
    databaseUrl: cloudConfig.DATABASE_URL,
    dataDir: cloudConfig.COMANDA_CLOUD_DATA_DIR,
  });
  const hubDb = openDatabase({ file: hubConfig.dbFile, synchronous: hubConfig.synchronous });
  try {
    const cloud = dbs.write;
    const { branchId, branchName, tenantName } = DEMO_BRANCH;
    const existing = await cloud.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM branches WHERE id = $1',
      [branchId],
    );
    const tenantId = existing[0]?.tenant_id ?? (await createTenant(cloud, tenantName)).tenantId;
    if (!existing[0]) await createBranch(cloud, { tenantId, name: branchName, branchId });
    console.log(`tenant ${tenantId}, branch ${branchId} (${branchName})`);

    const pairing = readPairing(hubDb.write);
    const known = pairing
      ? await cloud.query('SELECT 1 FROM hubs WHERE id = $1 AND branch_id = $2', [pairing.hubId, branchId])
      : [];
    if (pairing && known.length > 0) {
      console.log(`the hub is already paired with ${pairing.url} as hub ${pairing.hubId}: left as it is`);
    } else if (pairing) {
      throw new Error(
        `the hub is paired with ${pairing.url} as hub ${pairing.hubId}, which this cloud does not know: ` +
          'unpair it first (npm run sync -- unpair) if you mean to move it here',
      );
    } else {
      const key = await createHub(cloud, { branchId, name: 'demo hub' }, systemClock);
      writePairing(hubDb.write, { url, ...key }, new Date());
      console.log(`paired the hub with ${url} as hub ${key.hubId} (key ${key.keyId})`);
    }

    const email = values.email;
    if (await findAccountByEmail(cloud, email)) {
      console.log(`owner ${email} exists: sign in with the password it was given`);
    } else {
      const password = values.password ?? randomBytes(9).toString('base64url');
      await createOwnerAccount(cloud, { tenantId, email, password, role: 'owner' });
      console.log(`owner account: ${email}  password: ${password}  (shown once)`);
    }
    console.log(
      `\nnext: npm run cloud   then open ${url}/ and sign in; the hub (npm start) syncs within seconds`,
    );
  } finally {
    hubDb.close();
    await dbs.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
