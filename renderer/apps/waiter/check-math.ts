// Money on the check screen: typed amounts to cents, cash change, what each share still owes, and the
// by-item assignment the hub's SplitCheck takes. Integer cents only; the hub does the splitting itself.
import type { PaymentView, ShareView, SplitView } from './hub-types.js';

/** "12,50", "12.5", "€ 12" → 1250; null when it is not an amount. */
export function parseMoneyInput(text: string): number | null {
  const clean = text.replace(/[€$\s]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(clean)) return null;
  const [whole = '0', frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Cents as the person types them back ("12,50" in Spanish, "12.50" in English). */
export function centsToInput(cents: number, lang: 'es' | 'en'): string {
  const text = (cents / 100).toFixed(2);
  return lang === 'es' ? text.replace('.', ',') : text;
}

/** Cash: what goes back to the diner; negative when they handed over too little. */
export function changeCents(tenderedCents: number, amountCents: number, tipCents: number): number {
  return tenderedCents - amountCents - tipCents;
}

/** Notes a cashier reaches for: the exact sum, then the next 5, 10, 20, 50 above it. */
export function quickTendered(owedCents: number): number[] {
  const out = [owedCents];
  for (const step of [500, 1000, 2000, 5000]) {
    const up = Math.ceil(owedCents / step) * step;
    if (up > owedCents && !out.includes(up)) out.push(up);
  }
  return out.slice(0, 4);
}

export interface ShareStatus {
  share: ShareView;
  paidCents: number;
  dueCents: number;
}

export function paidOf(payments: readonly PaymentView[], shareKey: string | null): number {
  return payments
    .filter((p) => p.status !== 'REFUNDED' && (shareKey === null || p.shareKey === shareKey))
    .reduce((s, p) => s + p.amountCents - p.refundedCents, 0);
}

export function shareStatuses(split: SplitView | null, payments: readonly PaymentView[]): ShareStatus[] {
  if (!split) return [];
  return split.shares.map((share) => {
    const paid = paidOf(payments, share.key);
    return { share, paidCents: paid, dueCents: Math.max(0, share.amountCents - paid) };
  });
}

export function tipsOf(payments: readonly PaymentView[]): number {
  return payments.filter((p) => p.status !== 'REFUNDED').reduce((s, p) => s + p.tipCents, 0);
}

/** A share's title in the person's language: the hub labels seats and parts in English. */
export function shareTitle(
  share: { key: string; label: string },
  t: (k: string, v?: Record<string, string | number>) => string,
): string {
  const seat = /^seat-(\d+)$/.exec(share.key);
  if (seat) return t('split.seat', { n: seat[1]! });
  const part = /^(?:equal|part)-(\d+)$/.exec(share.key);
  if (part) return t('split.share', { n: part[1]! });
  return share.label;
}

/** One unit of a check line, for the by-item split (a line of 3 beers can go to three people). */
export interface SplitUnit {
  itemId: string;
  unit: number;
  share: number;
}

export function unitsOf(lines: ReadonlyArray<{ itemId: string; qty: number }>): SplitUnit[] {
  return lines.flatMap((l) =>
    Array.from({ length: l.qty }, (_, i) => ({ itemId: l.itemId, unit: i, share: 0 })),
  );
}

/** Units grouped into the hub's assignments: one per (item, share) with the quantity; share 0 is "none". */
export function byItemAssignments(
  units: readonly SplitUnit[],
): Array<{ itemId: string; shareKey: string; qty: number }> {
  const out = new Map<string, { itemId: string; shareKey: string; qty: number }>();
  for (const u of units) {
    if (u.share < 1) continue;
    const shareKey = `part-${u.share}`;
    const k = `${u.itemId}|${shareKey}`;
    const row = out.get(k) ?? { itemId: u.itemId, shareKey, qty: 0 };
    row.qty += 1;
    out.set(k, row);
  }
  return [...out.values()];
}
