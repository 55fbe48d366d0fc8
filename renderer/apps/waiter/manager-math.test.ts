import { describe, expect, it } from 'vitest';
import { canManage, checkEditable } from './manager-access.js';
import { discountText, discountValue, refundableCents } from './manager-math.js';

describe('a typed discount as the hub takes it', () => {
  it('reads a percentage as basis points, with a comma or a point, and refuses more than 100 %', () => {
    expect(discountValue('PERCENT', '10')).toBe(1000);
    expect(discountValue('PERCENT', '12,5')).toBe(1250);
    expect(discountValue('PERCENT', '7.25 %')).toBe(725);
    expect(discountValue('PERCENT', '100')).toBe(10_000);
    expect(discountValue('PERCENT', '100,01')).toBeNull();
  });

  it('reads an amount as exact integer cents (no float: 0,29 stays 29)', () => {
    expect(discountValue('AMOUNT', '12,50')).toBe(1250);
    expect(discountValue('AMOUNT', '0,29')).toBe(29);
    expect(discountValue('AMOUNT', '€ 5')).toBe(500);
  });

  it('refuses nothing, zero, negatives and text', () => {
    for (const text of ['', '0', '0,00', '-5', 'diez', '1,234']) {
      expect(discountValue('AMOUNT', text)).toBeNull();
      expect(discountValue('PERCENT', text)).toBeNull();
    }
  });

  it('shows a percentage in the person’s language', () => {
    const money = (c: number) => `${c / 100} €`;
    expect(discountText({ kind: 'PERCENT', value: 1250 }, money, 'es')).toBe('12,5 %');
    expect(discountText({ kind: 'PERCENT', value: 1000 }, money, 'en')).toBe('10 %');
    expect(discountText({ kind: 'AMOUNT', value: 500 }, money, 'es')).toBe('5 €');
  });
});

describe('what is left to refund', () => {
  it('is what was taken minus what already went back, and nothing once fully refunded', () => {
    expect(refundableCents({ amountCents: 3000, refundedCents: 0, status: 'CAPTURED' })).toBe(3000);
    expect(refundableCents({ amountCents: 3000, refundedCents: 1000, status: 'CAPTURED' })).toBe(2000);
    expect(refundableCents({ amountCents: 3000, refundedCents: 3000, status: 'REFUNDED' })).toBe(0);
  });
});

describe('who sees the manager actions', () => {
  it('managers and admins, never waiters or the kitchen', () => {
    expect(canManage('MANAGER')).toBe(true);
    expect(canManage('ADMIN')).toBe(true);
    expect(canManage('WAITER')).toBe(false);
    expect(canManage('KITCHEN')).toBe(false);
    expect(canManage(undefined)).toBe(false);
  });

  it('only while the check is editable: the first payment freezes it', () => {
    expect(checkEditable('OPEN')).toBe(true);
    expect(checkEditable('CHECK_REQUESTED')).toBe(true);
    expect(checkEditable('PAYING')).toBe(false);
    expect(checkEditable('CLOSED')).toBe(false);
  });
});
