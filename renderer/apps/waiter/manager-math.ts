// The numbers behind the manager's dialogs: a typed discount as the hub's value (cents or basis points)
// and how much of a payment can still go back. Typed amounts go through the check's own parseMoneyInput
// so "12,50" means the same here as when taking a payment.
import { parseMoneyInput } from './check-math.js';
import type { PaymentView } from './hub-types.js';

export type DiscountKind = 'AMOUNT' | 'PERCENT';

/** 100 % in basis points: the hub refuses a percent discount above it. */
export const FULL_PERCENT_BP = 10_000;

/**
 * "10" → 1000 bp (10 %) for PERCENT, "12,50" → 1250 cents for AMOUNT; null when it is not a positive
 * amount, or a percentage over 100. Both are two-decimal numbers, so the same exact parsing serves.
 */
export function discountValue(kind: DiscountKind, text: string): number | null {
  const value = parseMoneyInput(kind === 'PERCENT' ? text.replace('%', '') : text);
  if (value === null || value <= 0) return null;
  if (kind === 'PERCENT' && value > FULL_PERCENT_BP) return null;
  return value;
}

/** What can still be refunded of a payment: what was taken minus what already went back. */
export function refundableCents(p: Pick<PaymentView, 'amountCents' | 'refundedCents' | 'status'>): number {
  if (p.status === 'REFUNDED') return 0;
  return Math.max(0, p.amountCents - p.refundedCents);
}

/** A discount as people read it: "10 %" / "12,5 %" or the amount in the currency. */
export function discountText(
  d: { kind: DiscountKind; value: number },
  money: (cents: number) => string,
  lang: 'es' | 'en',
): string {
  if (d.kind === 'AMOUNT') return money(d.value);
  const percent = String(d.value / 100);
  return `${lang === 'es' ? percent.replace('.', ',') : percent} %`;
}
