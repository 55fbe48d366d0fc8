// Operator CLI for tenants, branches, hubs and hub keys (`npm run cloud:cli -- <command>`).
// On embedded PGlite only one process may open ./data/cloud at a time: stop the service first.
import { parseArgs } from 'node:util';
import { createBranch, createHub, createTenant } from './admin/tenant-admin.js';
import { keyStateAt, listKeys, revokeKey, rotateKey } from './auth/hub-keys.js';
import { systemClock } from './clock.js';
import { parseCloudConfig } from './config.js';
import { openCloudDatabases } from './db/open-cloud-db.js';
import { createOwnerAccount, ownerRoleSchema } from './owner/owner-accounts.js';
import { clearCacheFromCli } from './redis/cache-cli.js';

const USAGE = `usage: cloud-sync/cli.ts <command> [options]
  tenant create --name <name>
  branch create --tenant <tenantId> --name <name> [--id <branchId, e.g. the hub's branch id>]
  hub create --branch <branchId> [--name <name>]      prints the hub id, key id and secret (shown once)
  key rotate --hub <hubId>                            new key; old keys keep working for 24 h
  key revoke --key <keyId>                            stops the key now
  key list --hub <hubId>
  owner create --tenant <tenantId> --email <email> --password <password> [--role owner|viewer]
                                                      a dashboard account (default role: owner)
  cache clear --pattern <glob>                        e.g. 'menu:*': deletes matching read-cache keys in Redis`;

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new Error(`missing --${flag}\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      tenant: { type: 'string' },
      branch: { type: 'string' },
      hub: { type: 'string' },
      key: { type: 'string' },
      id: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      pattern: { type: 'string' },
    },
  });
  const command = positionals.slice(0, 2).join(' ');
  const config = parseCloudConfig(process.env);
  // Redis only: no database needed (and PGlite's data dir may be held by the running service).
  if (command === 'cache clear') {
    console.log(JSON.stringify(await clearCacheFromCli(config, need(values.pattern, 'pattern')), null, 2));
    return;
  }
  const dbs = await openCloudDatabases({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.COMANDA_CLOUD_DATA_DIR,
  });
  const db = dbs.write;
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
  try {
    switch (command) {
      case 'tenant create':
        print(await createTenant(db, need(values.name, 'name')));
        break;
      case 'branch create':
        print(
          await createBranch(db, {
            tenantId: need(values.tenant, 'tenant'),
            name: need(values.name, 'name'),
            ...(values.id === undefined ? {} : { branchId: values.id }),
          }),
        );
        break;
      case 'hub create': {
        const key = await createHub(
          db,
          { branchId: need(values.branch, 'branch'), name: values.name ?? 'hub' },
          systemClock,
        );
        print({ ...key, note: 'store the secret on the hub now: the cloud keeps only its hash' });
        break;
      }
      case 'key rotate':
        print(await rotateKey(db, need(values.hub, 'hub'), systemClock));
        break;
      case 'key revoke': {
        const keyId = need(values.key, 'key');
        if (!(await revokeKey(db, keyId, systemClock))) throw new Error(`no key ${keyId}`);
        print({ revoked: keyId });
        break;
      }
      case 'key list': {
        const now = systemClock.nowMs();
        const keys = await listKeys(db, need(values.hub, 'hub'));
        print(
          keys.map((k) => ({
            keyId: k.keyId,
            state: keyStateAt(k, now),
            createdAt: k.createdAt,
            expiresAt: k.expiresAt,
            revokedAt: k.revokedAt,
          })),
        );
        break;
      }
      case 'owner create':
        print(
          await createOwnerAccount(db, {
            tenantId: need(values.tenant, 'tenant'),
            email: need(values.email, 'email'),
            password: need(values.password, 'password'),
            role: ownerRoleSchema.parse(values.role ?? 'owner'),
          }),
        );
        break;
      default:
        throw new Error(USAGE);
    }
  } finally {
    await dbs.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
