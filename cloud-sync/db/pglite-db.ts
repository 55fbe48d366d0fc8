// CloudDb on embedded PGlite (Postgres compiled to WASM): the default when no DATABASE_URL is set.
// PGlite is one connection, so transactions serialize; good for a single node and for SQL tests.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { CloudDb, SqlRunner } from './cloud-db.js';

export interface PgliteOptions {
  /** A directory for the database files, or undefined for an in-memory database (tests). */
  dataDir?: string;
  /** A data directory dumped by `dumpDataDir()` to start from (tests: an already-migrated template). */
  template?: Blob;
}

export interface PgliteDb extends CloudDb {
  /** The whole data directory as a tarball, to start other instances from. */
  dump(): Promise<Blob | File>;
}

export async function openPgliteDb(options: PgliteOptions = {}): Promise<PgliteDb> {
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const pg = new PGlite({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.template === undefined ? {} : { loadDataDir: options.template }),
  });
  await pg.waitReady;
  const runner = (q: Pick<PGlite, 'query'>): SqlRunner => ({
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await q.query<R>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    description: options.dataDir === undefined ? 'pglite (in memory)' : `pglite (${options.dataDir})`,
    ...runner(pg),
    transaction: (fn) => pg.transaction((tx) => fn(runner(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none'),
  };
}
