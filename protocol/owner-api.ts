// The owner dashboard's API (cloud-sync, /v1/owner/…): the shapes it answers with, shared by the cloud
// and the dashboard (renderer/apps/owner imports these as types). Money is integer cents; days are
// YYYY-MM-DD business days of the branch (its local date, the hours before its day start hour counting
// for the day before: docs/CLOUD.md); times are ISO-8601.

export type OwnerRole = 'owner' | 'viewer';

/** `GET /v1/owner/me` (and the body of a successful `POST /v1/owner/login`, without the tenant name). */
export interface OwnerMe {
  accountId: string;
  tenantId: string;
  tenantName: string;
  email: string;
  role: OwnerRole;
}

export interface OverviewHub {
  hubId: string;
  name: string;
  online: boolean;
  lastSeenAt: string | null;
  lagEvents: number;
  oldestPendingAgeMs: number | null;
  backlog: number;
  deadLetters: number;
  auditOk: boolean;
  catalogVersion: number | null;
}

export interface OverviewBranch {
  branchId: string;
  name: string;
  /** The branch's current business day: what `today` covers. */
  day: string;
  /** IANA zone of the branch (from its hub's settings). */
  timeZone: string;
  /** ISO 4217, from the hub's settings. */
  currency: string;
  today: {
    revenueCents: number;
    /** Items ordered today (active lines of submitted rounds, not carts), including tables still open. */
    orderedCents: number;
    paymentsCents: number;
    tipsCents: number;
    sessionsClosed: number;
    roundsPlaced: number;
  };
  openTables: number;
  guestsSeated: number;
  /** Rounds of open tables the kitchen has: placed by staff, or diners' rounds a waiter confirmed. */
  liveRounds: number;
  /** Diners' rounds of open tables waiting for a waiter's confirmation (not in liveRounds). */
  roundsAwaitingConfirmation: number;
  catalogHeadVersion: number;
  hubs: OverviewHub[];
}

/** `GET /v1/owner/overview` */
export interface Overview {
  tenantId: string;
  tenantName: string;
  /** The business day most branches are in (each branch has its own `day`). */
  day: string;
  generatedAt: string;
  branches: OverviewBranch[];
}

export interface ReportTotals {
  revenueCents: number;
  orderedCents: number;
  paymentsCents: number;
  tipsCents: number;
  refundsCents: number;
  sessionsClosed: number;
  roundsPlaced: number;
  itemsVoided: number;
}

/** `GET /v1/owner/reports?from&to&branches=a,b` (CSV: `/v1/owner/reports.csv?…&kind=`). */
export interface SalesReport {
  from: string;
  to: string;
  branches: { branchId: string; name: string; currency: string }[];
  /** ISO 4217 of the figures: the branches' currency (the first branch's when they differ). */
  currency: string;
  totals: ReportTotals;
  days: ({ day: string } & ReportTotals)[];
  /** 24 rows, hour 0–23 of each branch's wall clock: closed sessions' revenue by the hour they closed. */
  hours: { hour: number; revenueCents: number; sessionsClosed: number }[];
  byBranch: ({ branchId: string; name: string } & ReportTotals)[];
  products: { productId: string; name: string; qty: number; salesCents: number }[];
  paymentMethods: {
    method: string;
    payments: number;
    amountCents: number;
    tipsCents: number;
    refundedCents: number;
  }[];
}

export const REPORT_CSV_KINDS = ['days', 'hours', 'branches', 'products', 'payments'] as const;
export type ReportCsvKind = (typeof REPORT_CSV_KINDS)[number];

export interface EditorProduct {
  productId: string;
  categoryId: string;
  name: { es: string; en: string };
  priceCents: number;
  branchPriceCents: number | null;
  /** What the branch charges: the branch price when set, else the base price. */
  effectivePriceCents: number;
  station: string;
  course: string;
  allergens: string[];
  active: boolean;
  available: boolean;
  stockCount: number | null;
  /** The newest owner change to this product its hub has not applied yet, or null. */
  pendingVersion: number | null;
}

export interface EditorHub {
  hubId: string;
  name: string;
  appliedVersion: number | null;
  /** The hub's clock when it applied `appliedVersion`. */
  appliedAt: string | null;
  lastSeenAt: string | null;
}

export interface EditorChange {
  version: number;
  type: string;
  productId: string | null;
  payload: Record<string, unknown>;
  madeAt: string | null;
  madeBy: string;
  appliedAt: string | null;
}

/** `GET /v1/owner/catalog/:branchId` */
export interface CatalogEditorView {
  branchId: string;
  branchName: string;
  /** ISO 4217 the branch's prices are in (its hub's settings). */
  currency: string;
  headVersion: number;
  categories: { categoryId: string; name: { es: string; en: string }; position: number; active: boolean }[];
  stations: { stationId: string; name: string }[];
  products: EditorProduct[];
  hubs: EditorHub[];
  changes: EditorChange[];
}

/**
 * `POST /v1/owner/catalog/:branchId/changes` body (owner role): one hub command. `UpsertProduct` names
 * only the fields that change (a new product, without `productId`, names them all).
 */
export type CatalogEditBody =
  | { type: 'SetBranchPrice'; payload: { productId: string; priceCents: number | null } }
  | {
      type: 'SetProductAvailability';
      payload: { productId: string; available: boolean; stockCount?: number | null };
    }
  | {
      type: 'UpsertCategory';
      payload: { categoryId?: string; name: { es: string; en: string }; position?: number; active?: boolean };
    }
  | { type: 'UpsertProduct'; payload: Record<string, unknown> };

/** Its answer. */
export interface AppliedCatalogEdit {
  branchId: string;
  version: number;
  changeId: string;
  type: string;
  payload: Record<string, unknown>;
}
