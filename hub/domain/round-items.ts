// Turning a requested line into an order item: product checks, modifier rules, price snapshot.
import type { ItemInput } from '../../protocol/commands/round-commands.js';
import type { ChosenModifier } from '../../protocol/domain-values.js';
import type { RoundItemData } from '../../protocol/events/round-events.js';
import { fail, ok, type Result } from './result.js';
import type { ProductView } from './views.js';

export function resolveModifiers(
  product: ProductView,
  choices: ReadonlyArray<{ groupId: string; optionId: string }>,
): Result<ChosenModifier[]> {
  const chosen: ChosenModifier[] = [];
  const perGroup = new Map<string, number>();
  for (const choice of choices) {
    const group = product.modifierGroups.find((g) => g.id === choice.groupId);
    if (!group) return fail('INVALID', `"${product.name.en}" has no modifier group ${choice.groupId}`);
    const option = group.options.find((o) => o.id === choice.optionId);
    if (!option) return fail('INVALID', `modifier group "${group.name.en}" has no option ${choice.optionId}`);
    if (chosen.some((c) => c.groupId === group.id && c.optionId === option.id)) {
      return fail('INVALID', `option "${option.name.en}" chosen twice`);
    }
    perGroup.set(group.id, (perGroup.get(group.id) ?? 0) + 1);
    chosen.push({
      groupId: group.id,
      optionId: option.id,
      name: option.name.es,
      priceDeltaCents: option.priceDeltaCents,
    });
  }
  for (const group of product.modifierGroups) {
    const n = perGroup.get(group.id) ?? 0;
    if (n < group.min || n > group.max) {
      return fail(
        'INVALID',
        `"${group.name.en}" needs between ${group.min} and ${group.max} choices, got ${n}`,
        {
          groupId: group.id,
        },
      );
    }
  }
  return ok(chosen);
}

export function orderable(product: ProductView | undefined, productId: string): Result<ProductView> {
  if (!product || !product.active) return fail('NOT_FOUND', `product ${productId} is not on the menu`);
  if (!product.available) {
    return fail('CONFLICT', `"${product.name.es}" is sold out`, {
      soldOut: [{ productId, name: product.name.es }],
    });
  }
  return ok(product);
}

export function buildItem(
  product: ProductView | undefined,
  input: ItemInput,
  ids: { itemId: string; addedBy: string | null },
): Result<RoundItemData> {
  const p = orderable(product, input.productId);
  if (!p.ok) return p;
  const modifiers = resolveModifiers(p.value, input.modifiers);
  if (!modifiers.ok) return modifiers;
  return ok({
    itemId: ids.itemId,
    productId: p.value.id,
    name: p.value.name,
    unitPriceCents: p.value.priceCents,
    qty: input.qty,
    modifiers: modifiers.value,
    notes: input.notes,
    dinerId: input.dinerId,
    seat: input.seat,
    course: input.course ?? p.value.course,
    station: p.value.station,
    taxRateBp: p.value.taxRateBp,
    allergens: p.value.allergens,
    addedBy: ids.addedBy,
  });
}
