// A small hub menu as the hub's own events (what a demo hub syncs first), for catalog tests.
import type { DomainEvent } from '../../protocol/events/event.js';

export function stationUpserted(stationId: string, catalogVersion = 1): DomainEvent {
  return {
    type: 'StationUpserted',
    data: { stationId, name: stationId, position: 0, active: true, catalogVersion },
  };
}

export function categoryUpserted(
  categoryId: string,
  es: string,
  en: string,
  catalogVersion = 1,
): DomainEvent {
  return {
    type: 'CategoryUpserted',
    data: { categoryId, name: { es, en }, position: 0, active: true, catalogVersion },
  };
}

export function productUpserted(
  productId: string,
  priceCents: number,
  options: { categoryId?: string; station?: string; catalogVersion?: number } = {},
): DomainEvent {
  return {
    type: 'ProductUpserted',
    data: {
      productId,
      categoryId: options.categoryId ?? 'cat-mains',
      name: { es: `Plato ${productId}`, en: `Dish ${productId}` },
      description: { es: '', en: '' },
      priceCents,
      station: options.station ?? 'grill',
      course: 'main',
      taxRateBp: 1000,
      allergens: ['gluten'],
      modifierGroups: [],
      active: true,
      catalogVersion: options.catalogVersion ?? 1,
    },
  };
}

export function branchPriceSet(
  productId: string,
  priceCents: number | null,
  catalogVersion = 1,
): DomainEvent {
  return { type: 'BranchPriceSet', data: { productId, priceCents, catalogVersion } };
}

export function availabilitySet(productId: string, available: boolean): DomainEvent {
  return { type: 'ProductAvailabilitySet', data: { productId, available, stockCount: null } };
}

/** The hub's starting menu: one station, one category, two dishes. */
export function demoMenu(): DomainEvent[][] {
  return [
    [stationUpserted('grill')],
    [categoryUpserted('cat-mains', 'Principales', 'Mains')],
    [productUpserted('bife', 2400)],
    [productUpserted('milanesa', 1800)],
  ];
}
