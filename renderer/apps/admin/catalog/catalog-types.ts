// The catalog as the admin app reads it (GET /api/admin/catalog); types only, from protocol/.
import type { AdminCatalogView } from '../../../../protocol/admin-api-views.js';

export type Catalog = AdminCatalogView;
export type Product = Catalog['products'][number];
export type Category = Catalog['categories'][number];
export type Station = Catalog['stations'][number];

export const COURSES = ['drink', 'starter', 'main', 'dessert'] as const;
export type Course = (typeof COURSES)[number];

/** The 14 regulated allergens, in the order menus print them. */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soy',
  'milk',
  'tree_nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export type Allergen = (typeof ALLERGENS)[number];
