// Splits a check by diner or by seat: each pays for their own lines, and lines nobody claimed (the bread,
// the shared bottle) are divided evenly among everyone.
import { cents } from '../../../protocol/money.js';
import { fail, ok, type Result } from '../result.js';
import { splitEvenly } from './allocate.js';
import type { Check, CheckLineAmounts, Share, ShareItem } from './check-types.js';
import { withServiceCharge } from './share-service-charge.js';

export type SplitGroupBy = 'DINER' | 'SEAT';

interface Group {
  key: string;
  label: string;
}

/**
 * Share keys are prefixed so a diner id and a seat number can never be mistaken for each other, and use
 * only the characters of a protocol id (letters, digits, "-", "_"): RecordPayment sends the key back.
 */
function groupOf(line: CheckLineAmounts, by: SplitGroupBy): Group | null {
  if (by === 'DINER')
    return line.dinerId === null ? null : { key: `diner-${line.dinerId}`, label: line.dinerId };
  return line.seat === null ? null : { key: `seat-${line.seat}`, label: `Seat ${line.seat}` };
}

/**
 * One share per distinct diner (or seat) among the check's lines, in order of first appearance. Labels
 * are the diner id or "Seat n"; the caller swaps in diner names it knows. A line with no diner (seat) is
 * split evenly among all groups, earlier groups taking the odd cents, and its items carry `sharedBy`.
 */
export function splitByGroup(check: Check, by: SplitGroupBy): Result<Share[]> {
  const groups = new Map<string, Group & { items: ShareItem[] }>();
  for (const line of check.lines) {
    const group = groupOf(line, by);
    if (group !== null && !groups.has(group.key)) groups.set(group.key, { ...group, items: [] });
  }
  if (groups.size === 0) {
    const what = by === 'DINER' ? 'diner' : 'seat';
    return fail('INVALID', `nothing to split by ${what}: no line on the check has a ${what}`, { by });
  }

  const all = [...groups.values()];
  for (const line of check.lines) {
    const group = groupOf(line, by);
    if (group !== null) {
      groups.get(group.key)?.items.push({ itemId: line.itemId, qty: line.qty, amountCents: line.netCents });
      continue;
    }
    const parts = splitEvenly(line.netCents, all.length);
    all.forEach((g, i) => {
      const amountCents = parts[i] ?? cents(0);
      const item: ShareItem = { itemId: line.itemId, qty: line.qty, amountCents };
      g.items.push(all.length > 1 ? { ...item, sharedBy: all.length } : item);
    });
  }
  return ok(withServiceCharge(all, check.serviceChargeCents));
}
