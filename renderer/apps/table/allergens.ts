// The 14 regulated allergens (EU 1169/2011), named in both languages. The list
// mirrors ALLERGENS in protocol/domain-values.ts (importing it would pull zod into the bundle).
import type { Lang } from '../../shared/i18n.js';

export const ALLERGEN_INFO: ReadonlyArray<{ id: string; es: string; en: string }> = [
  { id: 'gluten', es: 'Gluten', en: 'Gluten' },
  { id: 'crustaceans', es: 'Crustáceos', en: 'Crustaceans' },
  { id: 'eggs', es: 'Huevo', en: 'Eggs' },
  { id: 'fish', es: 'Pescado', en: 'Fish' },
  { id: 'peanuts', es: 'Cacahuetes', en: 'Peanuts' },
  { id: 'soy', es: 'Soja', en: 'Soy' },
  { id: 'milk', es: 'Lácteos', en: 'Milk' },
  { id: 'tree_nuts', es: 'Frutos secos', en: 'Tree nuts' },
  { id: 'celery', es: 'Apio', en: 'Celery' },
  { id: 'mustard', es: 'Mostaza', en: 'Mustard' },
  { id: 'sesame', es: 'Sésamo', en: 'Sesame' },
  { id: 'sulphites', es: 'Sulfitos', en: 'Sulphites' },
  { id: 'lupin', es: 'Altramuces', en: 'Lupin' },
  { id: 'molluscs', es: 'Moluscos', en: 'Molluscs' },
];

const BY_ID = new Map(ALLERGEN_INFO.map((a) => [a.id, a]));

export function allergenName(id: string, lang: Lang): string {
  const a = BY_ID.get(id);
  return a ? a[lang] : id;
}

/** A dish passes the filter when it contains none of the allergens the diner wants to avoid. */
export function passesFilter(allergens: readonly string[], avoid: ReadonlySet<string>): boolean {
  return !allergens.some((a) => avoid.has(a));
}
