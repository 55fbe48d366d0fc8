// Response shapes of the admin app's reads: the whole catalog and floor, inactive rows included (the
// menu and floor reads hide them, so a product switched off could never be switched on again), and the
// addresses the diners' QR codes point at.
import { z } from 'zod';
import { productViewSchema } from './api-views.js';
import { branchSettingsSchema, localizedTextSchema, paymentMethodSchema } from './domain-values.js';

export const adminCatalogViewSchema = z.object({
  catalogVersion: z.number().int(),
  currency: z.string(),
  stations: z.array(
    z.object({ id: z.string(), name: z.string(), position: z.number().int(), active: z.boolean() }),
  ),
  categories: z.array(
    z.object({ id: z.string(), name: localizedTextSchema, position: z.number().int(), active: z.boolean() }),
  ),
  /** Every product, active or not, with its per-branch price, availability (86) and stock. */
  products: z.array(productViewSchema),
});
export type AdminCatalogView = z.infer<typeof adminCatalogViewSchema>;

export const adminFloorViewSchema = z.object({
  branchName: z.string(),
  sectors: z.array(
    z.object({ id: z.string(), name: z.string(), position: z.number().int(), active: z.boolean() }),
  ),
  tables: z.array(
    z.object({
      id: z.string(),
      sectorId: z.string(),
      label: z.string(),
      seats: z.number().int(),
      joinCode: z.string(),
      active: z.boolean(),
    }),
  ),
});
export type AdminFloorView = z.infer<typeof adminFloorViewSchema>;

export const hubAddressesViewSchema = z.object({
  branchName: z.string(),
  /** The machine's non-internal IPv4 addresses, as phones on the restaurant's wifi reach it. */
  lanAddresses: z.array(z.string()),
  /** The plain-HTTP port the hub serves the apps on (0 when not known yet). */
  httpPort: z.number().int(),
  /** `http://<address>:<port>` for each LAN address: where a table's QR code sends a diner. */
  dinerBaseUrls: z.array(z.string()),
});
export type HubAddressesView = z.infer<typeof hubAddressesViewSchema>;

/** The branch's settings as the admin's settings page edits them (UpdateBranchSettings changes them). */
export const adminSettingsViewSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  settings: branchSettingsSchema,
});
export type AdminSettingsView = z.infer<typeof adminSettingsViewSchema>;

/**
 * One business day's takings as the hub's own money log has them (the manager's cash-up): closed tables'
 * totals, payments by method with tips, refunds. The cloud's figures for the same branch and day are
 * built from the same events, so an owner's dashboard and this page agree to the cent.
 */
export const dayReportViewSchema = z.object({
  day: z.string(),
  timeZone: z.string(),
  businessDayStartsAtHour: z.number().int(),
  currency: z.string(),
  revenueCents: z.number().int(),
  sessionsClosed: z.number().int(),
  paymentsCents: z.number().int(),
  tipsCents: z.number().int(),
  refundsCents: z.number().int(),
  byMethod: z.array(
    z.object({
      method: paymentMethodSchema,
      payments: z.number().int(),
      amountCents: z.number().int(),
      tipsCents: z.number().int(),
    }),
  ),
  /** Tables still open now (their money lands on the day they close). */
  openSessions: z.number().int(),
});
export type DayReportView = z.infer<typeof dayReportViewSchema>;
