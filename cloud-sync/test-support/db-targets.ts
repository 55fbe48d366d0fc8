// The database back ends every cloud-sync suite runs against: PGlite always, real Postgres when
// TEST_DATABASE_URL is set. Postgres gets a fresh schema per run (dropped at the end) so parallel
// runs and other suites never see each other's rows.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CloudDb } from '../db/cloud-db.js';
import { readMigrations, runCloudMigrations } from '../db/migrate.js';
import { openPgliteDb } from '../db/pglite-db.js';
import { dropSchema, openPostgresDb } from '../db/postgres-db.js';

export interface OpenedTarget {
  db: CloudDb;
  close(): Promise<void>;
}

export interface DbTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenedTarget>;
}

/**
 * A fresh PGlite runs initdb, which takes seconds on a busy machine; a migrated template dumped once
 * to the temp dir (keyed by the migrations and the PGlite version) starts several times faster.
 * Each test file still gets its own in-memory database.
 */
async function migratedTemplate(): Promise<Blob> {
  const migrations = createHash('sha256').update(JSON.stringify(readMigrations())).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `comanda-cloud-pglite-${PGLITE_VERSION}-${migrations}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const db = await openPgliteDb();
    await runCloudMigrations(db);
    const dump = await db.dump();
    await db.close();
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, Buffer.from(await dump.arrayBuffer()));
    await rename(temp, file); // atomic: a parallel test file sees the whole template or none
    return dump;
  }
}

const pgliteTarget: DbTarget = {
  name: 'pglite',
  async open() {
    const db = await openPgliteDb({ template: await migratedTemplate() });
    await runCloudMigrations(db);
    return { db, close: () => db.close() };
  },
};

function postgresTarget(url: string): DbTarget {
  return {
    name: 'postgres',
    async open() {
      const schema = `cloud_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const db = await openPostgresDb({ url, schema, maxConnections: 4 });
      await runCloudMigrations(db);
      return {
        db,
        close: async () => {
          await db.close();
          await dropSchema(url, schema);
        },
      };
    },
  };
}

// The package does not export its package.json; read it beside the resolved entry point.
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(
      join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

const url = process.env.TEST_DATABASE_URL;
export const DB_TARGETS: DbTarget[] = url ? [pgliteTarget, postgresTarget(url)] : [pgliteTarget];

if (!url) console.warn('TEST_DATABASE_URL is not set: cloud-sync Postgres suites run on PGlite only');
