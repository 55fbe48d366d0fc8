// Splits a check by what each payer had: whole lines or part of a line's quantity go to named shares.
import { cents, type Cents } from '../../../protocol/money.js';
import { fail, ok, type Result } from '../result.js';
import { splitEvenly } from './allocate.js';
import type { Check, CheckLineAmounts, Share } from './check-types.js';
import { withServiceCharge, type ShareDraft } from './share-service-charge.js';

export interface ItemAssignment {
  itemId: string;
  shareKey: string;
  /** Units of the line given to the share, >= 1. */
  qty: number;
}

/** Units nobody claimed land here, so the shares still sum to the total. Assigning to it on purpose is fine. */
export const REST_SHARE_KEY = 'rest';

interface AssignmentProblem {
  itemId: string;
  problem: string;
}

function findProblems(
  lines: ReadonlyMap<string, CheckLineAmounts>,
  assignments: readonly ItemAssignment[],
): AssignmentProblem[] {
  const problems: AssignmentProblem[] = [];
  const assigned = new Map<string, number>();
  for (const { itemId, shareKey, qty } of assignments) {
    if (!Number.isSafeInteger(qty) || qty < 1) {
      problems.push({ itemId, problem: `quantity ${qty} is not a whole number >= 1` });
    } else if (!lines.has(itemId)) {
      problems.push({ itemId, problem: 'is not on the check (unknown, not yet submitted, or voided)' });
    } else if (shareKey === '') {
      problems.push({ itemId, problem: 'has an empty share key' });
    } else {
      assigned.set(itemId, (assigned.get(itemId) ?? 0) + qty);
    }
  }
  for (const [itemId, qty] of assigned) {
    const lineQty = lines.get(itemId)?.qty ?? 0;
    if (qty > lineQty) {
      problems.push({ itemId, problem: `has ${qty} units assigned but only ${lineQty} ordered` });
    }
  }
  return problems;
}

type DraftItems = Map<string, { qty: number; amount: number }>;

/** Accumulates each share's items by item id, keeping the order in which shares and items first appear. */
class DraftBuilder {
  private readonly shares = new Map<string, DraftItems>();

  add(shareKey: string, itemId: string, qty: number, amount: number): void {
    const items: DraftItems = this.shares.get(shareKey) ?? new Map();
    this.shares.set(shareKey, items);
    const item = items.get(itemId) ?? { qty: 0, amount: 0 };
    items.set(itemId, { qty: item.qty + qty, amount: item.amount + amount });
  }

  /** Shares in order of first appearance, with the rest share last. */
  drafts(): ShareDraft[] {
    const keys = [...this.shares.keys()].filter((k) => k !== REST_SHARE_KEY);
    if (this.shares.has(REST_SHARE_KEY)) keys.push(REST_SHARE_KEY);
    return keys.map((key) => ({
      key,
      label: key === REST_SHARE_KEY ? 'Rest' : key,
      items: [...(this.shares.get(key) ?? [])].map(([itemId, { qty, amount }]) => ({
        itemId,
        qty,
        amountCents: cents(amount),
      })),
    }));
  }
}

/**
 * Each line's net is cut into per-unit amounts by largest remainder (the first units carry the odd
 * cents) and assignments take units in the order given: a line of 3 whose net is 10.00, assigned 1 to A
 * and 2 to B, gives A 3.34 and B 6.66. Over-assigned, unknown or non-counting items and quantities below
 * 1 fail INVALID, naming every offending item.
 */
export function splitByItem(check: Check, assignments: readonly ItemAssignment[]): Result<Share[]> {
  const lines = new Map(check.lines.map((l) => [l.itemId, l]));
  const problems = findProblems(lines, assignments);
  if (problems.length > 0) {
    const named = problems.map((p) => `${p.itemId} ${p.problem}`).join('; ');
    return fail('INVALID', `cannot split by item: ${named}`, { items: problems });
  }

  const units = new Map<string, Cents[]>(check.lines.map((l) => [l.itemId, splitEvenly(l.netCents, l.qty)]));
  const taken = new Map<string, number>();
  const builder = new DraftBuilder();
  const takeUnits = (shareKey: string, itemId: string, qty: number): void => {
    const from = taken.get(itemId) ?? 0;
    const amount = (units.get(itemId) ?? []).slice(from, from + qty).reduce((a, u) => a + u, 0);
    taken.set(itemId, from + qty);
    builder.add(shareKey, itemId, qty, amount);
  };

  for (const a of assignments) takeUnits(a.shareKey, a.itemId, a.qty);
  for (const line of check.lines) {
    const left = line.qty - (taken.get(line.itemId) ?? 0);
    if (left > 0) takeUnits(REST_SHARE_KEY, line.itemId, left);
  }
  return ok(withServiceCharge(builder.drafts(), check.serviceChargeCents));
}
