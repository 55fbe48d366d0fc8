// The hub's read views as the waiter app uses them. The declared shapes come from protocol/api-views.ts
// (types only: no zod in the bundle); the session view also carries the split, payments, discounts and
// open service calls, which the hub sends but api-views.ts does not declare yet, so they are typed here.
import type { z } from 'zod';
import type { floorViewSchema, menuViewSchema, sessionDetailSchema } from '../../../protocol/api-views.js';
import type {
  Allergen,
  Course,
  ItemStatus,
  PaymentMethod,
  RoundStatus,
  ServiceCallKind,
  ServiceCallStatus,
  TableState,
} from '../../../protocol/domain-values.js';

export type { Allergen, Course, ItemStatus, PaymentMethod, RoundStatus, TableState };

export type FloorView = z.infer<typeof floorViewSchema>;
export type SectorView = FloorView['sectors'][number];
export type TableView = SectorView['tables'][number];

export type MenuView = z.infer<typeof menuViewSchema>;
export type CategoryView = MenuView['categories'][number];
export type ProductView = CategoryView['products'][number];

type DeclaredSession = z.infer<typeof sessionDetailSchema>;
export type RoundView = DeclaredSession['rounds'][number];
export type ItemView = RoundView['items'][number];

export interface ShareView {
  key: string;
  label: string;
  amountCents: number;
  items: Array<{ itemId: string; qty: number; amountCents: number }>;
}

export interface SplitView {
  mode: string;
  totalCents: number;
  shares: ShareView[];
  /** The check changed since the split was made: split again. */
  stale: boolean;
}

export interface PaymentView {
  id: string;
  shareKey: string | null;
  method: PaymentMethod;
  amountCents: number;
  tipCents: number;
  refundedCents: number;
  status: 'CAPTURED' | 'REFUNDED';
}

/** A discount on the check, as given: `value` is cents for AMOUNT, basis points for PERCENT. */
export interface DiscountView {
  id: string;
  kind: 'AMOUNT' | 'PERCENT';
  value: number;
  reason: string;
}

export interface ServiceCallView {
  id: string;
  sessionId: string;
  tableId: string;
  kind: ServiceCallKind;
  status: ServiceCallStatus;
}

export interface CheckLine {
  itemId: string;
  productId: string;
  name: string;
  qty: number;
  seat: number | null;
  status: ItemStatus;
  grossCents: number;
  netCents: number;
}

export interface SessionDetail extends DeclaredSession {
  check: DeclaredSession['check'] & { lines: CheckLine[] };
  table?: { id: string; label: string; sectorId: string; seats: number };
  split: SplitView | null;
  payments: PaymentView[];
  discounts: DiscountView[];
  serviceCalls: ServiceCallView[];
}
