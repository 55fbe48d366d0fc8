// The write plan of a batched ingest: each table's rows as one JSON document, and all of them sent
// as ONE statement, so a batch costs one round trip however many tables it touches.
import type { SqlRunner } from '../db/cloud-db.js';

/** One INSERT/upsert of a batch write: `sql` gets the placeholder of its rows' JSON document. */
export interface BatchWrite {
  rows: unknown[];
  /** `rows` already as JSON, when it could be made before the hub's cursor lock was taken. */
  json?: string;
  sql(doc: string): string;
}

/**
 * Several writes as ONE statement (data-modifying CTEs: each runs exactly once, all or none), so a
 * batch costs one round trip however many tables it touches. The shared params come first.
 * Documents are `json`, not `jsonb`: json_to_recordset picks each row's fields out of the text without
 * first building (and key-sorting) a jsonb tree, and the events' data lands in its json column verbatim.
 */
export async function runWrites(
  tx: SqlRunner,
  /** `$1`, `$2`, … of every write, with their SQL types. */
  shared: readonly (readonly [value: unknown, sqlType: string])[],
  writes: readonly BatchWrite[],
  /** What the statement answers (a read of the table as it was before these writes); default `1`. */
  select = '1',
): Promise<Record<string, unknown> | undefined> {
  if (writes.length === 0) return undefined;
  const params = shared.map(([value]) => value);
  // Every shared parameter typed once, in a CTE that is never run: a batch whose writes happen not to
  // use one (no projection row changed, so no `$1`) would otherwise fail with "could not determine
  // data type of parameter $1".
  const declared = `p AS (SELECT ${shared.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})`;
  const ctes = writes.map((w, i) => {
    params.push(w.json ?? JSON.stringify(w.rows));
    return `w${i} AS (${w.sql(`$${params.length}::json`)})`;
  });
  const [row] = await tx.query<Record<string, unknown>>(
    `WITH ${[declared, ...ctes].join(',\n')} SELECT ${select}`,
    params,
    { prepare: true },
  );
  return row;
}
