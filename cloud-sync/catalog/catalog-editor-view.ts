// What the owner's menu editor shows for one branch: the cloud's copy with effective prices, which edits
// each hub has applied (and when), and the recent change log. Always scoped by tenant.
import type { CatalogEditorView } from '../../protocol/owner-api.js';
import { toIso, toNumber, type SqlRunner } from '../db/cloud-db.js';
import { catalogHead } from './catalog-feed.js';
import { branchPriceOf, type CategoryRow, type ProductRow, type StationRow } from './catalog-rows.js';

/** Undefined when the branch is not the tenant's: callers answer 404 and reveal nothing. */
export async function catalogEditorView(
  db: SqlRunner,
  tenantId: string,
  branchId: string,
): Promise<CatalogEditorView | undefined> {
  const branch = await db.query<{ name: string; currency: string }>(
    'SELECT name, currency FROM branches WHERE id = $1 AND tenant_id = $2',
    [branchId, tenantId],
  );
  if (branch[0] === undefined) return undefined;
  const { head } = await catalogHead(db, branchId);
  const categories = await db.query<CategoryRow>(
    'SELECT * FROM catalog_categories WHERE branch_id = $1 ORDER BY position, category_id',
    [branchId],
  );
  const stations = await db.query<StationRow>(
    'SELECT * FROM catalog_stations WHERE branch_id = $1 ORDER BY position, station_id',
    [branchId],
  );
  const products = await db.query<ProductRow>(
    `SELECT p.* FROM catalog_products p LEFT JOIN catalog_categories c
        ON c.branch_id = p.branch_id AND c.category_id = p.category_id
      WHERE p.branch_id = $1 ORDER BY c.position NULLS LAST, p.category_id, p.name->>'es'`,
    [branchId],
  );
  const pending = await db.query<{ product_id: string; v: unknown }>(
    `SELECT payload->>'productId' AS product_id, max(version) AS v FROM catalog_changes
      WHERE branch_id = $1 AND applied_at IS NULL AND payload ? 'productId' GROUP BY 1`,
    [branchId],
  );
  const pendingOf = new Map(pending.map((r) => [r.product_id, toNumber(r.v)]));
  const hubs = await db.query<Record<string, unknown>>(
    `SELECT h.id, h.name, a.version, a.applied_at, s.last_seen_at FROM hubs h
       LEFT JOIN catalog_hub_applied a ON a.hub_id = h.id LEFT JOIN hub_status s ON s.hub_id = h.id
      WHERE h.branch_id = $1 ORDER BY h.created_at`,
    [branchId],
  );
  const changes = await db.query<Record<string, unknown>>(
    `SELECT version, type, payload, made_at, made_by, applied_at FROM catalog_changes
      WHERE branch_id = $1 ORDER BY version DESC LIMIT 30`,
    [branchId],
  );
  return {
    branchId,
    branchName: branch[0].name,
    currency: branch[0].currency,
    headVersion: head,
    categories: categories.map((c) => ({
      categoryId: c.category_id,
      name: c.name,
      position: c.position,
      active: c.active,
    })),
    stations: stations.map((s) => ({ stationId: s.station_id, name: s.name })),
    products: products.map((p) => {
      const branchPrice = branchPriceOf(p);
      const base = toNumber(p.price_cents);
      return {
        productId: p.product_id,
        categoryId: p.category_id,
        name: p.name,
        priceCents: base,
        branchPriceCents: branchPrice,
        effectivePriceCents: branchPrice ?? base,
        station: p.station,
        course: p.course,
        allergens: p.allergens,
        active: p.active,
        available: p.available,
        stockCount: p.stock_count,
        pendingVersion: pendingOf.get(p.product_id) ?? null,
      };
    }),
    hubs: hubs.map((h) => ({
      hubId: String(h.id),
      name: String(h.name),
      appliedVersion: h.version === null || h.version === undefined ? null : toNumber(h.version),
      appliedAt: h.applied_at === null || h.applied_at === undefined ? null : String(h.applied_at),
      lastSeenAt: toIso(h.last_seen_at),
    })),
    changes: changes.map((c) => {
      const payload = c.payload as Record<string, unknown>;
      return {
        version: toNumber(c.version),
        type: String(c.type),
        productId: typeof payload.productId === 'string' ? payload.productId : null,
        payload,
        madeAt: toIso(c.made_at),
        madeBy: String(c.made_by),
        appliedAt: c.applied_at === null ? null : String(c.applied_at),
      };
    }),
  };
}
