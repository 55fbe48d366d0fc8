// Decisions on the menu: categories, stations, products, branch prices, availability (86) and stock.
import type { PayloadOf } from '../../protocol/commands/command.js';
import { decided, ev, type Decision } from './decision.js';
import { fail, type Result } from './result.js';
import type { DecideContext, ProductView } from './views.js';

export function decideUpsertCategory(
  input: { catalogVersion: number },
  p: PayloadOf<'UpsertCategory'>,
  ctx: DecideContext,
): Result<Decision> {
  const categoryId = p.categoryId ?? ctx.newId();
  const catalogVersion = input.catalogVersion + 1;
  return decided(
    [
      ev('CategoryUpserted', {
        categoryId,
        name: p.name,
        position: p.position,
        active: p.active,
        catalogVersion,
      }),
    ],
    {
      categoryId,
      catalogVersion,
    },
  );
}

export function decideUpsertStation(
  input: { catalogVersion: number },
  p: PayloadOf<'UpsertStation'>,
): Result<Decision> {
  const catalogVersion = input.catalogVersion + 1;
  return decided(
    [
      ev('StationUpserted', {
        stationId: p.stationId,
        name: p.name,
        position: p.position,
        active: p.active,
        catalogVersion,
      }),
    ],
    { stationId: p.stationId, catalogVersion },
  );
}

export function decideUpsertProduct(
  input: { catalogVersion: number; categoryExists: boolean; stationExists: boolean },
  p: PayloadOf<'UpsertProduct'>,
  ctx: DecideContext,
): Result<Decision> {
  if (!input.categoryExists) return fail('NOT_FOUND', `category ${p.categoryId} not found`);
  if (!input.stationExists) return fail('NOT_FOUND', `station ${p.station} not found`);
  const productId = p.productId ?? ctx.newId();
  const catalogVersion = input.catalogVersion + 1;
  return decided(
    [
      ev('ProductUpserted', {
        productId,
        categoryId: p.categoryId,
        name: p.name,
        description: p.description,
        priceCents: p.priceCents,
        station: p.station,
        course: p.course,
        taxRateBp: p.taxRateBp,
        allergens: [...new Set(p.allergens)],
        modifierGroups: p.modifierGroups,
        active: p.active,
        catalogVersion,
      }),
    ],
    { productId, catalogVersion },
  );
}

export function decideSetAvailability(
  input: { product: ProductView | undefined },
  p: PayloadOf<'SetProductAvailability'>,
): Result<Decision> {
  if (!input.product) return fail('NOT_FOUND', `product ${p.productId} not found`);
  const stockCount = p.stockCount === undefined ? input.product.stockCount : p.stockCount;
  // A count of zero means sold out, whatever the flag says.
  const available = p.available && (stockCount === null || stockCount > 0);
  return decided([ev('ProductAvailabilitySet', { productId: p.productId, available, stockCount })], {
    productId: p.productId,
    available,
    stockCount,
  });
}

export function decideSetBranchPrice(
  input: { product: ProductView | undefined; catalogVersion: number },
  p: PayloadOf<'SetBranchPrice'>,
): Result<Decision> {
  if (!input.product) return fail('NOT_FOUND', `product ${p.productId} not found`);
  const catalogVersion = input.catalogVersion + 1;
  return decided(
    [ev('BranchPriceSet', { productId: p.productId, priceCents: p.priceCents, catalogVersion })],
    {
      productId: p.productId,
      catalogVersion,
    },
  );
}
