// The cloud's copy of a branch's menu, written by two paths in one shape: ingested hub catalog events
// (the seed: a new branch's copy starts as whatever its hub already serves, demo menu included) and the
// owner's edits (applied here at once, then sent down the feed). Both write through these upserts, so the
// copy follows the hub's order: when the hub applies an owner's change its event comes back and lands
// here too, and a hub-local edit made after that wins, exactly as it does on the hub.
import type { DataOf, DomainEvent } from '../../protocol/events/event.js';
import type { SqlRunner } from '../db/cloud-db.js';

export async function upsertCategory(
  tx: SqlRunner,
  branchId: string,
  d: Pick<DataOf<'CategoryUpserted'>, 'categoryId' | 'name' | 'position' | 'active'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO catalog_categories (branch_id, category_id, name, position, active) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (branch_id, category_id) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position, active = EXCLUDED.active`,
    [branchId, d.categoryId, JSON.stringify(d.name), d.position, d.active],
  );
}

export async function upsertStation(
  tx: SqlRunner,
  branchId: string,
  d: Pick<DataOf<'StationUpserted'>, 'stationId' | 'name' | 'position' | 'active'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO catalog_stations (branch_id, station_id, name, position, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (branch_id, station_id) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position, active = EXCLUDED.active`,
    [branchId, d.stationId, d.name, d.position, d.active],
  );
}

export type ProductFields = Omit<DataOf<'ProductUpserted'>, 'catalogVersion'>;

/** Branch price and availability are not product fields: an upsert keeps them (as the hub does). */
export async function upsertProduct(tx: SqlRunner, branchId: string, d: ProductFields): Promise<void> {
  await tx.query(
    `INSERT INTO catalog_products (branch_id, product_id, category_id, name, description, price_cents, station, course,
       tax_rate_bp, allergens, modifier_groups, active)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12)
     ON CONFLICT (branch_id, product_id) DO UPDATE SET category_id = EXCLUDED.category_id, name = EXCLUDED.name,
       description = EXCLUDED.description, price_cents = EXCLUDED.price_cents, station = EXCLUDED.station,
       course = EXCLUDED.course, tax_rate_bp = EXCLUDED.tax_rate_bp, allergens = EXCLUDED.allergens,
       modifier_groups = EXCLUDED.modifier_groups, active = EXCLUDED.active`,
    [
      branchId,
      d.productId,
      d.categoryId,
      JSON.stringify(d.name),
      JSON.stringify(d.description),
      d.priceCents,
      d.station,
      d.course,
      d.taxRateBp,
      JSON.stringify(d.allergens),
      JSON.stringify(d.modifierGroups),
      d.active,
    ],
  );
}

export async function setBranchPrice(
  tx: SqlRunner,
  branchId: string,
  productId: string,
  priceCents: number | null,
): Promise<void> {
  await tx.query(
    'UPDATE catalog_products SET branch_price_cents = $3 WHERE branch_id = $1 AND product_id = $2',
    [branchId, productId, priceCents],
  );
}

export async function setAvailability(
  tx: SqlRunner,
  branchId: string,
  productId: string,
  available: boolean,
  stockCount: number | null,
): Promise<void> {
  await tx.query(
    'UPDATE catalog_products SET available = $3, stock_count = $4 WHERE branch_id = $1 AND product_id = $2',
    [branchId, productId, available, stockCount],
  );
}

/**
 * The ingest hook: called for every applied event inside the ingest transaction. Returns whether the
 * event was a catalog event (others pass through untouched).
 */
export async function projectCatalogEvent(
  tx: SqlRunner,
  branchId: string,
  event: DomainEvent,
): Promise<boolean> {
  switch (event.type) {
    case 'CategoryUpserted':
      await upsertCategory(tx, branchId, event.data);
      return true;
    case 'StationUpserted':
      await upsertStation(tx, branchId, event.data);
      return true;
    case 'ProductUpserted': {
      const { catalogVersion: _hubVersion, ...fields } = event.data;
      await upsertProduct(tx, branchId, fields);
      return true;
    }
    case 'BranchPriceSet':
      await setBranchPrice(tx, branchId, event.data.productId, event.data.priceCents);
      return true;
    case 'ProductAvailabilitySet':
      await setAvailability(tx, branchId, event.data.productId, event.data.available, event.data.stockCount);
      return true;
    case 'StockAdjusted':
      await setAvailability(tx, branchId, event.data.productId, event.data.available, event.data.stockCount);
      return true;
    default:
      return false;
  }
}
