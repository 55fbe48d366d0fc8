// The one small database interface that embedded PGlite and real Postgres both implement.
// Everything above it writes plain SQL with $n parameters, so both back ends run the same code path.

/** Anything that runs a parameterised statement: the database itself or an open transaction. */
export interface SqlRunner {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<R[]>;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on its connection, so running it again skips parsing and, once
   * Postgres settles on a generic plan, planning. For the few hot statements of ingest, whose text
   * repeats; a back end may ignore it.
   */
  prepare?: boolean;
}

export type CloudDbKind = 'pglite' | 'postgres';

export interface CloudDb extends SqlRunner {
  readonly kind: CloudDbKind;
  /** Safe to show on /healthz: no credentials. */
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Dashboard reads may go to a replica; the write handle is the only one ingest and admin use. */
export interface CloudDatabases {
  readonly write: CloudDb;
  readonly read: SqlRunner & { readonly description: string };
  close(): Promise<void>;
}

/** int8 and numeric come back as strings from pg and as number/bigint from PGlite; money stays exact. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') {
    const n = Number(value);
    if (!Number.isSafeInteger(n) && !Number.isFinite(n)) throw new RangeError(`not a number: ${value}`);
    return n;
  }
  if (value === null || value === undefined) return 0;
  throw new TypeError(`not a number: ${typeof value}`);
}

export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

/** Postgres unique-violation, on both drivers. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
