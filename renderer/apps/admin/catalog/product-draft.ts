// A product as its form holds it (text the manager types), checked before sending and turned into the
// UpsertProduct payload. Error values are text keys; the form translates them. Field names are the
// payload paths, so the hub's INVALID issues (`payload.name.es`) land on the same fields.
import { centsToInput, parseCents, parsePercentBp, bpToPercentInput, parseWholeNumber } from '../validate.js';
import type { Allergen, Course, Product } from './catalog-types.js';

export interface OptionDraft {
  id: string;
  nameEs: string;
  nameEn: string;
  delta: string;
}
export interface GroupDraft {
  id: string;
  nameEs: string;
  nameEn: string;
  min: string;
  max: string;
  options: OptionDraft[];
}
export interface ProductDraft {
  nameEs: string;
  nameEn: string;
  descEs: string;
  descEn: string;
  categoryId: string;
  price: string;
  /** Empty: this branch charges the base price. */
  branchPrice: string;
  station: string;
  course: Course;
  taxRate: string;
  allergens: Allergen[];
  groups: GroupDraft[];
  active: boolean;
}

export const PRODUCT_FIELDS = [
  'name.es',
  'name.en',
  'description.es',
  'description.en',
  'categoryId',
  'priceCents',
  'branchPrice',
  'station',
  'course',
  'taxRateBp',
  'allergens',
  'modifierGroups',
  'active',
] as const;

let counter = 0;
/** Modifier ids are the product's own (not entity ids): short and stable once saved. */
export function newModifierId(prefix: 'g' | 'o'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter.toString(36)}`;
}

export function draftFromProduct(
  p: Product | undefined,
  lang: 'es' | 'en',
  defaults: { categoryId: string; station: string },
): ProductDraft {
  if (!p) {
    return {
      nameEs: '',
      nameEn: '',
      descEs: '',
      descEn: '',
      categoryId: defaults.categoryId,
      price: '',
      branchPrice: '',
      station: defaults.station,
      course: 'main',
      taxRate: bpToPercentInput(1000, lang),
      allergens: [],
      groups: [],
      active: true,
    };
  }
  return {
    nameEs: p.name.es,
    nameEn: p.name.en,
    descEs: p.description.es,
    descEn: p.description.en,
    categoryId: p.categoryId,
    price: centsToInput(p.basePriceCents, lang),
    branchPrice: p.priceCents !== p.basePriceCents ? centsToInput(p.priceCents, lang) : '',
    station: p.station,
    course: p.course,
    taxRate: bpToPercentInput(p.taxRateBp, lang),
    allergens: [...p.allergens],
    groups: p.modifierGroups.map((g) => ({
      id: g.id,
      nameEs: g.name.es,
      nameEn: g.name.en,
      min: String(g.min),
      max: String(g.max),
      options: g.options.map((o) => ({
        id: o.id,
        nameEs: o.name.es,
        nameEn: o.name.en,
        delta: centsToInput(o.priceDeltaCents, lang),
      })),
    })),
    active: p.active,
  };
}

/** Field → text key of what is wrong; empty when the draft can be sent. */
export function validateProduct(d: ProductDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.nameEs.trim()) e['name.es'] = 'v.required';
  else if (d.nameEs.trim().length > 120) e['name.es'] = 'v.tooLong';
  if (!d.nameEn.trim()) e['name.en'] = 'v.required';
  else if (d.nameEn.trim().length > 120) e['name.en'] = 'v.tooLong';
  if (d.descEs.length > 500) e['description.es'] = 'v.tooLong';
  if (d.descEn.length > 500) e['description.en'] = 'v.tooLong';
  if (!d.categoryId) e.categoryId = 'v.required';
  if (!d.station) e.station = 'v.required';
  if (parseCents(d.price) === null) e.priceCents = d.price.trim() ? 'v.money' : 'v.required';
  if (d.branchPrice.trim() && parseCents(d.branchPrice) === null) e.branchPrice = 'v.money';
  if (parsePercentBp(d.taxRate) === null) e.taxRateBp = 'v.percent';
  const groupError = validateGroups(d.groups);
  if (groupError) e.modifierGroups = groupError;
  return e;
}

function validateGroups(groups: GroupDraft[]): string | undefined {
  for (const g of groups) {
    if (!g.nameEs.trim() || !g.nameEn.trim()) return 'v.groupName';
    const min = parseWholeNumber(g.min, 0, 20);
    const max = parseWholeNumber(g.max, 1, 20);
    if (min === null || max === null || min > max) return 'v.groupMinMax';
    if (g.options.length === 0) return 'v.groupOptions';
    if (min > g.options.length) return 'v.groupMinOptions';
    for (const o of g.options) {
      if (!o.nameEs.trim() || !o.nameEn.trim()) return 'v.optionName';
      if (parseCents(o.delta || '0') === null) return 'v.optionPrice';
    }
  }
  return undefined;
}

/** Call only after validateProduct() found nothing. */
export function upsertProductPayload(d: ProductDraft, productId?: string): Record<string, unknown> {
  return {
    ...(productId ? { productId } : {}),
    categoryId: d.categoryId,
    name: { es: d.nameEs.trim(), en: d.nameEn.trim() },
    description: { es: d.descEs.trim(), en: d.descEn.trim() },
    priceCents: parseCents(d.price)!,
    station: d.station,
    course: d.course,
    taxRateBp: parsePercentBp(d.taxRate)!,
    allergens: d.allergens,
    modifierGroups: d.groups.map((g) => ({
      id: g.id,
      name: { es: g.nameEs.trim(), en: g.nameEn.trim() },
      min: Number(g.min),
      max: Number(g.max),
      options: g.options.map((o) => ({
        id: o.id,
        name: { es: o.nameEs.trim(), en: o.nameEn.trim() },
        priceDeltaCents: parseCents(o.delta || '0')!,
      })),
    })),
    active: d.active,
  };
}

/**
 * The branch price to send with SetBranchPrice: a number to set it, null to go back to the base price,
 * undefined when nothing changed (no command at all).
 */
export function branchPriceChange(d: ProductDraft, p: Product | undefined): number | null | undefined {
  const wanted = d.branchPrice.trim() ? parseCents(d.branchPrice) : null;
  const base = parseCents(d.price);
  // The same as the base price is no override at all.
  const normalized = wanted !== null && wanted === base ? null : wanted;
  const current = p && p.priceCents !== p.basePriceCents ? p.priceCents : null;
  if (!p) return normalized === null ? undefined : normalized;
  return normalized === current ? undefined : normalized;
}
