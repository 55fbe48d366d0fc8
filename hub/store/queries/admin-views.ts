// The admin app's catalog and floor: every row, inactive ones included, with the positions and flags
// the editor changes. The menu and floor reads (read-models.ts) show only what is in service.
import type Database from 'better-sqlite3';
import type { AdminCatalogView, AdminFloorView } from '../../../protocol/admin-api-views.js';
import { loadBranch, productFromRow } from './view-loaders.js';

type Row = Record<string, unknown>;

export function adminCatalogView(db: Database.Database): AdminCatalogView {
  const branch = loadBranch(db);
  const stations = db.prepare('SELECT * FROM station ORDER BY position, name').all() as Row[];
  const categories = db.prepare('SELECT * FROM category ORDER BY position, name_es').all() as Row[];
  const products = db
    .prepare(
      `SELECT p.*, bp.price_cents AS branch_price, bp.available, bp.stock_count
       FROM product p LEFT JOIN branch_product bp ON bp.product_id = p.id ORDER BY p.name_es`,
    )
    .all() as Row[];
  return {
    catalogVersion: branch?.catalogVersion ?? 0,
    currency: branch?.settings.currency ?? 'EUR',
    stations: stations.map((s) => ({
      id: s.id as string,
      name: s.name as string,
      position: s.position as number,
      active: s.active === 1,
    })),
    categories: categories.map((c) => ({
      id: c.id as string,
      name: { es: c.name_es as string, en: c.name_en as string },
      position: c.position as number,
      active: c.active === 1,
    })),
    products: products.map((r) => ({
      ...productFromRow(r),
      description: { es: r.description_es as string, en: r.description_en as string },
    })),
  };
}

export function adminFloorView(db: Database.Database): AdminFloorView {
  const sectors = db.prepare('SELECT * FROM sector ORDER BY position, name').all() as Row[];
  const tables = db
    .prepare('SELECT * FROM dining_table ORDER BY CAST(label AS INTEGER), label')
    .all() as Row[];
  return {
    branchName: loadBranch(db)?.name ?? '',
    sectors: sectors.map((s) => ({
      id: s.id as string,
      name: s.name as string,
      position: s.position as number,
      active: s.active === 1,
    })),
    tables: tables.map((t) => ({
      id: t.id as string,
      sectorId: t.sector_id as string,
      label: t.label as string,
      seats: t.seats as number,
      joinCode: t.join_code as string,
      active: t.active === 1,
    })),
  };
}
