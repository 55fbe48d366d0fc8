// Row shapes of the catalog tables and their mapping to protocol fields (jsonb comes back parsed).
import {
  courseSchema,
  type Allergen,
  type LocalizedText,
  type ModifierGroup,
} from '../../protocol/domain-values.js';
import { toNumber } from '../db/cloud-db.js';
import type { ProductFields } from './catalog-projection.js';

export interface ProductRow {
  product_id: string;
  category_id: string;
  name: LocalizedText;
  description: { es: string; en: string };
  price_cents: unknown;
  branch_price_cents: unknown;
  station: string;
  course: string;
  tax_rate_bp: number;
  allergens: Allergen[];
  modifier_groups: ModifierGroup[];
  active: boolean;
  available: boolean;
  stock_count: number | null;
}

export interface CategoryRow {
  category_id: string;
  name: LocalizedText;
  position: number;
  active: boolean;
}

export interface StationRow {
  station_id: string;
  name: string;
  position: number;
  active: boolean;
}

export function productFieldsOf(r: ProductRow): ProductFields {
  return {
    productId: r.product_id,
    categoryId: r.category_id,
    name: r.name,
    description: r.description,
    priceCents: toNumber(r.price_cents),
    station: r.station,
    course: courseSchema.parse(r.course),
    taxRateBp: r.tax_rate_bp,
    allergens: r.allergens,
    modifierGroups: r.modifier_groups,
    active: r.active,
  };
}

export function branchPriceOf(r: ProductRow): number | null {
  return r.branch_price_cents === null || r.branch_price_cents === undefined
    ? null
    : toNumber(r.branch_price_cents);
}
