// Projects branch, menu, floor, staff and device events into their read tables.
import type Database from 'better-sqlite3';
import { stmt } from '../statements.js';
import type { ProjectorMap } from './projector-types.js';

type CatalogEvents =
  | 'BranchInitialized'
  | 'BranchSettingsUpdated'
  | 'CategoryUpserted'
  | 'StationUpserted'
  | 'ProductUpserted'
  | 'ProductAvailabilitySet'
  | 'BranchPriceSet'
  | 'StockAdjusted'
  | 'SectorUpserted'
  | 'TableUpserted'
  | 'JoinCodeRotated'
  | 'StaffCreated'
  | 'StaffUpdated'
  | 'StaffPinReset'
  | 'SectorsAssigned'
  | 'DeviceRegistered';

const b = (v: boolean) => (v ? 1 : 0);

export const catalogProjectors: ProjectorMap<CatalogEvents> = {
  BranchInitialized: (db, e) => {
    stmt(
      db,
      'INSERT INTO tenant (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
    ).run(e.data.tenantId, e.data.tenantName);
    stmt(
      db,
      'INSERT INTO branch (id, tenant_id, name, settings, catalog_version) VALUES (?, ?, ?, ?, 0)',
    ).run(e.data.branchId, e.data.tenantId, e.data.branchName, JSON.stringify(e.data.settings));
  },
  BranchSettingsUpdated: (db, e) => {
    stmt(db, 'UPDATE branch SET settings = ? WHERE id = ?').run(JSON.stringify(e.data.settings), e.branchId);
  },
  CategoryUpserted: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO category (id, branch_id, name_es, name_en, position, active) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name_es = excluded.name_es, name_en = excluded.name_en,
         position = excluded.position, active = excluded.active`,
    ).run(d.categoryId, e.branchId, d.name.es, d.name.en, d.position, b(d.active));
    bumpCatalog(db, e.branchId, d.catalogVersion);
  },
  StationUpserted: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO station (id, branch_id, name, position, active) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, position = excluded.position, active = excluded.active`,
    ).run(d.stationId, e.branchId, d.name, d.position, b(d.active));
    bumpCatalog(db, e.branchId, d.catalogVersion);
  },
  ProductUpserted: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO product (id, branch_id, category_id, name_es, name_en, description_es, description_en, price_cents,
         station, course, tax_rate_bp, allergens, modifier_groups, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id, name_es = excluded.name_es,
         name_en = excluded.name_en, description_es = excluded.description_es, description_en = excluded.description_en,
         price_cents = excluded.price_cents, station = excluded.station, course = excluded.course,
         tax_rate_bp = excluded.tax_rate_bp, allergens = excluded.allergens, modifier_groups = excluded.modifier_groups,
         active = excluded.active`,
    ).run(
      d.productId,
      e.branchId,
      d.categoryId,
      d.name.es,
      d.name.en,
      d.description.es,
      d.description.en,
      d.priceCents,
      d.station,
      d.course,
      d.taxRateBp,
      JSON.stringify(d.allergens),
      JSON.stringify(d.modifierGroups),
      b(d.active),
    );
    stmt(
      db,
      `INSERT INTO branch_product (product_id, branch_id, price_cents, available, stock_count) VALUES (?, ?, NULL, 1, NULL)
       ON CONFLICT(product_id) DO NOTHING`,
    ).run(d.productId, e.branchId);
    bumpCatalog(db, e.branchId, d.catalogVersion);
  },
  ProductAvailabilitySet: (db, e) => {
    stmt(db, 'UPDATE branch_product SET available = ?, stock_count = ? WHERE product_id = ?').run(
      b(e.data.available),
      e.data.stockCount,
      e.data.productId,
    );
  },
  BranchPriceSet: (db, e) => {
    stmt(db, 'UPDATE branch_product SET price_cents = ? WHERE product_id = ?').run(
      e.data.priceCents,
      e.data.productId,
    );
    bumpCatalog(db, e.branchId, e.data.catalogVersion);
  },
  StockAdjusted: (db, e) => {
    stmt(db, 'UPDATE branch_product SET stock_count = ?, available = ? WHERE product_id = ?').run(
      e.data.stockCount,
      b(e.data.available),
      e.data.productId,
    );
  },
  SectorUpserted: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO sector (id, branch_id, name, position, active) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, position = excluded.position, active = excluded.active`,
    ).run(d.sectorId, e.branchId, d.name, d.position, b(d.active));
  },
  TableUpserted: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO dining_table (id, branch_id, sector_id, label, seats, join_code, active) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET sector_id = excluded.sector_id, label = excluded.label, seats = excluded.seats,
         join_code = excluded.join_code, active = excluded.active`,
    ).run(d.tableId, e.branchId, d.sectorId, d.label, d.seats, d.joinCode, b(d.active));
  },
  JoinCodeRotated: (db, e) => {
    stmt(db, 'UPDATE dining_table SET join_code = ? WHERE id = ?').run(e.data.joinCode, e.data.tableId);
  },
  StaffCreated: (db, e) => {
    const d = e.data;
    stmt(db, 'INSERT INTO staff (id, branch_id, name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?, 1)').run(
      d.staffId,
      e.branchId,
      d.name,
      d.role,
      d.pinHash,
    );
  },
  StaffUpdated: (db, e) => {
    const d = e.data;
    stmt(db, 'UPDATE staff SET name = ?, role = ?, active = ? WHERE id = ?').run(
      d.name,
      d.role,
      b(d.active),
      d.staffId,
    );
  },
  StaffPinReset: (db, e) => {
    stmt(db, 'UPDATE staff SET pin_hash = ? WHERE id = ?').run(e.data.pinHash, e.data.staffId);
  },
  SectorsAssigned: (db, e) => {
    stmt(db, 'DELETE FROM waiter_assignment WHERE staff_id = ?').run(e.data.staffId);
    for (const sectorId of e.data.sectorIds) {
      stmt(db, 'INSERT INTO waiter_assignment (staff_id, sector_id) VALUES (?, ?)').run(
        e.data.staffId,
        sectorId,
      );
    }
  },
  DeviceRegistered: (db, e) => {
    const d = e.data;
    stmt(
      db,
      `INSERT INTO device (id, branch_id, kind, name, station) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, station = excluded.station`,
    ).run(d.deviceId, e.branchId, d.kind, d.name, d.station);
  },
};

function bumpCatalog(db: Database.Database, branchId: string, version: number): void {
  stmt(db, 'UPDATE branch SET catalog_version = ? WHERE id = ?').run(version, branchId);
}
