// One contract for every CloudDb back end: what ingest relies on must behave the same on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, toNumber, type CloudDb } from './cloud-db.js';
import { readMigrations, runCloudMigrations } from './migrate.js';
import { DB_TARGETS, type OpenedTarget } from '../test-support/db-targets.js';

describe.each(DB_TARGETS)('CloudDb contract on $name', (target) => {
  let opened: OpenedTarget;
  let db: CloudDb;
  beforeAll(async () => {
    opened = await target.open();
    db = opened.db;
    await db.exec('CREATE TABLE contract_t (id text PRIMARY KEY, n bigint NOT NULL, doc jsonb)');
  });
  afterAll(() => opened?.close());

  it('has applied every migration, and applying again does nothing', async () => {
    const tags = (await db.query<{ tag: string }>('SELECT tag FROM cloud_migrations ORDER BY tag')).map(
      (r) => r.tag,
    );
    expect(tags).toEqual(readMigrations().map((m) => m.tag));
    expect(await runCloudMigrations(db)).toEqual([]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO contract_t (id, n) VALUES ($1, $2)', ['kept', 1]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO contract_t (id, n) VALUES ($1, $2)', ['lost', 1]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const ids = (await db.query<{ id: string }>('SELECT id FROM contract_t ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual(['kept']);
  });

  it('reports unique violations the same way', async () => {
    const err = await db
      .query('INSERT INTO contract_t (id, n) VALUES ($1, $2)', ['kept', 2])
      .catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('round-trips big integers, jsonb and nulls', async () => {
    const big = 9_007_199_254_740_991;
    await db.query('INSERT INTO contract_t (id, n, doc) VALUES ($1, $2, $3::jsonb)', [
      'big',
      big,
      JSON.stringify({ a: [1, 'ñ', null] }),
    ]);
    const [row] = await db.query<{ n: unknown; doc: unknown }>(
      'SELECT n, doc FROM contract_t WHERE id = $1',
      ['big'],
    );
    expect(toNumber(row?.n)).toBe(big);
    expect(row?.doc).toEqual({ a: [1, 'ñ', null] });
    const [sum] = await db.query<{ s: unknown }>('SELECT sum(n) AS s FROM contract_t WHERE id = $1', [
      'kept',
    ]);
    expect(toNumber(sum?.s)).toBe(1);
  });
});
