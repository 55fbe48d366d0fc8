// The check (bill) of a table session: what goes in (lines, discounts, settings) and what comes out
// (amounts per line, tax breakdown, total), plus the shares a split makes of it.
import type { Cents } from '../../../protocol/money.js';

export type ItemStatus = 'PENDING' | 'HELD' | 'FIRED' | 'READY' | 'SERVED' | 'VOIDED';

/** One round item as the check sees it. Prices include tax. */
export interface CheckLine {
  itemId: string;
  productId: string;
  name: string;
  /** Whole units, >= 1. */
  qty: number;
  /** Base price per unit at order time, tax included. */
  unitPriceCents: number;
  /** Sum of the chosen options' price deltas, per unit, >= 0. */
  modifiersCents: number;
  /** Basis points: 2100 = 21 %. */
  taxRateBp: number;
  dinerId: string | null;
  seat: number | null;
  status: ItemStatus;
}

/** A manager discount: AMOUNT in cents, or PERCENT in basis points of the subtotal. */
export interface Discount {
  id: string;
  kind: 'AMOUNT' | 'PERCENT';
  value: number;
  reason: string;
}

export interface CheckSettings {
  /** Service charge in basis points of the net total. */
  serviceChargeBp: number;
  /** The service charge (auto-gratuity) applies when guests >= this; null = never, 0 = always. */
  serviceChargeMinGuests: number | null;
}

export interface CheckInput {
  lines: readonly CheckLine[];
  discounts: readonly Discount[];
  guests: number;
  settings: CheckSettings;
}

export type CheckLineAmounts = CheckLine & {
  /** qty × (unit price + modifiers). */
  grossCents: Cents;
  /** This line's part of the check discount. */
  discountCents: Cents;
  /** gross − discount. */
  netCents: Cents;
};

/** A discount as applied: the cap at the subtotal may have cut it, down to zero. */
export interface AppliedDiscount {
  id: string;
  kind: Discount['kind'];
  reason: string;
  amountCents: Cents;
}

export interface TaxBreakdown {
  rateBp: number;
  /** Net sales at this rate, tax included. */
  grossCents: Cents;
  baseCents: Cents;
  taxCents: Cents;
}

/**
 * Invariants: totalCents = subtotalCents − discountCents + serviceChargeCents; the line nets and the tax
 * grosses each sum to subtotalCents − discountCents.
 */
export interface Check {
  /** Only the lines that count: submitted (not PENDING) and not VOIDED, in input order. */
  lines: CheckLineAmounts[];
  subtotalCents: Cents;
  discountCents: Cents;
  discounts: AppliedDiscount[];
  serviceChargeCents: Cents;
  totalCents: Cents;
  /** One entry per tax rate among the lines, sorted by rate. */
  taxes: TaxBreakdown[];
}

export interface ShareItem {
  itemId: string;
  /** Units of the line in this share; for a line divided among shares, the whole line's qty. */
  qty: number;
  amountCents: Cents;
  /** Present when the line is divided among this many shares (a shared bottle of wine). */
  sharedBy?: number;
}

/** What one payer owes. The shares of a split always sum to the check total. */
export interface Share {
  key: string;
  label: string;
  amountCents: Cents;
  items: ShareItem[];
}
