import { describe, expect, it } from 'vitest';
import type { Product } from './catalog-types.js';
import {
  branchPriceChange,
  draftFromProduct,
  upsertProductPayload,
  validateProduct,
} from './product-draft.js';

const entrecot: Product = {
  id: 'prod-entrecot',
  categoryId: 'cat-mains',
  name: { es: 'Entrecot', en: 'Rib-eye' },
  description: { es: 'A la brasa', en: 'Grilled' },
  basePriceCents: 2200,
  priceCents: 2200,
  station: 'grill',
  course: 'main',
  taxRateBp: 1000,
  allergens: [],
  modifierGroups: [
    {
      id: 'doneness',
      name: { es: 'Punto', en: 'Doneness' },
      min: 1,
      max: 1,
      options: [{ id: 'rare', name: { es: 'Poco hecho', en: 'Rare' }, priceDeltaCents: 0 }],
    },
  ],
  active: true,
  available: true,
  stockCount: null,
};

describe('the product form', () => {
  it('round-trips a product into the same UpsertProduct payload', () => {
    const draft = draftFromProduct(entrecot, 'es', { categoryId: '', station: '' });
    expect(validateProduct(draft)).toEqual({});
    expect(upsertProductPayload(draft, entrecot.id)).toEqual({
      productId: 'prod-entrecot',
      categoryId: 'cat-mains',
      name: { es: 'Entrecot', en: 'Rib-eye' },
      description: { es: 'A la brasa', en: 'Grilled' },
      priceCents: 2200,
      station: 'grill',
      course: 'main',
      taxRateBp: 1000,
      allergens: [],
      modifierGroups: entrecot.modifierGroups,
      active: true,
    });
  });

  it('names every field that is wrong before anything is sent', () => {
    const draft = {
      ...draftFromProduct(undefined, 'es', { categoryId: 'cat-mains', station: 'grill' }),
      nameEn: 'Steak',
      price: '22,5x',
      taxRate: '121',
      groups: [{ id: 'g', nameEs: 'Punto', nameEn: 'Doneness', min: '2', max: '1', options: [] }],
    };
    expect(validateProduct(draft)).toEqual({
      'name.es': 'v.required',
      priceCents: 'v.money',
      taxRateBp: 'v.percent',
      modifierGroups: 'v.groupMinMax',
    });
  });

  it('sends a branch price only when it changed, and clears it when it equals the menu price', () => {
    const draft = draftFromProduct(entrecot, 'es', { categoryId: '', station: '' });
    expect(branchPriceChange(draft, entrecot)).toBeUndefined();
    expect(branchPriceChange({ ...draft, branchPrice: '24,00' }, entrecot)).toBe(2400);
    const overridden = { ...entrecot, priceCents: 2400 };
    const draftOverridden = draftFromProduct(overridden, 'es', { categoryId: '', station: '' });
    expect(draftOverridden.branchPrice).toBe('24,00');
    expect(branchPriceChange(draftOverridden, overridden)).toBeUndefined();
    expect(branchPriceChange({ ...draftOverridden, branchPrice: '' }, overridden)).toBeNull();
    expect(branchPriceChange({ ...draftOverridden, branchPrice: '22,00' }, overridden)).toBeNull();
  });
});
