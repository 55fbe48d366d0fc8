// The 14 regulated allergens (EU 1169/2011) for the diner's filter, named with the staff apps' words
// (renderer/shared/allergen-texts.ts). The ids mirror ALLERGENS in protocol/menu-values.ts (importing
// it would pull zod into the bundle).
import { allergenEn, allergenEs } from '../../shared/allergen-texts.js';
import type { Lang } from '../../shared/i18n.js';

type AllergenKey = keyof typeof allergenEs;
const KEYS = Object.keys(allergenEs) as AllergenKey[];

export const ALLERGEN_INFO: ReadonlyArray<{ id: string; es: string; en: string }> = KEYS.map((key) => ({
  id: key.slice('allergen.'.length),
  es: allergenEs[key],
  en: allergenEn[key],
}));

const BY_ID = new Map(ALLERGEN_INFO.map((a) => [a.id, a]));

export function allergenName(id: string, lang: Lang): string {
  const a = BY_ID.get(id);
  return a ? a[lang] : id;
}

/** A dish passes the filter when it contains none of the allergens the diner wants to avoid. */
export function passesFilter(allergens: readonly string[], avoid: ReadonlySet<string>): boolean {
  return !allergens.some((a) => avoid.has(a));
}
