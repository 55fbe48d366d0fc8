// Picks the database from the config: Postgres when DATABASE_URL is set, embedded PGlite otherwise.
import { join } from 'node:path';
import type { CloudDatabases, CloudDb } from './cloud-db.js';
import { runCloudMigrations } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

export interface OpenCloudDbOptions {
  databaseUrl?: string;
  replicaUrl?: string;
  dataDir: string;
}

export async function openCloudDatabases(options: OpenCloudDbOptions): Promise<CloudDatabases> {
  const write: CloudDb =
    options.databaseUrl === undefined
      ? await openPgliteDb({ dataDir: join(options.dataDir, 'pglite') })
      : await openPostgresDb({ url: options.databaseUrl });
  await runCloudMigrations(write);
  // A replica only makes sense next to a real primary; PGlite has one connection and no replicas.
  const replica =
    options.replicaUrl !== undefined && options.databaseUrl !== undefined
      ? await openPostgresDb({ url: options.replicaUrl, maxConnections: 5 })
      : undefined;
  return {
    write,
    read: replica ?? write,
    close: async () => {
      await replica?.close();
      await write.close();
    },
  };
}
