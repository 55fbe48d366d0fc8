// Menu values with no schema attached, so the browser apps can import them without pulling zod into
// their bundles; protocol/domain-values.ts builds its zod enums from these same lists.

export const COURSES = ['drink', 'starter', 'main', 'dessert'] as const;
export type Course = (typeof COURSES)[number];

/** The 14 allergens regulated in the EU (Regulation 1169/2011), also used in Argentina's labelling. */
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
