// The slices of state that decisions read. The app layer loads them; the domain never does I/O.
import type {
  Allergen,
  BranchSettings,
  ChosenModifier,
  Course,
  ItemStatus,
  LocalizedText,
  ModifierGroup,
  PaymentMethod,
  Role,
  RoundStatus,
  ServiceCallKind,
  ServiceCallStatus,
  SessionStatus,
  TicketStatus,
} from '../../protocol/domain-values.js';
import type { Actor } from '../../protocol/events/event.js';

/** What a decision may use besides state: the time, fresh ids, and who is asking. */
export interface DecideContext {
  readonly actor: Actor;
  /** ISO time of the command, informational only: order comes from the event log's sequence. */
  readonly now: string;
  /** The business day the command falls in (for daily ticket numbers), e.g. '2026-11-27'. */
  readonly businessDay: string;
  newId(): string;
  newJoinCode(): string;
}

export interface ProductView {
  id: string;
  categoryId: string;
  name: LocalizedText;
  basePriceCents: number;
  /** The branch's own price when set, else the base price. */
  priceCents: number;
  station: string;
  course: Course;
  taxRateBp: number;
  allergens: Allergen[];
  modifierGroups: ModifierGroup[];
  active: boolean;
  available: boolean;
  stockCount: number | null;
}

export interface TableView {
  id: string;
  sectorId: string;
  label: string;
  seats: number;
  joinCode: string;
  active: boolean;
}

export interface SessionView {
  id: string;
  tableId: string;
  sectorId: string;
  status: SessionStatus;
  guests: number;
  roundCount: number;
  dinerCount: number;
  maxSeat: number;
}

export interface ItemView {
  id: string;
  roundId: string;
  productId: string;
  name: LocalizedText;
  unitPriceCents: number;
  qty: number;
  modifiers: ChosenModifier[];
  notes: string;
  dinerId: string | null;
  seat: number | null;
  course: Course;
  station: string;
  taxRateBp: number;
  allergens: Allergen[];
  status: ItemStatus;
  ticketId: string | null;
}

export interface RoundView {
  id: string;
  sessionId: string;
  number: number;
  status: RoundStatus;
  source: 'STAFF' | 'DINER';
  items: ItemView[];
}

export interface TicketView {
  id: string;
  roundId: string;
  sessionId: string;
  station: string;
  course: Course;
  status: TicketStatus;
  itemIds: string[];
  bumpedItemIds: string[];
}

export interface ServiceCallView {
  id: string;
  sessionId: string;
  tableId: string;
  kind: ServiceCallKind;
  status: ServiceCallStatus;
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

export interface StaffView {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  sectorIds: string[];
}

export type { BranchSettings };
