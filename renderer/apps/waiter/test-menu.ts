// Builders for the waiter app's tests: dishes shaped exactly as GET /api/menu sends them.
import type { ProductView } from './hub-types.js';

/** A dish named `es` in both languages (give `name` to tell them apart), 10,00 € on the grill. */
export function product(over: Partial<ProductView> & { id: string; es: string }): ProductView {
  const { es, ...rest } = over;
  return {
    categoryId: 'cat-mains',
    name: { es, en: es },
    description: { es: '', en: '' },
    basePriceCents: 1000,
    priceCents: 1000,
    station: 'grill',
    course: 'main',
    taxRateBp: 1000,
    allergens: [],
    modifierGroups: [],
    active: true,
    available: true,
    stockCount: null,
    ...rest,
  };
}
