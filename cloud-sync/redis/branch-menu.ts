// The menu read model of one branch, as diners' and owners' screens read it: active categories in
// order, each with its active products at the effective price (branch price over base price). Loaded
// from the cloud's catalog copy (cloud-sync/catalog), served through the read cache with refresh-ahead,
// and warmed for every branch at start so the first reader after a deploy does not pay the load.
import type { LocalizedText } from '../../protocol/domain-values.js';
import { catchUpCatalog } from '../catalog/catalog-ingest-tail.js';
import { branchPriceOf, type CategoryRow, type ProductRow } from '../catalog/catalog-rows.js';
import { toNumber, type CloudDatabases } from '../db/cloud-db.js';
import type { CacheStrategy, ReadCache } from './read-cache.js';

export interface BranchMenu {
  branchId: string;
  categories: {
    categoryId: string;
    name: LocalizedText;
    products: {
      productId: string;
      name: LocalizedText;
      description: { es: string; en: string };
      priceCents: number;
      station: string;
      course: string;
      allergens: ProductRow['allergens'];
      modifierGroups: ProductRow['modifier_groups'];
      available: boolean;
      stockCount: number | null;
    }[];
  }[];
  loadedAt: string;
}

/** The cache key of a branch's menu; the hash tag keeps a branch's keys in one cluster slot. */
export const menuKey = (branchId: string): string => `menu:{${branchId}}`;

/** Requirements (REDIS-03): products refresh ahead, 30 s before they would expire. */
export function menuStrategy(ttlMs: number): CacheStrategy {
  return { kind: 'refresh-ahead', ttlMs, refreshBelowMs: Math.min(30_000, Math.floor(ttlMs / 2)) };
}

export async function loadBranchMenu(
  dbs: CloudDatabases,
  branchId: string,
  nowMs: number,
): Promise<BranchMenu> {
  // The catalog copy trails the hubs' synced catalog events until someone catches it up; do it here so
  // a menu never shows less than the hubs have reported (one indexed query when nothing is new).
  await catchUpCatalog(dbs.write, branchId);
  const categories = await dbs.read.query<CategoryRow>(
    'SELECT * FROM catalog_categories WHERE branch_id = $1 AND active ORDER BY position, category_id',
    [branchId],
  );
  const products = await dbs.read.query<ProductRow>(
    `SELECT * FROM catalog_products WHERE branch_id = $1 AND active ORDER BY category_id, name->>'es', product_id`,
    [branchId],
  );
  const byCategory = new Map<string, BranchMenu['categories'][number]['products']>();
  for (const p of products) {
    const list = byCategory.get(p.category_id) ?? [];
    list.push({
      productId: p.product_id,
      name: p.name,
      description: p.description,
      priceCents: branchPriceOf(p) ?? toNumber(p.price_cents),
      station: p.station,
      course: p.course,
      allergens: p.allergens,
      modifierGroups: p.modifier_groups,
      available: p.available,
      stockCount: p.stock_count,
    });
    byCategory.set(p.category_id, list);
  }
  return {
    branchId,
    categories: categories.map((c) => ({
      categoryId: c.category_id,
      name: c.name,
      products: byCategory.get(c.category_id) ?? [],
    })),
    loadedAt: new Date(nowMs).toISOString(),
  };
}

export interface MenuCache {
  read(branchId: string): Promise<BranchMenu>;
  invalidate(branchId: string): Promise<void>;
  /** Loads every branch's menu into the cache (a few at a time); returns how many. */
  warmAll(): Promise<number>;
}

const WARM_CONCURRENCY = 4;

export function branchMenuCache(
  cache: ReadCache,
  dbs: CloudDatabases,
  ttlMs: number,
  now: () => number,
): MenuCache {
  const strategy = menuStrategy(ttlMs);
  const loader = (branchId: string) => () => loadBranchMenu(dbs, branchId, now());
  return {
    read: (branchId) => cache.cached(menuKey(branchId), loader(branchId), strategy),
    invalidate: (branchId) => cache.invalidate(menuKey(branchId)),
    async warmAll() {
      const branches = await dbs.read.query<{ id: string }>('SELECT id FROM branches ORDER BY id');
      let next = 0;
      const worker = async () => {
        while (next < branches.length) {
          const { id } = branches[next++]!;
          await cache.warm(menuKey(id), loader(id), strategy);
        }
      };
      await Promise.all(Array.from({ length: WARM_CONCURRENCY }, worker));
      return branches.length;
    },
  };
}
