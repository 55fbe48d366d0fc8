// Applies the drizzle-kit SQL migrations in cloud-sync/migrations at start, once each, in order.
// Our own small runner rather than drizzle's per-driver migrators, so PGlite and Postgres take the
// same path, and so migrations run in the connection's search_path (tests use a schema per run).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CloudDb } from './cloud-db.js';

export const CLOUD_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), tag: z.string() })),
});

/** Any number to lock on, the same for every instance: two instances starting at once take turns. */
const MIGRATION_LOCK_ID = 72_410_331;

export interface MigrationPlan {
  tag: string;
  statements: string[];
}

export function readMigrations(dir = CLOUD_MIGRATIONS_DIR): MigrationPlan[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')));
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(join(dir, `${tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        // drizzle-kit writes foreign keys as "public"."table"; unqualified, they follow search_path.
        .map((s) => s.replaceAll('"public".', ''))
        .filter((s) => s.length > 0),
    }));
}

/** Returns the tags applied by this call (empty when the schema was already current). */
export async function runCloudMigrations(db: CloudDb, dir = CLOUD_MIGRATIONS_DIR): Promise<string[]> {
  const plans = readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS cloud_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ tag: string }>('SELECT tag FROM cloud_migrations')).map((r) => r.tag),
    );
    const applied: string[] = [];
    for (const plan of plans) {
      if (done.has(plan.tag)) continue;
      for (const statement of plan.statements) await tx.query(statement);
      await tx.query('INSERT INTO cloud_migrations (tag) VALUES ($1)', [plan.tag]);
      applied.push(plan.tag);
    }
    return applied;
  });
}
