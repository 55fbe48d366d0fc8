// The catalog as the admin app reads it (GET /api/admin/catalog); types only, from protocol/.
import type { AdminCatalogView } from '../../../../protocol/admin-api-views.js';

export type Catalog = AdminCatalogView;
export type Product = Catalog['products'][number];
export type Category = Catalog['categories'][number];
export type Station = Catalog['stations'][number];

export { ALLERGENS, COURSES, type Allergen, type Course } from '../../../../protocol/menu-values.js';
