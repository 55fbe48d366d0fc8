// CloudDb on real Postgres through a node-postgres pool.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { CloudDb, QueryOptions, SqlRunner } from './cloud-db.js';

export interface PostgresOptions {
  url: string;
  /** Every connection gets this search_path; tests use a fresh schema per run so they never collide. */
  schema?: string;
  maxConnections?: number;
}

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** A prepared statement's name: the text's hash, so one text is prepared once per connection. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `c${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    // Texts are built from a handful of shapes; the bound only guards against a caller that is not.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

function runnerOf(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query<R>(sql: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<R[]> {
      const values = params as unknown[];
      const result = await (options?.prepare
        ? client.query({ name: statementName(sql), text: sql, values })
        : client.query(sql, values));
      return result.rows as R[];
    },
  };
}

/** postgres://user@host:port/db without the password, for logs and /healthz. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable url)';
  }
}

export async function openPostgresDb(options: PostgresOptions): Promise<CloudDb> {
  const { url, schema } = options;
  if (schema !== undefined && !SAFE_SCHEMA.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    description: `postgres (${describeUrl(url)}${schema === undefined ? '' : `, schema ${schema}`})`,
    ...runnerOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runnerOf(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!SAFE_SCHEMA.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
