import { describe, expect, it } from 'vitest';
import {
  byItemAssignments,
  centsToInput,
  changeCents,
  parseMoneyInput,
  quickTendered,
  shareStatuses,
  shareTitle,
  unitsOf,
} from './check-math.js';
import type { PaymentView, SplitView } from './hub-types.js';

const t = (k: string, v?: Record<string, string | number>) => `${k}:${v ? Object.values(v).join() : ''}`;

describe('money on the check screen', () => {
  it('reads amounts as people type them, in both languages, into integer cents', () => {
    expect(parseMoneyInput('12,50')).toBe(1250);
    expect(parseMoneyInput('12.5')).toBe(1250);
    expect(parseMoneyInput('€ 7')).toBe(700);
    expect(parseMoneyInput('0,07')).toBe(7);
    expect(parseMoneyInput('12,345')).toBeNull();
    expect(parseMoneyInput('abc')).toBeNull();
    expect(parseMoneyInput('')).toBeNull();
    expect(centsToInput(1250, 'es')).toBe('12,50');
    expect(centsToInput(1250, 'en')).toBe('12.50');
  });

  it('cash change is tendered minus amount minus tip; negative means short', () => {
    expect(changeCents(5000, 3250, 250)).toBe(1500);
    expect(changeCents(3000, 3250, 0)).toBe(-250);
  });

  it('offers the exact sum and the next notes above it', () => {
    expect(quickTendered(3250)).toEqual([3250, 3500, 4000, 5000]);
    expect(quickTendered(2000)).toEqual([2000, 5000]);
  });

  it('shows what each share still owes from the payments made against it', () => {
    const split: SplitView = {
      mode: 'EQUAL',
      totalCents: 1001,
      stale: false,
      shares: [
        { key: 'equal-1', label: 'Share 1', amountCents: 334, items: [] },
        { key: 'equal-2', label: 'Share 2', amountCents: 334, items: [] },
        { key: 'equal-3', label: 'Share 3', amountCents: 333, items: [] },
      ],
    };
    const payments: PaymentView[] = [
      {
        id: 'p1',
        sessionId: 's1',
        shareKey: 'equal-1',
        method: 'CARD',
        amountCents: 334,
        tipCents: 50,
        refundedCents: 0,
        status: 'CAPTURED',
      },
      {
        id: 'p2',
        sessionId: 's1',
        shareKey: 'equal-2',
        method: 'CASH',
        amountCents: 100,
        tipCents: 0,
        refundedCents: 0,
        status: 'CAPTURED',
      },
      {
        id: 'p3',
        sessionId: 's1',
        shareKey: 'equal-3',
        method: 'CASH',
        amountCents: 333,
        tipCents: 0,
        refundedCents: 0,
        status: 'REFUNDED',
      },
    ];
    expect(shareStatuses(split, payments).map((s) => s.dueCents)).toEqual([0, 234, 333]);
    const total = split.shares.reduce((s, x) => s + x.amountCents, 0);
    expect(total).toBe(split.totalCents);
  });

  it("names shares in the person's language: seats and parts", () => {
    expect(shareTitle({ key: 'seat-2', label: 'Seat 2' }, t)).toBe('split.seat:2');
    expect(shareTitle({ key: 'equal-3', label: 'Share 3' }, t)).toBe('split.share:3');
    expect(shareTitle({ key: 'part-1', label: 'part-1' }, t)).toBe('split.share:1');
    expect(shareTitle({ key: 'diner-01a2-33', label: 'Ana' }, t)).toBe('Ana');
  });

  it('a by-item split sends one assignment per dish and check, with the units counted', () => {
    const units = unitsOf([
      { itemId: 'beer', qty: 3 },
      { itemId: 'steak', qty: 1 },
    ]);
    expect(units).toHaveLength(4);
    const chosen = units.map((u, i) => ({ ...u, share: i === 3 ? 2 : i === 2 ? 2 : 1 }));
    expect(byItemAssignments(chosen)).toEqual([
      { itemId: 'beer', shareKey: 'part-1', qty: 2 },
      { itemId: 'beer', shareKey: 'part-2', qty: 1 },
      { itemId: 'steak', shareKey: 'part-2', qty: 1 },
    ]);
    expect(byItemAssignments(units)).toEqual([]);
  });
});
