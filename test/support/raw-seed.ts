// A restaurant written straight into the tables with SQL, the way an older hub left it on disk: a branch,
// its menu, a seated table with a round in the kitchen and a payment. Rows adapt to the columns a
// schema version has, so the same seed fits any point of the migration history.
import type Database from 'better-sqlite3';

type Value = string | number | null;
export interface SeedRow {
  table: string;
  row: Record<string, Value>;
}

const at = '2026-11-27T20:00:00.000Z';
const demoSettings = JSON.stringify({ currency: 'EUR', locale: 'es', timeZone: 'Europe/Madrid' });

/** In foreign-key order. */
export const SEED: SeedRow[] = [
  { table: 'tenant', row: { id: 'tenant-old', name: 'Old Group' } },
  {
    table: 'branch',
    row: {
      id: 'branch-old',
      tenant_id: 'tenant-old',
      name: 'Old Branch',
      settings: demoSettings,
      catalog_version: 7,
    },
  },
  { table: 'station', row: { id: 'grill', branch_id: 'branch-old', name: 'Grill', position: 0, active: 1 } },
  {
    table: 'category',
    row: {
      id: 'cat-mains',
      branch_id: 'branch-old',
      name_es: 'Principales',
      name_en: 'Mains',
      position: 0,
      active: 1,
    },
  },
  ...['steak', 'flan'].map((p, i): SeedRow => ({
    table: 'product',
    row: {
      id: `prod-${p}`,
      branch_id: 'branch-old',
      category_id: 'cat-mains',
      name_es: p,
      name_en: p,
      description_es: '',
      description_en: '',
      price_cents: 1500 + i * 100,
      station: 'grill',
      course: 'main',
      tax_rate_bp: 1000,
      allergens: '[]',
      modifier_groups: '[]',
      active: 1,
    },
  })),
  {
    table: 'branch_product',
    row: {
      product_id: 'prod-steak',
      branch_id: 'branch-old',
      price_cents: null,
      available: 1,
      stock_count: 4,
    },
  },
  {
    table: 'branch_product',
    row: {
      product_id: 'prod-flan',
      branch_id: 'branch-old',
      price_cents: 550,
      available: 0,
      stock_count: null,
    },
  },
  {
    table: 'sector',
    row: { id: 'sector-old', branch_id: 'branch-old', name: 'Salón', position: 0, active: 1 },
  },
  {
    table: 'dining_table',
    row: {
      id: 'table-old',
      branch_id: 'branch-old',
      sector_id: 'sector-old',
      label: '1',
      seats: 4,
      join_code: 'ABC234',
      active: 1,
    },
  },
  {
    table: 'staff',
    row: { id: 'staff-old', branch_id: 'branch-old', name: 'Ana', role: 'WAITER', pin_hash: 'x', active: 1 },
  },
  { table: 'waiter_assignment', row: { staff_id: 'staff-old', sector_id: 'sector-old' } },
  {
    table: 'table_session',
    row: {
      id: 'session-old',
      branch_id: 'branch-old',
      table_id: 'table-old',
      status: 'PAYING',
      guests: 2,
      opened_by: 'staff-old',
      opened_at: at,
      round_count: 1,
    },
  },
  {
    table: 'diner',
    row: { id: 'diner-old', session_id: 'session-old', name: 'Bea', seat: 1, joined_at: at },
  },
  {
    table: 'round',
    row: {
      id: 'round-old',
      branch_id: 'branch-old',
      session_id: 'session-old',
      number: 1,
      status: 'IN_KITCHEN',
      source: 'STAFF',
      created_at: at,
    },
  },
  ...['steak', 'flan'].map((p, i): SeedRow => ({
    table: 'round_item',
    row: {
      id: `item-${p}`,
      round_id: 'round-old',
      position: i,
      product_id: `prod-${p}`,
      name_es: p,
      name_en: p,
      unit_price_cents: 1500 + i * 100,
      qty: 1,
      modifiers: '[]',
      modifiers_cents: 0,
      notes: '',
      course: 'main',
      station: 'grill',
      tax_rate_bp: 1000,
      allergens: '[]',
      status: 'FIRED',
      ticket_id: 'ticket-old',
    },
  })),
  {
    table: 'kitchen_ticket',
    row: {
      id: 'ticket-old',
      branch_id: 'branch-old',
      round_id: 'round-old',
      session_id: 'session-old',
      table_id: 'table-old',
      station: 'grill',
      course: 'main',
      status: 'STARTED',
      daily_number: 12,
      business_day: '2026-11-27',
      created_at: at,
      bumped_item_ids: '[]',
    },
  },
  {
    table: 'payment',
    row: {
      id: 'payment-old',
      session_id: 'session-old',
      method: 'CARD',
      amount_cents: 1000,
      tip_cents: 100,
      change_cents: 0,
      status: 'CAPTURED',
      refunded_cents: 0,
      recorded_at: at,
    },
  },
  {
    table: 'event',
    row: {
      seq: 1,
      id: 'event-old',
      branch_id: 'branch-old',
      aggregate_type: 'session',
      aggregate_id: 'session-old',
      aggregate_seq: 1,
      type: 'SessionOpened',
      data: JSON.stringify({
        sessionId: 'session-old',
        tableId: 'table-old',
        guests: 2,
        openedBy: 'staff-old',
      }),
      command_id: 'cmd-old',
      actor: JSON.stringify({ kind: 'staff', staffId: 'staff-old', role: 'WAITER' }),
      occurred_at: at,
      tx_id: 1,
    },
  },
  {
    table: 'outbox',
    row: {
      event_seq: 1,
      event_id: 'event-old',
      aggregate_key: 'session:session-old',
      tx_id: 1,
      status: 'pending',
      attempts: 0,
    },
  },
  {
    table: 'command_log',
    row: {
      command_id: 'cmd-old',
      type: 'OpenSession',
      payload_hash: 'h',
      actor: '{}',
      result: JSON.stringify({ ok: true, data: { sessionId: 'session-old' }, seq: 1 }),
      ok: 1,
      last_seq: 1,
      created_at: at,
    },
  },
];

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

export const columnsOf = (db: Database.Database, table: string) =>
  db.prepare(`SELECT * FROM pragma_table_info(?)`).all(table) as ColumnInfo[];

/**
 * Inserts the seed into whatever tables and columns this database has: unknown columns are left out,
 * required columns the seed does not know get a neutral value. Returns the rows as inserted.
 */
export function insertSeed(db: Database.Database, seed: readonly SeedRow[] = SEED): SeedRow[] {
  const inserted: SeedRow[] = [];
  for (const { table, row } of seed) {
    const columns = columnsOf(db, table);
    if (columns.length === 0) continue;
    const values: Record<string, Value> = {};
    for (const c of columns) {
      if (c.name in row) values[c.name] = row[c.name]!;
      else if (c.notnull && c.dflt_value === null && c.pk === 0)
        values[c.name] = /INT/i.test(c.type) ? 0 : '';
    }
    const names = Object.keys(values);
    db.prepare(
      `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((n) => values[n]));
    inserted.push({ table, row: values });
  }
  return inserted;
}

/** What became of the seeded rows: each must still be there, with every column that still exists unchanged. */
export function missingSeed(db: Database.Database, inserted: readonly SeedRow[]): string[] {
  const problems: string[] = [];
  for (const { table, row } of inserted) {
    const columns = columnsOf(db, table);
    if (columns.length === 0) {
      problems.push(`table ${table} is gone`);
      continue;
    }
    const keys = columns.filter((c) => c.pk > 0).map((c) => c.name);
    const found = db
      .prepare(`SELECT * FROM "${table}" WHERE ${keys.map((k) => `"${k}" = ?`).join(' AND ')}`)
      .get(...keys.map((k) => row[k])) as Record<string, Value> | undefined;
    if (!found) {
      problems.push(`${table} row ${JSON.stringify(keys.map((k) => row[k]))} is gone`);
      continue;
    }
    for (const [column, value] of Object.entries(row)) {
      if (column in found && found[column] !== value) {
        problems.push(`${table}.${column} was ${JSON.stringify(value)}, is ${JSON.stringify(found[column])}`);
      }
    }
  }
  return problems;
}
