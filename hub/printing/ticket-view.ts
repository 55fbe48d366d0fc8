// What the printers are asked to print: the kitchen ticket and the check (pre-bill or receipt), as
// plain view models the hub fills from its read tables. Renderers take nothing else, so a print job
// can store its view as JSON and parse it back with these schemas before printing or reprinting.
import { z } from 'zod';
import { allergenSchema, courseSchema, paymentMethodSchema } from '../../protocol/domain-values.js';
import { basisPointsSchema, centsSchema } from '../../protocol/money.js';

export const PRINT_LOCALES = ['es', 'en'] as const;
export const printLocaleSchema = z.enum(PRINT_LOCALES);
export type PrintLocale = z.infer<typeof printLocaleSchema>;

const isoInstantSchema = z.iso.datetime({ offset: true });
const timeZoneSchema = z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Madrid');

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const KITCHEN_TICKET_KINDS = ['NEW', 'REPRINT', 'VOID'] as const;

export const kitchenTicketItemSchema = z.object({
  qty: z.number().int().min(1),
  name: z.string(),
  modifiers: z.array(z.string()),
  notes: z.string().nullable(),
  allergens: z.array(allergenSchema),
  seat: z.number().int().min(1).nullable(),
});
export type KitchenTicketItem = z.infer<typeof kitchenTicketItemSchema>;

export const kitchenTicketViewSchema = z.object({
  ticketId: z.string().min(1),
  stationName: z.string(),
  tableLabel: z.string(),
  sectorName: z.string(),
  waiterName: z.string(),
  /** The round's number within its table session: 1, 2, 3… */
  roundNumber: z.number().int().min(1),
  /** The ticket's number within the business day, the one the kitchen calls out. */
  dailyNumber: z.number().int().min(1),
  createdAt: isoInstantSchema,
  timeZone: timeZoneSchema,
  locale: printLocaleSchema,
  kind: z.enum(KITCHEN_TICKET_KINDS),
  /** Why the items were voided, printed under the VOID banner. */
  voidReason: z.string().nullable().optional(),
  courses: z.array(z.object({ course: courseSchema, items: z.array(kitchenTicketItemSchema) })),
});
export type KitchenTicketView = z.infer<typeof kitchenTicketViewSchema>;

export const checkPrintLineSchema = z.object({
  qty: z.number().int().min(1),
  name: z.string(),
  modifiers: z.array(z.string()),
  /** The line's amount after its modifiers, tax included. */
  amountCents: centsSchema,
});

export const checkPaymentSchema = z.object({
  method: paymentMethodSchema,
  amountCents: centsSchema,
  tipCents: centsSchema,
  /** Cash handed over; null for cards. */
  tenderedCents: centsSchema.nullable(),
  changeCents: centsSchema.nullable(),
  cardLast4: z
    .string()
    .regex(/^[0-9]{4}$/)
    .nullable(),
  approvalCode: z.string().nullable(),
});
export type CheckPayment = z.infer<typeof checkPaymentSchema>;

const checkCommonShape = {
  branchName: z.string(),
  branchAddress: z.string().nullable(),
  /** NIF / CUIT where the law wants it on the paper. */
  branchTaxId: z.string().nullable(),
  tableLabel: z.string(),
  waiterName: z.string(),
  guests: z.number().int().min(0).nullable(),
  /** Check or receipt number, if the branch numbers them. */
  reference: z.string().nullable(),
  createdAt: isoInstantSchema,
  timeZone: timeZoneSchema,
  locale: printLocaleSchema,
  /** BCP 47 tag for numbers and dates when the country matters ("es-AR" prints "$ 1.234,50"); defaults to locale. */
  formatLocale: z.string().optional(),
  /** ISO 4217 code: "EUR", "ARS". */
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z.array(checkPrintLineSchema),
  subtotalCents: centsSchema,
  discounts: z.array(z.object({ reason: z.string(), amountCents: centsSchema })),
  serviceChargeCents: centsSchema,
  /** Prices include tax: base + tax per rate, as the law wants it shown. */
  taxes: z.array(z.object({ rateBp: basisPointsSchema, baseCents: centsSchema, taxCents: centsSchema })),
  totalCents: centsSchema,
  /** What each payer owes when the check is split; empty when it is not. */
  shares: z.array(z.object({ label: z.string(), amountCents: centsSchema })),
  footer: z.string().nullable(),
};

export const checkPrintViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PRE_BILL'), ...checkCommonShape }),
  z.object({ kind: z.literal('RECEIPT'), ...checkCommonShape, payments: z.array(checkPaymentSchema) }),
]);
export type CheckPrintView = z.infer<typeof checkPrintViewSchema>;
