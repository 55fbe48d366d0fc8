// What hubs pull: the changes after a version (protocol/sync/catalog-feed.ts) and the whole-menu snapshot.
import { randomBytes } from 'node:crypto';
import {
  MAX_CATALOG_CHANGES,
  type CatalogChange,
  type CatalogChangesAnswer,
  type CatalogCommandType,
  type CatalogSnapshot,
} from '../../protocol/sync/catalog-feed.js';
import { toIso, toNumber, type CloudDb, type SqlRunner } from '../db/cloud-db.js';
import {
  branchPriceOf,
  productFieldsOf,
  type CategoryRow,
  type ProductRow,
  type StationRow,
} from './catalog-rows.js';

export async function catalogHead(
  db: SqlRunner,
  branchId: string,
): Promise<{ head: number; oldest: number }> {
  const rows = await db.query<{ head_version: unknown; oldest_version: unknown }>(
    'SELECT head_version, oldest_version FROM catalog_heads WHERE branch_id = $1',
    [branchId],
  );
  const r = rows[0];
  return r === undefined
    ? { head: 0, oldest: 1 }
    : { head: toNumber(r.head_version), oldest: toNumber(r.oldest_version) };
}

export async function catalogChangesSince(
  db: SqlRunner,
  branchId: string,
  since: number,
  limit = MAX_CATALOG_CHANGES,
): Promise<CatalogChangesAnswer> {
  const { head, oldest } = await catalogHead(db, branchId);
  if (since > head) {
    // A cloud restored from an older backup, or a hub paired to another branch's history: only a full
    // reload brings the hub back to what this cloud holds. The hub guards against refetch loops.
    return {
      status: 'must_refetch',
      branchId,
      headVersion: head,
      reason: `since ${since} is ahead of the cloud's head ${head}`,
    };
  }
  if (since < oldest - 1) {
    return {
      status: 'must_refetch',
      branchId,
      headVersion: head,
      reason: `changes before ${oldest} are no longer kept; since ${since} is too old`,
    };
  }
  const rows = await db.query<{
    version: unknown;
    change_id: string;
    type: CatalogCommandType;
    payload: Record<string, unknown>;
    made_at: unknown;
  }>(
    `SELECT version, change_id, type, payload, made_at FROM catalog_changes
      WHERE branch_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [branchId, since, limit],
  );
  const changes: CatalogChange[] = rows.map((r) => ({
    version: toNumber(r.version),
    changeId: r.change_id,
    type: r.type,
    payload: r.payload,
    madeAt: toIso(r.made_at) ?? '',
  }));
  const last = changes.at(-1)?.version ?? since;
  return { status: 'changes', branchId, changes, headVersion: head, upToDate: last >= head };
}

/**
 * The branch's whole owner-managed menu as upserts at the head version, read under a share lock on the
 * head row so no edit lands halfway through. Availability (86) and stock are left out on purpose: they are
 * the hub's live state (DESIGN.md) and a reload must not bring back a dish the kitchen just ran out of.
 * Command ids are fresh per snapshot: a hub reloading twice at one version must apply it twice, not have
 * its command log answer "already done".
 */
export async function catalogSnapshot(db: CloudDb, branchId: string): Promise<CatalogSnapshot> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO catalog_heads (branch_id) VALUES ($1) ON CONFLICT DO NOTHING', [branchId]);
    await tx.query('SELECT 1 FROM catalog_heads WHERE branch_id = $1 FOR SHARE', [branchId]);
    const { head } = await catalogHead(tx, branchId);
    const stations = await tx.query<StationRow>(
      'SELECT * FROM catalog_stations WHERE branch_id = $1 ORDER BY position, station_id',
      [branchId],
    );
    const categories = await tx.query<CategoryRow>(
      'SELECT * FROM catalog_categories WHERE branch_id = $1 ORDER BY position, category_id',
      [branchId],
    );
    const products = await tx.query<ProductRow>(
      'SELECT * FROM catalog_products WHERE branch_id = $1 ORDER BY category_id, product_id',
      [branchId],
    );
    const token = randomBytes(6).toString('hex');
    let n = 0;
    const command = (type: CatalogCommandType, payload: Record<string, unknown>) => ({
      changeId: `snap-${head}-${token}-${++n}`,
      type,
      payload,
    });
    return {
      branchId,
      version: head,
      commands: [
        ...stations.map((s) =>
          command('UpsertStation', {
            stationId: s.station_id,
            name: s.name,
            position: s.position,
            active: s.active,
          }),
        ),
        ...categories.map((c) =>
          command('UpsertCategory', {
            categoryId: c.category_id,
            name: c.name,
            position: c.position,
            active: c.active,
          }),
        ),
        ...products.map((p) => command('UpsertProduct', { ...productFieldsOf(p) })),
        ...products.map((p) =>
          command('SetBranchPrice', { productId: p.product_id, priceCents: branchPriceOf(p) }),
        ),
      ],
    };
  });
}
