// Every cell of the round item lifecycle table, checked against the lifecycle as DOMAIN.md describes it.
import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES, type ItemStatus } from '../../../protocol/domain-values.js';
import { ITEM_TRANSITIONS, itemLifecycle, type ItemTransition } from './item-lifecycle.js';
import { transition } from './lifecycle.js';

// Written out by hand, not read from the table: changing a cell must be repeated here on purpose.
// Every cell not listed is CONFLICT.
const ALLOWED: ReadonlyArray<[ItemStatus, ItemTransition, ItemStatus]> = [
  ['PENDING', 'hold', 'HELD'],
  ['PENDING', 'fire', 'FIRED'],
  // A diner's round waiting for confirmation still has PENDING items, and a manager may void them.
  ['PENDING', 'void', 'VOIDED'],
  ['HELD', 'fire', 'FIRED'],
  ['HELD', 'void', 'VOIDED'],
  ['FIRED', 'ready', 'READY'],
  // Bar items nobody bumps go straight to the table.
  ['FIRED', 'serve', 'SERVED'],
  ['FIRED', 'void', 'VOIDED'],
  ['READY', 'unready', 'FIRED'],
  ['READY', 'serve', 'SERVED'],
  ['READY', 'void', 'VOIDED'],
  // Sent back by the diner after serving.
  ['SERVED', 'void', 'VOIDED'],
];

const INITIAL: ItemStatus = 'PENDING';

const expected = (from: ItemStatus, via: ItemTransition): ItemStatus | null =>
  ALLOWED.find(([f, v]) => f === from && v === via)?.[2] ?? null;

const cells = ITEM_STATUSES.flatMap((from) =>
  ITEM_TRANSITIONS.map((via) => ({ from, via, to: expected(from, via) ?? 'CONFLICT' })),
);

describe('round item lifecycle', () => {
  it('has a row for every item status and a cell for every transition', () => {
    expect(Object.keys(itemLifecycle).sort()).toEqual([...ITEM_STATUSES].sort());
    for (const row of Object.values(itemLifecycle)) {
      expect(Object.keys(row).sort()).toEqual([...ITEM_TRANSITIONS].sort());
    }
  });

  it.each(cells)('a $from item asked to $via ends $to', ({ from, via, to }) => {
    const result = transition('item', itemLifecycle, from, via);
    if (to === 'CONFLICT') {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: `cannot ${via} an item that is ${from}`,
          details: { what: 'item', from, transition: via },
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: to });
    }
  });

  it('reaches every status from PENDING', () => {
    const seen = new Set<ItemStatus>([INITIAL]);
    const queue: ItemStatus[] = [INITIAL];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of Object.values(itemLifecycle[s])) {
        if (to !== null && !seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ITEM_STATUSES].sort());
  });
});
