// The owner's menu editor writes: each edit is checked against the hub command it will become, applied to
// the cloud's copy, and appended to the branch's change log with the next version, in one transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  setBranchPriceSchema,
  setProductAvailabilitySchema,
  upsertCategorySchema,
  upsertProductSchema,
} from '../../protocol/commands/catalog-commands.js';
import {
  allergenSchema,
  courseSchema,
  localizedTextSchema,
  stationIdSchema,
} from '../../protocol/domain-values.js';
import { AppError, invalidFromZod } from '../../protocol/errors.js';
import { idSchema } from '../../protocol/ids.js';
import { basisPointsSchema, centsSchema } from '../../protocol/money.js';
import type { CatalogCommandType } from '../../protocol/sync/catalog-feed.js';
import type { Clock } from '../clock.js';
import { toNumber, type CloudDb, type SqlRunner } from '../db/cloud-db.js';
import {
  setAvailability,
  setBranchPrice,
  upsertCategory,
  upsertProduct,
  type ProductFields,
} from './catalog-projection.js';
import { productFieldsOf, type ProductRow } from './catalog-rows.js';

/** Changes kept for hubs to pull; a hub further behind than this reloads the snapshot (must_refetch). */
export const CATALOG_RETAINED_CHANGES = 1000;

/** Product edits name only the fields that change; the rest come from the cloud's copy. No defaults here,
 * so an edit that leaves `active` out can never reactivate a product by accident. */
const productEditSchema = z
  .object({
    productId: idSchema.optional(),
    categoryId: idSchema.optional(),
    name: localizedTextSchema.optional(),
    description: z.object({ es: z.string().max(500), en: z.string().max(500) }).optional(),
    priceCents: centsSchema.optional(),
    station: stationIdSchema.optional(),
    course: courseSchema.optional(),
    taxRateBp: basisPointsSchema.optional(),
    allergens: z.array(allergenSchema).max(14).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const catalogEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SetBranchPrice'), payload: setBranchPriceSchema.shape.payload }),
  z.object({
    type: z.literal('SetProductAvailability'),
    payload: setProductAvailabilitySchema.shape.payload,
  }),
  z.object({ type: z.literal('UpsertCategory'), payload: upsertCategorySchema.shape.payload }),
  z.object({ type: z.literal('UpsertProduct'), payload: productEditSchema }),
]);
export type CatalogEdit = z.input<typeof catalogEditSchema>;

export interface AppliedEdit {
  branchId: string;
  version: number;
  changeId: string;
  type: CatalogCommandType;
  payload: Record<string, unknown>;
}

async function productOf(tx: SqlRunner, branchId: string, productId: string): Promise<ProductRow> {
  const rows = await tx.query<ProductRow>(
    'SELECT * FROM catalog_products WHERE branch_id = $1 AND product_id = $2',
    [branchId, productId],
  );
  const row = rows[0];
  if (row === undefined) throw new AppError('NOT_FOUND', `no product ${productId} in this branch's menu`);
  return row;
}

async function mustExist(tx: SqlRunner, sql: string, params: unknown[], message: string): Promise<void> {
  if ((await tx.query(sql, params)).length === 0) throw new AppError('CONFLICT', message);
}

/** Turns an edit into the exact hub command payload and applies it to the cloud's copy. */
async function applyEdit(
  tx: SqlRunner,
  branchId: string,
  edit: z.output<typeof catalogEditSchema>,
): Promise<Record<string, unknown>> {
  switch (edit.type) {
    case 'SetBranchPrice': {
      await productOf(tx, branchId, edit.payload.productId);
      await setBranchPrice(tx, branchId, edit.payload.productId, edit.payload.priceCents);
      return edit.payload;
    }
    case 'SetProductAvailability': {
      const row = await productOf(tx, branchId, edit.payload.productId);
      // The hub's own rule (hub/domain/catalog-decide.ts): a count of zero means sold out.
      const stock = edit.payload.stockCount === undefined ? row.stock_count : edit.payload.stockCount;
      await setAvailability(
        tx,
        branchId,
        edit.payload.productId,
        edit.payload.available && (stock === null || stock > 0),
        stock,
      );
      return edit.payload;
    }
    case 'UpsertCategory': {
      const payload = { ...edit.payload, categoryId: edit.payload.categoryId ?? randomUUID() };
      await upsertCategory(tx, branchId, payload);
      return payload;
    }
    case 'UpsertProduct': {
      const given = Object.fromEntries(Object.entries(edit.payload).filter(([, v]) => v !== undefined));
      const base: Partial<ProductFields> =
        edit.payload.productId === undefined
          ? {}
          : productFieldsOf(await productOf(tx, branchId, edit.payload.productId));
      const parsed = upsertProductSchema.shape.payload.safeParse({
        ...base,
        ...given,
        productId: edit.payload.productId ?? randomUUID(),
      });
      if (!parsed.success) throw invalidFromZod(parsed.error, 'product');
      const fields: ProductFields = { ...parsed.data, productId: parsed.data.productId ?? randomUUID() };
      await mustExist(
        tx,
        'SELECT 1 FROM catalog_categories WHERE branch_id = $1 AND category_id = $2',
        [branchId, fields.categoryId],
        `category ${fields.categoryId} is not in this branch's menu`,
      );
      await mustExist(
        tx,
        'SELECT 1 FROM catalog_stations WHERE branch_id = $1 AND station_id = $2',
        [branchId, fields.station],
        `station ${fields.station} is not in this branch's menu (has its hub synced yet?)`,
      );
      await upsertProduct(tx, branchId, fields);
      return fields;
    }
  }
}

/** Locks the branch's head row (created on first use): edits of one branch get versions one at a time. */
async function lockHead(tx: SqlRunner, branchId: string): Promise<{ head: number; oldest: number }> {
  await tx.query('INSERT INTO catalog_heads (branch_id) VALUES ($1) ON CONFLICT DO NOTHING', [branchId]);
  const rows = await tx.query<{ head_version: unknown; oldest_version: unknown }>(
    'SELECT head_version, oldest_version FROM catalog_heads WHERE branch_id = $1 FOR UPDATE',
    [branchId],
  );
  return { head: toNumber(rows[0]?.head_version), oldest: toNumber(rows[0]?.oldest_version) };
}

export async function applyCatalogEdit(
  db: CloudDb,
  input: { branchId: string; edit: unknown; madeBy: string },
  clock: Clock,
  options: { retain?: number } = {},
): Promise<AppliedEdit> {
  const retain = options.retain ?? CATALOG_RETAINED_CHANGES;
  const parsed = catalogEditSchema.safeParse(input.edit);
  if (!parsed.success) throw invalidFromZod(parsed.error, 'catalog change');
  const edit = parsed.data;
  return db.transaction(async (tx) => {
    const { head } = await lockHead(tx, input.branchId);
    const payload = await applyEdit(tx, input.branchId, edit);
    const version = head + 1;
    const changeId = `cc-${randomUUID()}`;
    await tx.query(
      `INSERT INTO catalog_changes (branch_id, version, change_id, type, payload, made_at, made_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [
        input.branchId,
        version,
        changeId,
        edit.type,
        JSON.stringify(payload),
        new Date(clock.nowMs()).toISOString(),
        input.madeBy,
      ],
    );
    const oldest = Math.max(1, version - retain + 1);
    await tx.query('UPDATE catalog_heads SET head_version = $2, oldest_version = $3 WHERE branch_id = $1', [
      input.branchId,
      version,
      oldest,
    ]);
    await tx.query('DELETE FROM catalog_changes WHERE branch_id = $1 AND version < $2', [
      input.branchId,
      oldest,
    ]);
    return { branchId: input.branchId, version, changeId, type: edit.type, payload };
  });
}
