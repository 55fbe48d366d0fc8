// Every migration, on an empty database and on an older database holding data. Written over the whole
// journal, so each new migration is covered the day it lands: the database a hub left at migration N-1,
// full of orders, must come out of the hub's own start-up (openDatabase) at the latest with its data whole.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, runMigrations } from '../hub/store/database.js';
import { migrationsUpTo, readJournal } from './support/migration-folders.js';
import { columnsOf, insertSeed, missingSeed } from './support/raw-seed.js';
import { disposeDemoTemplate, openDemoHubCopy } from './support/demo-hub-copy.js';
import { WAITER_SALON } from './support/hub-fixture.js';

const work = mkdtempSync(join(tmpdir(), 'comanda-migrations-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  disposeDemoTemplate();
});

const entries = readJournal().entries;
const steps = entries.map((e, i) => ({ count: i + 1, tag: e.tag }));
let files = 0;
const newFile = () => join(work, `db-${++files}.sqlite`);

function healthy(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

/** Every user table with all its rows, for before/after comparisons. */
function dumpAll(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

const schemaSql = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();

describe('migrations', () => {
  it('the journal lists migrations in the order they were written', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    // drizzle applies a migration only when its `when` is later than the last one applied.
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.when).toBeGreaterThan(entries[i - 1]!.when);
  });

  it.each(steps)('migrations up to $tag apply to an empty database', ({ count }) => {
    const db = new Database(newFile());
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrationsUpTo(count, work));
    expect((db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(
      count,
    );
    healthy(db);
    db.close();
  });

  it('the migrations build the tables and columns the drizzle schema declares (else run npm run db:generate)', async () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const schemaDir = fileURLToPath(new URL('../hub/store/schema/', import.meta.url));
    const declared = new Map<string, Array<{ name: string; notNull: boolean }>>();
    for (const f of readdirSync(schemaDir).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      const mod = (await import(join(schemaDir, f))) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (!is(value, SQLiteTable)) continue;
        const config = getTableConfig(value);
        declared.set(
          config.name,
          config.columns.map((c) => ({ name: c.name, notNull: c.notNull })),
        );
      }
    }
    const built = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
    )
      .map((t) => t.name)
      .filter((n) => !n.startsWith('sqlite_') && n !== '__drizzle_migrations');
    expect(built.sort()).toEqual([...declared.keys()].sort());
    for (const [table, columns] of declared) {
      const actual = columnsOf(db, table).map((c) => ({
        name: c.name,
        notNull: c.notnull === 1 || c.pk > 0,
      }));
      const expected = columns.map((c) => ({ name: c.name, notNull: c.notNull }));
      expect(
        actual.sort((a, b) => a.name.localeCompare(b.name)),
        table,
      ).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    }
    db.close();
  });

  // One case per migration after the first: the database as migration N-1 left it, full of data.
  const upgrades = steps.slice(1).map((s) => ({ ...s, from: entries[s.count - 2]!.tag }));
  it.runIf(upgrades.length > 0).each(upgrades)(
    'a database at $from holding data migrates to the latest with its data whole',
    ({ count }) => {
      const file = newFile();
      const older = new Database(file);
      older.pragma('journal_mode = WAL');
      older.pragma('foreign_keys = ON');
      runMigrations(older, migrationsUpTo(count - 1, work));
      const inserted = insertSeed(older);
      expect(inserted.length).toBeGreaterThan(10);
      healthy(older);
      older.close();

      // The hub's own start-up path migrates it: the same pragmas, the real migrations folder.
      const hub = openDatabase({ file });
      expect(
        (hub.write.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
      ).toBe(entries.length);
      expect(missingSeed(hub.write, inserted)).toEqual([]);
      healthy(hub.write);
      hub.close();
    },
  );

  it('re-running the migrations on a populated database already at the latest changes nothing', () => {
    const file = newFile();
    const first = openDatabase({ file });
    const inserted = insertSeed(first.write);
    healthy(first.write);
    const before = { rows: dumpAll(first.write), schema: schemaSql(first.write) };
    runMigrations(first.write);
    first.close();
    const again = openDatabase({ file });
    expect({ rows: dumpAll(again.write), schema: schemaSql(again.write) }).toEqual(before);
    expect(missingSeed(again.write, inserted)).toEqual([]);
    healthy(again.write);
    again.close();
  });

  it('reopening a hub database written through the write path leaves every table as it was', async () => {
    const hub = await openDemoHubCopy();
    const run = (type: string, payload: Record<string, unknown>) =>
      hub.execute(WAITER_SALON, { commandId: `migrate-${type}`, type, payload });
    const opened = await run('OpenSession', { tableId: 'table-2', guests: 2 });
    expect(opened.ok).toBe(true);
    const sessionId = opened.ok ? opened.data.sessionId : '';
    expect((await run('PlaceRound', { sessionId, items: [{ productId: 'prod-bravas', qty: 2 }] })).ok).toBe(
      true,
    );
    const file = hub.db.file;
    hub.db.checkpoint();
    const before = { rows: dumpAll(hub.db.write), schema: schemaSql(hub.db.write) };
    hub.db.close();
    const reopened = openDatabase({ file });
    expect({ rows: dumpAll(reopened.write), schema: schemaSql(reopened.write) }).toEqual(before);
    healthy(reopened.write);
    reopened.close();
    rmSync(join(file, '..'), { recursive: true, force: true });
  });
});
