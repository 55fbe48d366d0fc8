// Migration 0003 on a database that already holds data (PGlite always, Postgres with TEST_DATABASE_URL):
// branches get the hub's default clock and currency, and lines of carts never submitted leave the
// product sales they had been counted in.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CloudDb } from './cloud-db.js';
import { readMigrations } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { dropSchema, openPostgresDb } from './postgres-db.js';

const TAG = '0003_branch_time_zone';

const targets: { name: string; open(): Promise<{ db: CloudDb; close(): Promise<void> }> }[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openPgliteDb();
      return { db, close: () => db.close() };
    },
  },
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  targets.push({
    name: 'postgres',
    async open() {
      const schema = `cloud_mig_${process.pid}_${randomBytes(4).toString('hex')}`;
      const db = await openPostgresDb({ url, schema, maxConnections: 2 });
      return {
        db,
        close: async () => {
          await db.close();
          await dropSchema(url, schema);
        },
      };
    },
  });
}

async function apply(db: CloudDb, tags: (tag: string) => boolean): Promise<void> {
  for (const plan of readMigrations().filter((p) => tags(p.tag))) {
    for (const statement of plan.statements) await db.query(statement);
  }
}

describe.each(targets)('migration 0003 on $name', (target) => {
  it('defaults branches to the hub settings and takes unsubmitted cart lines out of the sales', async () => {
    const { db, close } = await target.open();
    try {
      await apply(db, (tag) => tag < TAG);
      await db.query(`INSERT INTO tenants (id, name) VALUES ('t', 'Grupo')`);
      await db.query(`INSERT INTO branches (id, tenant_id, name) VALUES ('b', 't', 'Centro')`);
      await db.query(
        `INSERT INTO proj_rounds (branch_id, round_id, session_id, number, source, status, business_day) VALUES
           ('b', 'cart', 's', 1, 'DINER', 'DRAFT', '2026-03-06'), ('b', 'sent', 's', 2, 'STAFF', 'PLACED', '2026-03-06')`,
      );
      await db.query(
        `INSERT INTO proj_round_items (branch_id, item_id, round_id, product_id, name, unit_price_cents, modifiers_cents, qty, status, business_day) VALUES
           ('b', 'i1', 'cart', 'flan', 'Flan', 500, 50, 2, 'ACTIVE', '2026-03-06'),
           ('b', 'i2', 'cart', 'flan', 'Flan', 500, 0, 1, 'REMOVED', '2026-03-06'),
           ('b', 'i3', 'sent', 'flan', 'Flan', 500, 0, 3, 'ACTIVE', '2026-03-06')`,
      );
      await db.query(
        `INSERT INTO proj_product_sales (branch_id, business_day, product_id, name, qty, sales_cents)
         VALUES ('b', '2026-03-06', 'flan', 'Flan', 5, 2600)`,
      );

      await apply(db, (tag) => tag === TAG);

      expect(await db.query('SELECT time_zone, business_day_starts_at_hour, currency FROM branches')).toEqual(
        [{ time_zone: 'Europe/Madrid', business_day_starts_at_hour: 5, currency: 'EUR' }],
      );
      const items = await db.query<{ item_id: string; status: string }>(
        'SELECT item_id, status FROM proj_round_items ORDER BY item_id',
      );
      expect(items.map((i) => `${i.item_id}:${i.status}`)).toEqual(['i1:DRAFT', 'i2:REMOVED', 'i3:ACTIVE']);
      const [sales] = await db.query<{ qty: unknown; sales_cents: unknown }>(
        'SELECT qty, sales_cents FROM proj_product_sales',
      );
      expect([Number(sales?.qty), Number(sales?.sales_cents)]).toEqual([3, 1500]);
    } finally {
      await close();
    }
  });
});
