// Opens the hub's SQLite file with the pragmas the guarantees rest on, and hands out branded handles.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/** The connection only the single writer holds. */
export type WriteDb = Database.Database & { readonly __handle: 'write' };
/** A read-only connection for API reads; it sees committed data only. */
export type ReadDb = Database.Database & { readonly __handle: 'read' };

export type SynchronousMode = 'FULL' | 'NORMAL';

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests that need no second connection. */
  file: string;
  synchronous?: SynchronousMode;
  busyTimeoutMs?: number;
}

export interface HubDatabase {
  readonly write: WriteDb;
  readonly read: ReadDb;
  readonly file: string;
  /** Copies committed WAL frames into the main file; called on clean shutdown. */
  checkpoint(): void;
  close(): void;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function openDatabase(options: OpenDatabaseOptions): HubDatabase {
  const { file, synchronous = 'FULL', busyTimeoutMs = 5000 } = options;
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });

  const write = new Database(file) as WriteDb;
  write.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL at every commit: an acknowledged command survives power loss.
  write.pragma(`synchronous = ${synchronous}`);
  write.pragma('foreign_keys = ON');
  write.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // A restaurant's database is small; keeping it in memory spares the writer a read syscall per page.
  write.pragma('cache_size = -65536');
  write.pragma('mmap_size = 268435456');
  write.pragma('temp_store = MEMORY');
  runMigrations(write);

  // An in-memory database is private to its connection, so reads share the writer there.
  const read = (inMemory ? write : new Database(file, { readonly: true })) as unknown as ReadDb;
  if (!inMemory) {
    read.pragma(`busy_timeout = ${busyTimeoutMs}`);
    read.pragma('query_only = ON');
  }

  return {
    write,
    read,
    file,
    checkpoint: () => {
      write.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: () => {
      if (!inMemory) read.close();
      write.close();
    },
  };
}

export function runMigrations(db: Database.Database, migrationsFolder = MIGRATIONS_DIR): void {
  // drizzle runs migrations in a transaction, where SQLite ignores PRAGMA foreign_keys: a migration that
  // rebuilds a referenced table would fail on a full database. So keys are off while migrating and
  // checked in full afterwards.
  db.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(db), { migrationsFolder });
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0)
      throw new Error(
        `migration left ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`,
      );
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
